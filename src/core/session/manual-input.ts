// What a user pastes in support mode: a token, a session id, an OpenReplay session URL, or a
// backend log tag / stored value that contains one of them.

import { type DecodedToken, decodeToken, validateToken } from './token.ts';
import { validateSessionId } from './session-id.ts';
import { parseStoredToken } from './storage-formats.ts';

export type ManualInput =
  | { kind: 'token'; decoded: DecodedToken }
  | { kind: 'sessionId'; sessionId: string; projectId?: string; sessionUrl?: string }
  | { kind: 'error'; reason: string };

const MAX_INPUT = 2048;

function fromSessionUrl(text: string): ManualInput {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'error', reason: 'This is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { kind: 'error', reason: 'Only http(s) OpenReplay session URLs are accepted' };
  }
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const at = segments.lastIndexOf('session');
  const id = at >= 0 ? segments[at + 1] : undefined;
  if (id === undefined) {
    return { kind: 'error', reason: 'The URL has no /session/<id> part; expected e.g. https://app.openreplay.com/12/session/2618307011354435587' };
  }
  const checked = validateSessionId(id);
  if (!checked.ok) return { kind: 'error', reason: `In the URL: ${checked.reason}` };
  const project = at > 0 ? segments[at - 1] : undefined;
  const result: ManualInput = { kind: 'sessionId', sessionId: checked.sessionId, sessionUrl: url.href };
  if (project !== undefined && /^[0-9]{1,20}$/.test(project)) result.projectId = project;
  return result;
}

export function parseManualInput(text: string): ManualInput {
  if (typeof text !== 'string') return { kind: 'error', reason: 'Input must be text' };
  if (text.length > MAX_INPUT) {
    return { kind: 'error', reason: `Input is too long: ${text.length} characters, the limit is ${MAX_INPUT}` };
  }
  let value = text.trim();
  if (value === '') return { kind: 'error', reason: 'Paste a session token, a session id or an OpenReplay session URL' };

  if (/^https?:\/\//i.test(value)) return fromSessionUrl(value);

  // A backend log tag, as the seed document writes it.
  const tag = /^\[?openReplaySessionToken=([^\]\s]*)\]?$/.exec(value);
  if (tag) value = tag[1] ?? '';
  const idTag = /^\[?openReplaySession\.id=([^\]\s]*)\]?$/.exec(value);
  if (idTag) value = idTag[1] ?? '';

  if (/^[0-9]+$/.test(value)) {
    const checked = validateSessionId(value);
    return checked.ok ? { kind: 'sessionId', sessionId: checked.sessionId } : { kind: 'error', reason: checked.reason };
  }
  if (value.includes('_$_') || value.includes('_&_')) {
    const stored = parseStoredToken(value);
    if (!stored.ok) return { kind: 'error', reason: stored.reason };
    return { kind: 'token', decoded: decodeToken(stored.token) };
  }
  const checked = validateToken(value);
  if (!checked.ok) return { kind: 'error', reason: checked.reason };
  return { kind: 'token', decoded: decodeToken(checked.token) };
}
