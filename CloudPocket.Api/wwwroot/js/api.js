// Every request of the page goes through here: the API key (kept in this tab's sessionStorage, sent as the
// X-Api-Key header, never in a URL) is added, a 401 for a missing or wrong key asks for one and tries again,
// and an error answer becomes an ApiError with the server's ProblemDetails message.
import { askForKey } from './key-prompt.js';

const storageKey = 'cloudpocket.api-key';

export const getKey = () => sessionStorage.getItem(storageKey);
export const setKey = (key) => sessionStorage.setItem(storageKey, key);
export const keyHeaders = () => (getKey() ? { 'X-Api-Key': getKey() } : {});

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title || `The service answered ${status}.`);
    this.status = status;
    this.title = title;
  }
}

export const offlineMessage = 'The service could not be reached. Check your connection and try again.';

// The ProblemDetails in a body (as text), or a plain message for any other answer.
export function problemFrom(status, contentType, text) {
  if (contentType && contentType.includes('json')) {
    try {
      const problem = JSON.parse(text);
      return new ApiError(status, problem.title, problem.detail);
    } catch {
      // Not JSON after all: fall through to the plain message.
    }
  }
  return new ApiError(status, null, status === 0 ? offlineMessage : `The service answered ${status}.`);
}

export const isKeyProblem = (status, error) => status === 401 && error.title === 'API key required';

// Resolves once a key is in sessionStorage: asks for one, saying whether the one in use was refused.
export async function obtainKey() {
  const key = await askForKey(getKey() ? 'That API key was not accepted. Check it and try again.' : '');
  setKey(key);
}

export async function request(path, options = {}) {
  for (;;) {
    let response;
    try {
      response = await fetch(path, { ...options, headers: { ...options.headers, ...keyHeaders() } });
    } catch {
      throw new ApiError(0, null, offlineMessage);
    }
    if (response.ok) return response;
    const error = problemFrom(response.status, response.headers.get('content-type'), await response.text());
    if (!isKeyProblem(response.status, error)) throw error;
    await obtainKey();
  }
}

export const requestJson = async (path, options) => (await request(path, options)).json();
