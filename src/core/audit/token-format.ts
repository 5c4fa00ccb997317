// The audit reads tokens with the session module's one definition of the format, so a value the
// Session view refuses is never called well-formed here.
import { tryDecodeToken } from '../session/token.ts';

// Full validation decodes base58 and base36 with BigInt: worth doing once per distinct value, since
// a page sends the same (foreign or garbled) value on request after request.
const MEMO_LIMIT = 2000;
const memo = new Map<string, string | null>();

function sessionIdOrNull(value: string): string | null {
  let id = memo.get(value);
  if (id === undefined) {
    const decoded = tryDecodeToken(value);
    id = decoded.ok ? decoded.decoded.sessionId : null;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(value, id);
  }
  return id;
}

export function looksLikeToken(value: string): boolean {
  return sessionIdOrNull(value) !== null;
}

/** Decimal session id of a well-formed token (exceeds 2^53, hence decoded with BigInt), or undefined. */
export function sessionIdOfToken(value: string): string | undefined {
  return sessionIdOrNull(value) ?? undefined;
}
