// One file's upload as multipart/form-data field 'file' to POST /upload/, over XMLHttpRequest because it reports
// upload progress. Transport only, no page: a resumable transport for large files can sit beside it with the
// same shape, { done, cancel }.
import { problemFrom } from './api.js';

export class UploadCancelled extends Error {}

export function uploadFile(file, { headers = {}, onProgress = () => {} } = {}) {
  const xhr = new XMLHttpRequest();
  const done = new Promise((resolve, reject) => {
    xhr.open('POST', '/upload/');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(Math.min(file.size, Math.round((event.loaded / event.total) * file.size)));
    });
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size);
        resolve(JSON.parse(xhr.responseText));
      } else {
        reject(problemFrom(xhr.status, xhr.getResponseHeader('content-type'), xhr.responseText));
      }
    });
    xhr.addEventListener('error', () => reject(problemFrom(0, null, '')));
    xhr.addEventListener('abort', () => reject(new UploadCancelled('Cancelled.')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, cancel: () => xhr.abort() };
}
