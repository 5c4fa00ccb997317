// A minimal, local reading of the token format, so the audit does not depend on the session module:
// `<sessionId base36>.<delay base36, may be negative>.<expiry base36>.<signature base58>`.

const TOKEN = /^[0-9a-z]+\.-?[0-9a-z]+\.[0-9a-z]+\.[1-9A-HJ-NP-Za-km-z]+$/;

export function looksLikeToken(value: string): boolean {
  return value.length <= 256 && TOKEN.test(value);
}

/** Decimal session id of a well-formed token (exceeds 2^53, hence BigInt), or undefined. */
export function sessionIdOfToken(value: string): string | undefined {
  if (!looksLikeToken(value)) return undefined;
  const part = value.slice(0, value.indexOf('.'));
  let n = 0n;
  for (const c of part) n = n * 36n + BigInt(parseInt(c, 36));
  return n.toString();
}
