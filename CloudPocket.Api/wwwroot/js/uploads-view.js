// The upload list: a row per file with a progress bar, bytes, percent, speed and time left, a cancel button and
// the server's message when it fails. A few files go at once, the rest wait their turn.
import { isKeyProblem, keyHeaders, obtainKey } from './api.js';
import { formatBytes, formatDuration, formatSpeed } from './format.js';
import { UploadCancelled, uploadFile } from './upload.js';

const parallel = 3;
const queue = [];
let running = 0;
let announce = () => {};
let uploaded = () => {};

export const uploadsInProgress = () => running + queue.length;

export function setUpUploads({ onAnnounce, onUploaded }) {
  announce = onAnnounce;
  uploaded = onUploaded;
}

export function addFiles(files) {
  const list = document.getElementById('uploads');
  for (const file of files) {
    const item = { file, cancelled: false };
    item.row = renderRow(file, () => {
      item.cancelled = true;
      item.row.failed('Cancelled.');
      announce(`Upload of ${file.name} cancelled.`);
    });
    list.prepend(item.row.element);
    queue.push(item);
  }
  if (files.length > 0) announce(`${files.length === 1 ? 'One file' : `${files.length} files`} added to the uploads.`);
  pump();
}

function pump() {
  while (running < parallel && queue.length > 0) {
    running += 1;
    run(queue.shift()).finally(() => {
      running -= 1;
      pump();
    });
  }
}

async function run(item) {
  const { file, row } = item;
  if (item.cancelled) return;
  const samples = [];
  let shown = 0;
  // Progress events come by the thousand on a large file: the row is redrawn at most ten times a second.
  const onProgress = (loaded) => {
    const now = performance.now();
    if (now - shown < 100 && loaded < file.size) return;
    shown = now;
    row.progress(loaded, speedOf(samples, loaded));
  };
  for (;;) {
    const transfer = uploadFile(file, { headers: keyHeaders(), onProgress });
    row.started(transfer.cancel);
    try {
      const result = await transfer.done;
      row.succeeded();
      announce(`${file.name} uploaded.`);
      uploaded(result);
      return;
    } catch (error) {
      if (error instanceof UploadCancelled) {
        row.failed('Cancelled.');
        announce(`Upload of ${file.name} cancelled.`);
        return;
      }
      if (isKeyProblem(error.status, error)) {
        try {
          await obtainKey();
          continue;
        } catch (refused) {
          error = refused;
        }
      }
      row.failed(error.message);
      announce(`Upload of ${file.name} failed: ${error.message}`);
      return;
    }
  }
}

// Bytes per second over the last three seconds of progress.
function speedOf(samples, loaded) {
  const now = performance.now();
  samples.push({ now, loaded });
  while (samples.length > 2 && now - samples[0].now > 3000) samples.shift();
  const first = samples[0];
  return now > first.now ? ((loaded - first.loaded) * 1000) / (now - first.now) : 0;
}

function renderRow(file, cancelWhileWaiting) {
  const element = document.createElement('li');
  element.className = 'upload';
  const head = document.createElement('div');
  head.className = 'upload-head';
  const name = document.createElement('span');
  name.className = 'upload-name';
  name.textContent = file.name;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Cancel';
  button.setAttribute('aria-label', `Cancel upload of ${file.name}`);
  head.append(name, button);
  const progress = document.createElement('progress');
  progress.max = 100;
  progress.value = 0;
  progress.setAttribute('aria-label', `Upload of ${file.name}`);
  const status = document.createElement('p');
  status.className = 'muted upload-status';
  status.textContent = `Waiting · ${formatBytes(file.size)}`;
  element.append(head, progress, status);

  let onCancel = cancelWhileWaiting;
  button.addEventListener('click', () => onCancel());
  const dismiss = () => {
    button.textContent = 'Dismiss';
    button.setAttribute('aria-label', `Dismiss ${file.name}`);
    onCancel = () => element.remove();
  };

  return {
    element,
    started(cancel) {
      element.dataset.state = 'running';
      onCancel = cancel;
    },
    progress(loaded, speed) {
      const percent = file.size === 0 ? 100 : Math.floor((loaded / file.size) * 100);
      progress.value = percent;
      const left = speed > 0 ? formatDuration((file.size - loaded) / speed) : '…';
      status.textContent = `${formatBytes(loaded)} of ${formatBytes(file.size)} · ${percent}% · ${formatSpeed(speed)} · ${left} left`;
    },
    succeeded() {
      element.dataset.state = 'done';
      progress.value = 100;
      status.className = 'done upload-status';
      status.textContent = `Uploaded · ${formatBytes(file.size)} · 100%`;
      dismiss();
    },
    failed(message) {
      element.dataset.state = 'failed';
      status.className = 'error upload-status';
      status.textContent = message;
      dismiss();
    },
  };
}
