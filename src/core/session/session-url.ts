// OpenReplay session URLs as people paste them: from the cloud (app.openreplay.com) or a self-hosted
// install, a replay (`/<project>/session/<id>`) or a live Assist session (`/<project>/assist/<id>`),
// with `?jumpto=…&note=…` or a fragment, wrapped in spaces or angle brackets (mail clients and chat
// tools add those). Only the decimal id is taken from it; the rest is never put into a query.

import { validateSessionId } from './session-id.ts';

export type SessionUrlParse =
  { ok: true; sessionId: string; projectId?: string; replayUrl: string; live: boolean } | { ok: false; reason: string };

const EXAMPLE = 'https://app.openreplay.com/12/session/2618307011354435587';
const KEYWORDS: readonly string[] = ['session', 'assist'];
// A host followed by a path, without a scheme: "app.openreplay.com/12/session/1".
const BARE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::[0-9]{1,5})?\//i;

/** Removes what surrounds a pasted value: whitespace, `<…>` and quotes, nested up to three deep. */
export function unwrapPasted(text: string): string {
  let value = text.trim();
  for (let i = 0; i < 3; i++) {
    const first = value[0];
    const last = value[value.length - 1];
    if (
      value.length >= 2 &&
      ((first === '<' && last === '>') || (first === '"' && last === '"') || (first === "'" && last === "'"))
    ) {
      value = value.slice(1, -1).trim();
    }
  }
  return value;
}

/** Whether the text (already unwrapped) is meant as a URL rather than a token or an id. */
export function looksLikeUrl(text: string): boolean {
  return /^https?:\/\//i.test(text) || BARE_HOST.test(text);
}

export function parseSessionUrl(text: string): SessionUrlParse {
  const value = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'This is not a valid URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'Only http(s) OpenReplay session URLs are accepted' };
  }
  const segments = url.pathname.split('/').filter((s) => s !== '');
  let at = -1;
  for (let i = segments.length - 2; i >= 0; i--) {
    if (KEYWORDS.includes(segments[i] ?? '')) {
      at = i;
      break;
    }
  }
  const id = at >= 0 ? segments[at + 1] : undefined;
  if (id === undefined) {
    return {
      ok: false,
      reason:
        `This URL holds no session id (its path is ${url.pathname.slice(0, 80) || '/'}): a session URL ends in ` +
        `/session/<id> or, for a live session, /assist/<id>, e.g. ${EXAMPLE}. ` +
        'Open the session in OpenReplay and copy the address from there, or paste its token or id.',
    };
  }
  const checked = validateSessionId(decodeURIComponentSafe(id));
  if (!checked.ok) return { ok: false, reason: `In the URL: ${checked.reason}` };
  const project = at > 0 ? segments[at - 1] : undefined;
  // Back to the same host and path prefix, always the replay (an Assist link dies with the session).
  const prefix = segments
    .slice(0, at)
    .map((s) => `/${s}`)
    .join('');
  const replayUrl = `${url.origin}${prefix}/session/${checked.sessionId}`;
  const result: SessionUrlParse = {
    ok: true,
    sessionId: checked.sessionId,
    replayUrl,
    live: segments[at] === 'assist',
  };
  if (project !== undefined && /^[0-9]{1,20}$/.test(project)) result.projectId = project;
  return result;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
