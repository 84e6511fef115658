// The share page at /s/{token}: shows the file's name and size, asks for the password when the link has one,
// and downloads through a form into a hidden frame, so the browser saves the bytes as it receives them. A refusal
// (wrong password, used up, expired, revoked) loads into the frame instead, and its message is shown here.
import { formatBytes, formatDate } from './format.js';

const el = (id) => document.getElementById(id);
const base = location.pathname.replace(/\/+$/, '');

function showProblem(target, text) {
  try {
    const problem = JSON.parse(text);
    target.textContent = problem.detail || problem.title || 'The download was refused.';
  } catch {
    target.textContent = 'The download was refused.';
  }
}

async function load() {
  let response;
  try {
    response = await fetch(`${base}/info`);
  } catch {
    el('share-status').textContent = 'The service could not be reached. Check your connection and reload.';
    return;
  }
  const text = await response.text();
  if (!response.ok) {
    showProblem(el('share-status'), text);
    return;
  }
  const shared = JSON.parse(text);
  el('shared-name').textContent = shared.filename;
  const left = shared.downloads_left === null ? '' : ` · ${shared.downloads_left} ${shared.downloads_left === 1 ? 'download' : 'downloads'} left`;
  el('shared-details').textContent = `${formatBytes(shared.size)} · available until ${formatDate(shared.expires_at)}${left}`;
  const form = el('download-form');
  form.action = `${base}/download`;
  if (shared.has_password) {
    form.method = 'post';
    el('password-field').hidden = false;
    el('password').required = true;
    el('password').disabled = false;
  }
  el('share-status').textContent = shared.has_password ? 'This file is protected by a password.' : '';
  el('shared').hidden = false;
  (shared.has_password ? el('password') : el('download-button')).focus();
}

el('download-form').addEventListener('submit', () => {
  el('download-error').textContent = '';
  el('share-status').textContent = 'Starting the download…';
});

// Only a refusal loads in the frame: a download is saved by the browser and leaves the frame as it was.
el('download-sink').addEventListener('load', () => {
  const body = el('download-sink').contentDocument?.body;
  if (!body || body.textContent === '') return;
  el('share-status').textContent = '';
  showProblem(el('download-error'), body.textContent);
  if (!el('password-field').hidden) {
    el('password').select();
  }
});

load();
// Every control is wired: what a script (or a test) waiting for the page can look for.
document.body.dataset.ready = 'true';
