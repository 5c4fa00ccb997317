// The re-check for a search made from a session id alone. Its query asks for
// `"openReplaySessionToken=<id in base 36>"`, which SumoLogic matches against every token of that
// session (it splits terms at "."), but also against anything else whose terms run the same way.
// A line is kept only when a tag of that name holds a well-formed token whose session id is
// exactly the one searched for.

import { base36ToBigInt, isBase36 } from '../session/encoding.ts';
import { validateToken } from '../session/token.ts';

export type SessionTagMatch = 'exact' | 'case-only' | 'other-session' | 'none';

const NAME_CHAR = /[A-Za-z0-9_]/;
const VALUE_CHAR = /[A-Za-z0-9._-]/;
/** A value run longer than any token is read only this far (linear in the line either way). */
const MAX_VALUE = 300;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the value is the session id, decoded from base 36 (it came from our own query). */
export function isSessionPrefixValue(value: string): boolean {
  return value.length > 0 && value.length <= 13 && isBase36(value);
}

/**
 * `tagName=<token>` where the token is valid and decodes to the session `idBase36` names.
 * 'case-only': such a token only under a differently cased tag name; 'other-session': the tag
 * holds a value that starts like the id but is another session's token or no token at all.
 */
export function recheckSessionTag(raw: string, tagName: string, idBase36: string): SessionTagMatch {
  if (!isSessionPrefixValue(idBase36)) return 'none';
  const wanted = base36ToBigInt(idBase36);
  const re = new RegExp(`${escapeRegExp(tagName)}=`, 'gi');
  let best: SessionTagMatch = 'none';
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const before = raw[m.index - 1];
    const start = m.index + m[0].length;
    let end = start;
    while (end < raw.length && end - start < MAX_VALUE && VALUE_CHAR.test(raw[end] ?? '')) end++;
    re.lastIndex = end;
    if (before !== undefined && NAME_CHAR.test(before)) continue;
    const found = raw.slice(start, end);
    const idPart = found.split('.', 1)[0] ?? '';
    const ours = validateToken(found).ok && isBase36(idPart) && base36ToBigInt(idPart) === wanted;
    if (ours && m[0].slice(0, -1) === tagName) return 'exact';
    if (ours) best = 'case-only';
    else if (best === 'none' && found.toLowerCase().startsWith(idBase36)) best = 'other-session';
  }
  return best;
}
