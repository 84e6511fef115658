"use strict";
// One resource's console, streamed from /api/resources/{name}/logs/events; the oldest lines go past the limit.
const limit = 5000;
const params = new URLSearchParams(location.search);
const log = document.getElementById("log");
const picker = document.getElementById("resource");
document.getElementById("limit").textContent = String(limit);

function append(line) {
  const follow = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
  const div = document.createElement("div");
  div.className = line.isError ? "stderr" : "stdout";
  const time = document.createElement("time");
  time.textContent = new Date(line.timestamp).toLocaleTimeString();
  div.append(time, document.createTextNode(line.text));
  log.appendChild(div);
  while (log.childElementCount > limit) log.firstElementChild.remove();
  if (follow) log.scrollTop = log.scrollHeight;
}

fetch("/api/resources").then((r) => r.json()).then((resources) => {
  const chosen = params.get("resource") ?? resources[0]?.name;
  for (const resource of resources) {
    const option = new Option(resource.name, resource.name, false, resource.name === chosen);
    picker.appendChild(option);
  }
  picker.onchange = () => { location.search = "?resource=" + encodeURIComponent(picker.value); };
  if (chosen) openStream(`/api/resources/${encodeURIComponent(chosen)}/logs/events`, append);
});
