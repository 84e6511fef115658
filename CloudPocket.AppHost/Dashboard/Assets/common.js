"use strict";
// Shared by the pages: an EventSource that shows whether the live stream is connected.
function openStream(url, onItem) {
  const status = document.getElementById("connection");
  const source = new EventSource(url);
  source.onopen = () => { status.textContent = "live"; };
  source.onerror = () => { status.textContent = "disconnected, retrying…"; };
  source.onmessage = (event) => onItem(JSON.parse(event.data));
  return source;
}

function cell(text, className) {
  const td = document.createElement("td");
  // textContent, never innerHTML: names, messages and log lines are data, not markup.
  td.textContent = text ?? "";
  if (className) td.className = className;
  return td;
}
