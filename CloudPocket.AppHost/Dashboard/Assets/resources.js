"use strict";
// The resources table, kept live from /api/resources/events: each event is one resource's whole row.
const rows = new Map();
const alive = new Set(["Running", "Starting", "Waiting", "Stopping"]);

function badge(text) {
  const td = cell("");
  if (text) {
    const span = document.createElement("span");
    span.className = "badge " + text;
    span.textContent = text;
    td.appendChild(span);
  }
  return td;
}

function endpointCell(endpoint) {
  const td = cell("");
  if (endpoint && /^https?:\/\//.test(endpoint)) {
    const a = document.createElement("a");
    a.href = endpoint;
    a.target = "_blank";
    a.rel = "noopener";
    a.textContent = endpoint;
    td.appendChild(a);
  }
  return td;
}

function actionsCell(resource) {
  const td = cell("");
  for (const action of ["Stop", "Start", "Restart"]) {
    const button = document.createElement("button");
    button.textContent = action;
    button.dataset.action = action.toLowerCase();
    button.disabled = action === "Start" ? alive.has(resource.state) : !alive.has(resource.state);
    button.onclick = () => fetch(`/api/resources/${encodeURIComponent(resource.name)}/${button.dataset.action}`, { method: "POST" });
    td.appendChild(button);
  }
  return td;
}

function render(resource) {
  const tr = document.createElement("tr");
  tr.dataset.resource = resource.name;
  const started = resource.startedAt ? new Date(resource.startedAt).toLocaleTimeString() : "";
  const logs = cell("");
  const link = document.createElement("a");
  link.href = "/logs?resource=" + encodeURIComponent(resource.name);
  link.textContent = "logs";
  logs.appendChild(link);
  tr.append(cell(resource.name, "name"), cell(resource.kind, "kind"), badge(resource.state), badge(resource.health),
    cell(started, "started"), cell(String(resource.restartCount), "restarts"), cell(resource.processId ?? "", "pid"),
    endpointCell(resource.endpoint), cell(resource.message ?? (resource.exitCode != null ? "exit code " + resource.exitCode : ""), "details"),
    actionsCell(resource));
  tr.children[2].classList.add("state");
  tr.children[3].classList.add("health");
  tr.children[7].classList.add("endpoint");
  tr.lastChild.appendChild(logs.firstChild);
  return tr;
}

openStream("/api/resources/events", (resource) => {
  const tbody = document.querySelector("#resources tbody");
  const row = render(resource);
  const existing = rows.get(resource.name);
  if (existing) existing.replaceWith(row); else tbody.appendChild(row);
  rows.set(resource.name, row);
});
