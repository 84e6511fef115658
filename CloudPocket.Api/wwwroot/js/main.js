// The main page: wires the upload area (button, picker, drag and drop anywhere, paste), the file list, the share
// dialog, the API key prompt, the offline banner and the warning before leaving while uploads run.
import { getKey, setKey } from './api.js';
import { reloadFiles, setUpFiles } from './files-view.js';
import { askForKey, setUpKeyPrompt } from './key-prompt.js';
import { openShareDialog, setUpShareDialog } from './share-dialog.js';
import { addFiles, setUpUploads, uploadsInProgress } from './uploads-view.js';

const el = (id) => document.getElementById(id);

// The live region is cleared first, so the same message twice is announced twice.
function announce(message) {
  const region = el('announcer');
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

let refreshTimer;
const refreshSoon = () => {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(reloadFiles, 300);
};

setUpKeyPrompt(() => askForKey('').then((key) => {
  setKey(key);
  reloadFiles();
}, () => {}));
setUpUploads({ onAnnounce: announce, onUploaded: refreshSoon });
setUpFiles({ onAnnounce: announce, onShare: openShareDialog });
setUpShareDialog({ onAnnounce: announce });

const picker = el('file-input');
el('drop-zone').addEventListener('click', () => picker.click());
picker.addEventListener('change', () => {
  addFiles([...picker.files]);
  picker.value = '';
});

const carriesFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  document.body.classList.remove('dragging');
  if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
  event.preventDefault();
  addFiles([...event.dataTransfer.files]);
});
document.addEventListener('paste', (event) => {
  const files = [...(event.clipboardData?.files ?? [])];
  if (files.length === 0) return;
  event.preventDefault();
  addFiles(files);
});

window.addEventListener('beforeunload', (event) => {
  if (uploadsInProgress() === 0) return;
  event.preventDefault();
  event.returnValue = '';
});

const showOnline = () => {
  el('offline').hidden = navigator.onLine;
};
window.addEventListener('offline', showOnline);
window.addEventListener('online', () => {
  showOnline();
  reloadFiles();
});
el('key-button').hidden = !getKey();
showOnline();
reloadFiles();
// Every control is wired: what a script (or a test) waiting for the page can look for.
document.body.dataset.ready = 'true';
