"use strict";
// One trace as a waterfall: spans in tree order, indented by depth, each bar placed on the trace's own time axis.
const traceId = new URLSearchParams(location.search).get("id") ?? "";

function treeOrder(spans) {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(span);
  }
  const ordered = [];
  const visit = (parent, depth) => {
    for (const span of children.get(parent) ?? []) {
      ordered.push({ span, depth });
      visit(span.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}

function attributesRow(span) {
  const tr = document.createElement("tr");
  tr.className = "attributes";
  tr.hidden = true;
  const td = cell("");
  td.colSpan = 5;
  const list = document.createElement("dl");
  for (const [key, value] of Object.entries(span.attributes)) {
    const dt = document.createElement("dt");
    dt.textContent = key;
    const dd = document.createElement("dd");
    dd.textContent = value;
    list.append(dt, dd);
  }
  td.appendChild(list);
  tr.appendChild(td);
  return tr;
}

function render(spans) {
  const start = Math.min(...spans.map((s) => Date.parse(s.start)));
  const end = Math.max(...spans.map((s) => Date.parse(s.start) + s.durationMs));
  const total = Math.max(end - start, 1);
  const rows = [];
  for (const { span, depth } of treeOrder(spans)) {
    const tr = document.createElement("tr");
    tr.className = "span " + span.status;
    tr.dataset.span = span.spanId;
    tr.dataset.depth = String(depth);
    const name = cell(span.name, "name");
    name.style.paddingLeft = 0.6 + depth * 1.2 + "rem";
    const timeline = cell("", "timeline");
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.style.marginLeft = ((Date.parse(span.start) - start) / total) * 100 + "%";
    bar.style.width = Math.max((span.durationMs / total) * 100, 0.5) + "%";
    timeline.appendChild(bar);
    tr.append(name, cell(span.resource, "resource"), cell(span.kind, "kind"), cell(span.durationMs.toFixed(1) + " ms", "duration"), timeline);
    const attributes = attributesRow(span);
    tr.onclick = () => { attributes.hidden = !attributes.hidden; };
    rows.push(tr, attributes);
  }
  document.querySelector("#waterfall tbody").replaceChildren(...rows);
  document.getElementById("title").textContent = "Trace " + traceId;
}

fetch("/api/traces/" + encodeURIComponent(traceId)).then((r) => r.json()).then(render);
