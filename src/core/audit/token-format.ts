// The audit reads tokens with the session module's one definition of the format, so a value the
// Session view refuses is never called well-formed here.
import { tryDecodeToken, validateToken } from '../session/token.ts';

export function looksLikeToken(value: string): boolean {
  return validateToken(value).ok;
}

/** Decimal session id of a well-formed token (exceeds 2^53, hence decoded with BigInt), or undefined. */
export function sessionIdOfToken(value: string): string | undefined {
  const decoded = tryDecodeToken(value);
  return decoded.ok ? decoded.decoded.sessionId : undefined;
}
