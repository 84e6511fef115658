// One large file's upload through tus (/tus/) with tus-js-client: PATCHes of the server's chunk size, pause and
// resume, and after a page reload a resume from where the server stopped, found by the client's fingerprint of the
// file (name, type, size, modification time) in localStorage. Transport only, no page: the shape of upload.js's
// { done, cancel }, plus pause and resume.
import { problemFrom } from './api.js';
import { UploadCancelled } from './upload.js';

const storagePrefix = 'tus::';
let loading;

// The client (about 85 KiB) is loaded only when a large file is picked or an unfinished upload is remembered. It is
// a classic script from this origin, so the page's CSP stays script-src 'self'.
function loadTus() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/vendor/tus.min.js';
    script.addEventListener('load', () => resolve(window.tus));
    script.addEventListener('error', () => {
      loading = undefined;
      script.remove();
      reject(problemFrom(0, null, ''));
    });
    document.head.append(script);
  });
  return loading;
}

// The unfinished uploads this browser remembers: [{ name, size }], without loading the client when there are none.
export async function unfinishedUploads() {
  if (!Object.keys(localStorage).some((key) => key.startsWith(storagePrefix))) return [];
  const tus = await loadTus();
  const entries = await tus.defaultOptions.urlStorage.findAllUploads();
  return entries.map((entry) => ({ name: entry.metadata?.filename ?? 'a file', size: entry.size }));
}

// A tus error carries the server's answer when there was one: its ProblemDetails become the message.
function problemOf(error) {
  const response = error.originalResponse;
  if (!response) return problemFrom(0, null, '');
  return problemFrom(response.getStatus(), response.getHeader('Content-Type'), response.getBody() ?? '');
}

export function uploadFileResumably(file, { headers = {}, chunkSize, onProgress = () => {}, onResuming = () => {} } = {}) {
  let upload = null;
  let cancelled = false;
  // Paused before the client was loaded and the previous upload looked up (ready), it does not start until resumed.
  let wanted = true;
  let ready = false;
  let rejectDone;
  const done = new Promise((resolve, reject) => {
    rejectDone = reject;
    loadTus().then(async (tus) => {
      upload = new tus.Upload(file, {
        endpoint: new URL('/tus/', window.location.href).href,
        chunkSize,
        headers,
        retryDelays: [0, 1000, 3000, 5000],
        metadata: file.type ? { filename: file.name, filetype: file.type } : { filename: file.name },
        removeFingerprintOnSuccess: true,
        onProgress: (sent) => onProgress(sent),
        onSuccess: ({ lastResponse }) => {
          onProgress(file.size);
          resolve({ s3_key: lastResponse?.getHeader('CloudPocket-S3-Key') ?? null });
        },
        onError: (error) => reject(problemOf(error)),
      });
      const previous = await upload.findPreviousUploads();
      if (previous.length > 0) {
        upload.resumeFromPreviousUpload(previous[0]);
        onResuming();
      }
      ready = true;
      if (!cancelled && wanted) upload.start();
    }).catch(reject);
  });
  return {
    done,
    // Terminates the upload on the server (DELETE), whether it runs or is paused.
    cancel() {
      cancelled = true;
      const terminated = upload ? upload.abort(true) : Promise.resolve();
      terminated.catch(() => {}).finally(() => rejectDone(new UploadCancelled('Cancelled.')));
    },
    // The request under way stops; what the server received stays there for resume.
    pause() {
      wanted = false;
      if (ready) upload.abort(false);
    },
    // Asks the server for its offset (HEAD) and goes on from there.
    resume() {
      wanted = true;
      if (ready) upload.start();
    },
  };
}
