// The share dialog of one file: make a link (expiry, download limit, password), show it with a copy button and
// a QR code, and list the file's links with their use and a revoke button.
import { request, requestJson } from './api.js';
import { copyText } from './files-view.js';
import { formatDate } from './format.js';
import { drawQr } from './qr.js';

const el = (id) => document.getElementById(id);
let current = null;
let announce = () => {};

export function setUpShareDialog({ onAnnounce }) {
  announce = onAnnounce;
  el('share-form').addEventListener('submit', (event) => {
    event.preventDefault();
    create();
  });
  el('share-copy').addEventListener('click', async () => {
    const copied = await copyText(el('share-url').value);
    announce(copied ? 'Link copied.' : 'Could not copy; select the link and copy it.');
    if (!copied) el('share-url').select();
  });
  el('share-close').addEventListener('click', () => el('share-dialog').close());
}

export function openShareDialog(file) {
  current = file;
  el('share-file').textContent = file.filename;
  el('share-form').reset();
  el('share-error').textContent = '';
  el('share-result').hidden = true;
  el('share-dialog').showModal();
  el('share-expiry').focus();
  loadLinks();
}

async function create() {
  const file = current;
  const body = { expires_in: Number(el('share-expiry').value) * Number(el('share-unit').value) };
  if (el('share-max').value) body.max_downloads = Number(el('share-max').value);
  if (el('share-password').value) body.password = el('share-password').value;
  el('share-error').textContent = '';
  try {
    const link = await requestJson(`/files/${encodeURIComponent(file.s3_key)}/links`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    el('share-url').value = link.url;
    el('share-result').hidden = false;
    el('share-password').value = '';
    announce(`Link to ${file.filename} created.`);
    el('share-url').focus();
    el('share-url').select();
    drawQr(el('share-qr'), link.url).catch(() => {
      el('share-qr').hidden = true;
    });
    loadLinks();
  } catch (error) {
    el('share-error').textContent = error.message;
  }
}

async function loadLinks() {
  const file = current;
  const list = el('share-links');
  el('share-links-status').textContent = 'Loading links…';
  try {
    const links = await requestJson(`/files/${encodeURIComponent(file.s3_key)}/links`);
    if (file !== current) return;
    list.replaceChildren(...links.map(item));
    el('share-links-status').textContent = links.length === 0 ? 'No links yet.' : `${links.length} ${links.length === 1 ? 'link' : 'links'}.`;
  } catch (error) {
    el('share-links-status').textContent = `Could not load the links: ${error.message}`;
  }
}

function describe(link) {
  const expired = new Date(link.expires_at) <= new Date();
  const usedUp = link.max_downloads !== null && link.downloads >= link.max_downloads;
  const parts = [
    expired ? `expired ${formatDate(link.expires_at)}` : `expires ${formatDate(link.expires_at)}`,
    link.max_downloads === null ? `${link.downloads} downloads` : `${link.downloads} of ${link.max_downloads} downloads${usedUp ? ' (used up)' : ''}`,
  ];
  if (link.has_password) parts.push('password');
  return parts.join(' · ');
}

function item(link) {
  const li = document.createElement('li');
  const text = document.createElement('span');
  text.textContent = describe(link);
  const actions = document.createElement('span');
  actions.className = 'actions';
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.textContent = 'Copy';
  copy.setAttribute('aria-label', `Copy link: ${describe(link)}`);
  copy.addEventListener('click', async () => announce((await copyText(link.url)) ? 'Link copied.' : `Could not copy; the link is ${link.url}`));
  const revoke = document.createElement('button');
  revoke.type = 'button';
  revoke.className = 'danger';
  revoke.textContent = 'Revoke';
  revoke.setAttribute('aria-label', `Revoke link: ${describe(link)}`);
  revoke.addEventListener('click', async () => {
    try {
      await request(`/links/${encodeURIComponent(link.id)}`, { method: 'DELETE' });
      announce('Link revoked.');
      loadLinks();
      el('share-close').focus();
    } catch (error) {
      announce(`Could not revoke the link: ${error.message}`);
    }
  });
  actions.append(copy, revoke);
  li.dataset.id = link.id;
  li.append(text, actions);
  return li;
}
