"use strict";
// Small live charts, polled: one SVG polyline per series, scaled to its own maximum.
const picker = document.getElementById("resource");
const status = document.getElementById("connection");
const svgNs = "http://www.w3.org/2000/svg";
const width = 320;
const height = 80;

function chart(series) {
  const card = document.createElement("figure");
  card.className = "chart";
  card.dataset.series = series.name;
  const last = series.points.at(-1)?.value ?? 0;
  const caption = document.createElement("figcaption");
  const title = document.createElement("span");
  title.className = "title";
  title.textContent = series.name;
  const value = document.createElement("span");
  value.className = "value";
  value.textContent = last.toFixed(last < 10 ? 2 : 0) + " " + series.unit;
  caption.append(title, value);
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const max = Math.max(...series.points.map((p) => p.value), 1e-9);
  const step = width / Math.max(series.points.length - 1, 1);
  const line = document.createElementNS(svgNs, "polyline");
  line.setAttribute("points", series.points.map((p, i) => `${(i * step).toFixed(1)},${(height - (p.value / max) * (height - 4)).toFixed(1)}`).join(" "));
  svg.appendChild(line);
  card.append(caption, svg);
  return card;
}

async function refresh() {
  try {
    const series = await (await fetch("/api/metrics?resource=" + encodeURIComponent(picker.value))).json();
    document.getElementById("charts").replaceChildren(...series.map(chart));
    status.textContent = "live";
  } catch {
    status.textContent = "disconnected, retrying…";
  }
}

fetch("/api/resources").then((r) => r.json()).then((resources) => {
  const chosen = new URLSearchParams(location.search).get("resource") ?? "api";
  for (const resource of resources) picker.appendChild(new Option(resource.name, resource.name, false, resource.name === chosen));
  picker.onchange = refresh;
  refresh();
  setInterval(refresh, 1000);
});
