// Express / Node: prefix every log line of a request with the OpenReplay session it came from.
//   app.use(openReplayContext);                       // Express (or call it in a plain http handler)
//   console.log(openReplayTag() + 'order created');  // "[openReplaySessionToken=<token>] order created"
import { AsyncLocalStorage } from 'node:async_hooks';

const store = new AsyncLocalStorage();
// Only a well-formed token is logged: a header is user input, and a log line must not be forgeable.
const TOKEN = /^[0-9A-Za-z]{1,20}\.-?[0-9A-Za-z]{1,20}\.[0-9A-Za-z]{1,20}\.[0-9A-Za-z]{1,120}$/;
const SESSION_ID = /^\d{1,20}$/;

function header(req, name) {
  const v = req.headers[name];
  return typeof v === 'string' ? v.trim() : undefined;
}

export function openReplayContext(req, res, next) {
  const token = header(req, 'x-openreplay-sessiontoken');
  const id = header(req, 'openreplaysession.id');
  const session = {
    token: token !== undefined && TOKEN.test(token) ? token : undefined,
    id: id !== undefined && SESSION_ID.test(id) ? id : undefined,
  };
  return store.run(session, next);
}

/** `[openReplaySessionToken=<token>] ` (and `[openReplaySession.id=<id>] `) for the current request, or ''. */
export function openReplayTag() {
  const s = store.getStore();
  if (s === undefined) return '';
  return (s.token !== undefined ? `[openReplaySessionToken=${s.token}] ` : '') + (s.id !== undefined ? `[openReplaySession.id=${s.id}] ` : '');
}
