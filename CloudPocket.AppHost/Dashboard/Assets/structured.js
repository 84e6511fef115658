"use strict";
// Structured (OTLP) log records, filtered on the server by the form's fields and polled.
const form = document.getElementById("filters");
const status = document.getElementById("connection");

fetch("/api/resources").then((r) => r.json()).then((resources) => {
  for (const resource of resources) form.resource.appendChild(new Option(resource.name, resource.name));
});

function row(record) {
  const tr = document.createElement("tr");
  tr.className = "record " + record.level;
  const attributes = Object.entries(record.attributes).map(([k, v]) => k + "=" + v).join("  ");
  const trace = cell("", "trace");
  if (record.traceId) {
    const link = document.createElement("a");
    link.href = "/trace?id=" + encodeURIComponent(record.traceId);
    link.textContent = record.traceId.slice(0, 8);
    trace.appendChild(link);
  }
  tr.append(cell(new Date(record.timestamp).toLocaleTimeString(), "time"), cell(record.resource, "resource"),
    cell(record.level, "level"), cell(record.message, "message"), cell(attributes, "attributes"), trace);
  return tr;
}

async function refresh() {
  try {
    const query = new URLSearchParams(new FormData(form));
    const records = await (await fetch("/api/logs?" + query)).json();
    document.querySelector("#structured tbody").replaceChildren(...records.map(row));
    status.textContent = "live";
  } catch {
    status.textContent = "disconnected, retrying…";
  }
}

form.onsubmit = (event) => event.preventDefault();
form.oninput = refresh;
refresh();
setInterval(refresh, 1000);
