// One upload's row in the list: name, Pause/Resume (tus uploads only) and Cancel (then Dismiss), a progress bar and
// a status line with bytes, percent, speed and time left, or the outcome.
import { formatBytes, formatDuration, formatSpeed } from './format.js';

export function renderRow(file, cancelWhileWaiting) {
  const element = document.createElement('li');
  element.className = 'upload';
  const head = document.createElement('div');
  head.className = 'upload-head';
  const name = document.createElement('span');
  name.className = 'upload-name';
  name.textContent = file.name;
  const actions = document.createElement('span');
  actions.className = 'upload-actions';
  const pauseButton = document.createElement('button');
  pauseButton.type = 'button';
  pauseButton.hidden = true;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Cancel';
  button.setAttribute('aria-label', `Cancel upload of ${file.name}`);
  actions.append(pauseButton, button);
  head.append(name, actions);
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
  let isPaused = false;
  let onPause = () => {};
  let onResume = () => {};
  const labelPause = () => {
    const verb = isPaused ? 'Resume' : 'Pause';
    pauseButton.textContent = verb;
    pauseButton.setAttribute('aria-label', `${verb} upload of ${file.name}`);
  };
  pauseButton.addEventListener('click', () => {
    isPaused = !isPaused;
    labelPause();
    if (isPaused) onPause();
    else onResume();
  });
  const dismiss = () => {
    pauseButton.hidden = true;
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
    // A tus upload can be paused and resumed from its row.
    pausable(pause, resume) {
      onPause = pause;
      onResume = resume;
      isPaused = false;
      labelPause();
      pauseButton.hidden = false;
    },
    paused(loaded) {
      element.dataset.state = 'paused';
      const percent = file.size === 0 ? 100 : Math.floor((loaded / file.size) * 100);
      status.textContent = `Paused · ${formatBytes(loaded)} of ${formatBytes(file.size)} · ${percent}%`;
    },
    resuming() {
      element.dataset.state = 'running';
      status.textContent = `Resuming where the upload stopped · ${formatBytes(file.size)}`;
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
