"use strict";
// The traces list, polled: traces grow span by span as batches arrive, so the whole list is redrawn each time.
const status = document.getElementById("connection");

async function refresh() {
  try {
    const response = await fetch("/api/traces");
    const traces = await response.json();
    const rows = traces.map((trace) => {
      const tr = document.createElement("tr");
      tr.dataset.trace = trace.traceId;
      const name = cell("", "name");
      const link = document.createElement("a");
      link.href = "/trace?id=" + encodeURIComponent(trace.traceId);
      link.textContent = trace.name;
      name.appendChild(link);
      tr.append(cell(new Date(trace.start).toLocaleTimeString(), "time"), cell(trace.resource, "resource"), name,
        cell(String(trace.spanCount), "spans"), cell(trace.durationMs.toFixed(1) + " ms", "duration"), cell(trace.status, "status " + trace.status));
      return tr;
    });
    document.querySelector("#traces tbody").replaceChildren(...rows);
    status.textContent = "live";
  } catch {
    status.textContent = "disconnected, retrying…";
  }
}

refresh();
setInterval(refresh, 1000);
