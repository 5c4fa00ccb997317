// What a user pastes in support mode: a token, a session id, an OpenReplay session URL, or a
// backend log tag / stored value that contains one of them.

import { type DecodedToken, decodeToken, validateToken } from './token.ts';
import { validateSessionId } from './session-id.ts';
import { parseStoredToken } from './storage-formats.ts';
import { looksLikeUrl, parseSessionUrl, unwrapPasted } from './session-url.ts';

export type ManualInput =
  | { kind: 'token'; decoded: DecodedToken }
  | { kind: 'sessionId'; sessionId: string; projectId?: string; sessionUrl?: string }
  | { kind: 'error'; reason: string };

const MAX_INPUT = 2048;

export function parseManualInput(text: string): ManualInput {
  if (typeof text !== 'string') return { kind: 'error', reason: 'Input must be text' };
  if (text.length > MAX_INPUT) {
    return { kind: 'error', reason: `Input is too long: ${text.length} characters, the limit is ${MAX_INPUT}` };
  }
  let value = unwrapPasted(text);
  if (value === '')
    return { kind: 'error', reason: 'Paste a session token, a session id or an OpenReplay session URL' };

  if (looksLikeUrl(value)) {
    const url = parseSessionUrl(value);
    if (!url.ok) return { kind: 'error', reason: url.reason };
    const result: ManualInput = { kind: 'sessionId', sessionId: url.sessionId, sessionUrl: url.replayUrl };
    if (url.projectId !== undefined) result.projectId = url.projectId;
    return result;
  }

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
