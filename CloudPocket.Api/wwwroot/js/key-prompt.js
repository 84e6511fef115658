// The API key dialog: opened when the API wants a key (or refused the one given), once for every request
// waiting on it; Escape leaves the page without a key, and each waiting request then fails with that message.
const dialog = () => document.getElementById('key-dialog');
let pending = null;

export function askForKey(message) {
  if (pending) return pending.promise;
  const input = document.getElementById('key-input');
  const error = document.getElementById('key-error');
  error.textContent = message;
  input.value = '';
  pending = Promise.withResolvers();
  const { promise } = pending;
  dialog().showModal();
  input.focus();
  return promise;
}

export function setUpKeyPrompt(onChangeRequested) {
  const form = document.getElementById('key-form');
  const input = document.getElementById('key-input');
  form.addEventListener('submit', () => {
    const key = input.value.trim();
    if (!pending || !key) return;
    const { resolve } = pending;
    pending = null;
    document.getElementById('key-button').hidden = false;
    resolve(key);
  });
  dialog().addEventListener('close', () => {
    if (!pending) return;
    const { reject } = pending;
    pending = null;
    reject(new Error('An API key is needed to use this service.'));
  });
  document.getElementById('key-button').addEventListener('click', onChangeRequested);
}
