// Sends the OpenReplay session header on requests the tracker's fetch/XHR patch never reaches:
// a fetch saved before tracker.start() (ky, SDKs that keep their own copy), and Web Workers.
// The token is read at each call, so a new session's token is used as soon as the tracker has it.
// Use the name your tracker's network.sessionTokenHeader sets, if it sets a custom one.
export const SESSION_HEADER = 'X-OpenReplay-SessionToken';

/**
 * Wraps a fetch function so every call carries the current token.
 *   const apiFetch = withSessionHeader(savedFetch, () => tracker.getSessionToken());
 *   ky.create({ fetch: withSessionHeader(fetch, () => tracker.getSessionToken()) });
 * Only wrap the fetch your own backend's requests use: third-party origins should not get the token.
 */
export function withSessionHeader(fetchFn, getToken) {
  return (input, init = {}) => {
    const token = getToken();
    if (!token) return fetchFn(input, init);
    const base = init.headers ?? (input instanceof Request ? input.headers : undefined);
    const headers = new Headers(base);
    headers.set(SESSION_HEADER, token);
    return fetchFn(input, { ...init, headers });
  };
}

// A Web Worker has its own fetch: the page hands it the token.
//   Page:   worker.postMessage({ openReplaySessionToken: tracker.getSessionToken() });
//   Worker: import { withSessionHeader, workerTokenListener } from './session-header.mjs';
//           const token = workerTokenListener(self);
//           const apiFetch = withSessionHeader(fetch, token);
/** Keeps the latest token the page posted; returns a getter for withSessionHeader. */
export function workerTokenListener(scope) {
  let token;
  scope.addEventListener('message', (event) => {
    const value = event.data?.openReplaySessionToken;
    if (typeof value === 'string' && value !== '') token = value;
  });
  return () => token;
}
