// The file list: the server's pages (newest first, its name filter, its cursor), sorted here as chosen, with
// download, copy link, share and delete per file. File names only ever go in as text.
import { getKey, request, requestJson } from './api.js';
import { formatBytes, formatDate } from './format.js';

const pageSize = 50;
const state = { name: '', cursor: null, files: [], loading: false, generation: 0 };
let announce = () => {};
let share = () => {};

const sorts = {
  newest: (a, b) => b.uploaded_at.localeCompare(a.uploaded_at),
  oldest: (a, b) => a.uploaded_at.localeCompare(b.uploaded_at),
  name: (a, b) => a.filename.localeCompare(b.filename),
  size: (a, b) => b.size - a.size,
};

const el = (id) => document.getElementById(id);

export function setUpFiles({ onAnnounce, onShare }) {
  announce = onAnnounce;
  share = onShare;
  let timer;
  el('filter').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => reloadFiles(), 250);
  });
  el('filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    reloadFiles();
  });
  el('sort').addEventListener('change', render);
  el('refresh').addEventListener('click', () => reloadFiles());
  el('more').addEventListener('click', () => loadPage());
}

export function reloadFiles() {
  state.name = el('filter').value.trim();
  state.cursor = null;
  state.files = [];
  state.generation += 1;
  return loadPage();
}

async function loadPage() {
  const generation = state.generation;
  setStatus(state.files.length === 0 ? 'Loading files…' : 'Loading more files…');
  el('more').disabled = true;
  const query = new URLSearchParams({ limit: String(pageSize) });
  if (state.name) query.set('name', state.name);
  if (state.cursor) query.set('cursor', state.cursor);
  try {
    const page = await requestJson(`/files/page?${query}`);
    if (generation !== state.generation) return;
    state.files.push(...page.files);
    state.cursor = page.next_cursor;
    render();
  } catch (error) {
    if (generation !== state.generation) return;
    setStatus(navigator.onLine ? `Could not load the files: ${error.message}` : 'You are offline: the list cannot be loaded.', true);
  } finally {
    el('more').disabled = false;
  }
}

function setStatus(text, isError = false) {
  el('files-status').textContent = text;
  el('files-status').classList.toggle('error', isError);
}

function render() {
  const files = [...state.files].sort(sorts[el('sort').value] ?? sorts.newest);
  const body = el('files');
  body.replaceChildren(...files.map(row));
  el('files-table').hidden = files.length === 0;
  el('more').hidden = !state.cursor;
  if (files.length === 0) {
    setStatus(state.name ? `No file name contains “${state.name}”.` : 'No files yet. Upload one above.');
  } else {
    const more = state.cursor ? ', more to load' : '';
    setStatus(`${files.length} ${files.length === 1 ? 'file' : 'files'}${state.name ? ` matching “${state.name}”` : ''}${more}.`);
  }
}

function cell(text, label, className) {
  const td = document.createElement('td');
  td.textContent = text;
  td.dataset.label = label;
  if (className) td.className = className;
  return td;
}

function button(text, label, onClick, className) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  if (className) b.className = className;
  b.addEventListener('click', onClick);
  return b;
}

function row(file) {
  const tr = document.createElement('tr');
  tr.dataset.key = file.s3_key;
  const sha = cell(file.sha256.slice(0, 12), 'SHA-256', 'sha');
  sha.title = file.sha256;
  const type = cell(file.content_type, 'Type', 'type');
  type.title = file.content_type;
  const actions = document.createElement('td');
  actions.dataset.label = 'Actions';
  const group = document.createElement('div');
  group.className = 'actions';
  group.append(
    button('Download', `Download ${file.filename}`, () => download(file)),
    button('Copy link', `Copy link to ${file.filename}`, () => copyLink(file)),
    button('Share', `Share ${file.filename}`, () => share(file)),
    button('Delete', `Delete ${file.filename}`, () => confirmDelete(file), 'danger'),
  );
  actions.append(group);
  tr.append(
    cell(file.filename, 'Name', 'name'),
    cell(formatBytes(file.size), 'Size', 'size'),
    type,
    cell(formatDate(file.uploaded_at), 'Uploaded', 'date'),
    sha,
    actions,
  );
  return tr;
}

export const downloadUrl = (file) => new URL(`/download/${encodeURIComponent(file.s3_key)}`, location.href).href;

// Without a key the browser downloads straight from the API. With one, the key cannot go in a link, so the
// bytes are fetched with it and saved from memory.
async function download(file) {
  const anchor = document.createElement('a');
  anchor.download = file.filename;
  let objectUrl = null;
  try {
    if (getKey()) {
      const response = await request(`/download/${encodeURIComponent(file.s3_key)}`);
      objectUrl = URL.createObjectURL(await response.blob());
      anchor.href = objectUrl;
    } else {
      anchor.href = downloadUrl(file);
    }
    document.body.append(anchor);
    anchor.click();
    announce(`Downloading ${file.filename}.`);
  } catch (error) {
    announce(`Download of ${file.filename} failed: ${error.message}`);
    setStatus(`Download of ${file.filename} failed: ${error.message}`, true);
  } finally {
    anchor.remove();
    if (objectUrl) setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
  }
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

async function copyLink(file) {
  const url = downloadUrl(file);
  const copied = await copyText(url);
  const message = copied ? `Download link of ${file.filename} copied.` : `Could not copy; the download link is ${url}`;
  announce(message);
  setStatus(message, !copied);
}

function confirmDelete(file) {
  const dialog = el('confirm-dialog');
  el('confirm-text').textContent = `“${file.filename}” will be deleted for good; its share links stop working.`;
  dialog.returnValue = '';
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue !== 'delete') return;
    try {
      await request(`/files/${encodeURIComponent(file.s3_key)}`, { method: 'DELETE' });
      state.files = state.files.filter((f) => f.s3_key !== file.s3_key);
      render();
      announce(`${file.filename} deleted.`);
    } catch (error) {
      setStatus(`Could not delete ${file.filename}: ${error.message}`, true);
      announce(`Could not delete ${file.filename}: ${error.message}`);
    }
  }, { once: true });
  dialog.showModal();
  dialog.querySelector('button[value="cancel"]').focus();
}
