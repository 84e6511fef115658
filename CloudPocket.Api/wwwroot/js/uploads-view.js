// The upload list: a row per file with a progress bar, bytes, percent, speed and time left, a cancel button and
// the server's message when it fails. A few files go at once, the rest wait their turn. Files from the server's tus
// threshold on go through tus, with Pause and Resume, and resume where they stopped after a reload.
import { isKeyProblem, keyHeaders, obtainKey } from './api.js';
import { formatBytes } from './format.js';
import { uploadFileResumably, unfinishedUploads } from './tus-upload.js';
import { renderRow } from './upload-row.js';
import { UploadCancelled, uploadFile } from './upload.js';

const parallel = 3;
const queue = [];
let running = 0;
let announce = () => {};
let uploaded = () => {};
let settings = Promise.resolve(null);
// The resumable uploads running in this tab: they are not offered for resuming.
const resuming = new Set();

export const uploadsInProgress = () => running + queue.length;

export function setUpUploads({ onAnnounce, onUploaded }) {
  announce = onAnnounce;
  uploaded = onUploaded;
  // Without the settings (offline, an older server) every file goes in one POST.
  settings = fetch('/page/settings').then((response) => (response.ok ? response.json() : null), () => null);
  showUnfinished();
}

// Offers to resume the uploads a reload (or a closed tab) left unfinished: picking the same file again resumes it.
function showUnfinished() {
  const note = document.getElementById('resumable');
  unfinishedUploads().then((remembered) => {
    const unfinished = remembered.filter(({ name, size }) => ![...resuming].some((file) => file.name === name && file.size === size));
    note.hidden = unfinished.length === 0;
    const names = unfinished.map(({ name, size }) => `${name} (${formatBytes(size)})`).join(', ');
    note.textContent = unfinished.length === 0 ? ''
      : `Unfinished ${unfinished.length === 1 ? 'upload' : 'uploads'}: ${names}. Choose the same file again to resume where it stopped.`;
  }, () => {
    note.hidden = true;
  });
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
  const { tus_threshold_bytes: threshold, tus_chunk_bytes: chunkSize } = (await settings) ?? {};
  const resumable = threshold !== undefined && file.size >= threshold;
  for (;;) {
    const transfer = resumable ? startResumable(item, chunkSize, onProgress) : uploadFile(file, { headers: keyHeaders(), onProgress });
    if (!resumable) row.started(transfer.cancel);
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
    } finally {
      if (resumable) {
        resuming.delete(file);
        showUnfinished();
      }
    }
  }
}

// A tus upload and its row's Pause and Resume: while paused, no progress redraws the row.
function startResumable(item, chunkSize, onProgress) {
  const { file, row } = item;
  let loaded = 0;
  let paused = false;
  const transfer = uploadFileResumably(file, {
    headers: keyHeaders(),
    chunkSize,
    onProgress: (sent) => {
      loaded = sent;
      if (!paused) onProgress(sent);
    },
    onResuming: () => {
      resuming.add(file);
      showUnfinished();
      row.resuming();
      announce(`The upload of ${file.name} resumes where it stopped.`);
    },
  });
  row.started(transfer.cancel);
  row.pausable(() => {
    paused = true;
    transfer.pause();
    row.paused(loaded);
    announce(`Upload of ${file.name} paused.`);
  }, () => {
    paused = false;
    transfer.resume();
    row.resuming();
    announce(`Upload of ${file.name} resumed.`);
  });
  return transfer;
}

// Bytes per second over the last three seconds of progress.
function speedOf(samples, loaded) {
  const now = performance.now();
  samples.push({ now, loaded });
  while (samples.length > 2 && now - samples[0].now > 3000) samples.shift();
  const first = samples[0];
  return now > first.now ? ((loaded - first.loaded) * 1000) / (now - first.now) : 0;
}
