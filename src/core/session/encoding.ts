// Base-36 and base58 helpers for OpenReplay tokens. Token numbers can exceed 2^53 (session ids are
// uint64), so everything here works on BigInt; parseInt would silently round.

const BASE36_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Bitcoin alphabet (the one Go's btcutil/base58 uses): no 0, O, I or l. */
export const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const BASE36_RE = /^[0-9a-z]+$/;
const BASE58_RE = /^[1-9A-HJ-NP-Za-km-z]+$/;

/** Lower-case base 36 only: the backend writes lower case, and the HMAC covers the exact text. */
export function isBase36(text: string): boolean {
  return BASE36_RE.test(text);
}

export function isBase58(text: string): boolean {
  return BASE58_RE.test(text);
}

/** Caller must have checked `isBase36(text)`. */
export function base36ToBigInt(text: string): bigint {
  let value = 0n;
  for (const ch of text) {
    value = value * 36n + BigInt(BASE36_DIGITS.indexOf(ch));
  }
  return value;
}

export function bigIntToBase36(value: bigint): string {
  if (value < 0n) return '-' + bigIntToBase36(-value);
  // BigInt#toString(36) is exact and lower case.
  return value.toString(36);
}

export function base58Encode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  let out = '';
  while (value > 0n) {
    out = BASE58_ALPHABET.charAt(Number(value % 58n)) + out;
    value /= 58n;
  }
  return '1'.repeat(zeros) + out;
}

/** Inverse of base58Encode; null when the text is not base58. */
export function base58Decode(text: string): Uint8Array | null {
  if (!isBase58(text)) return null;
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  let value = 0n;
  for (const ch of text) value = value * 58n + BigInt(BASE58_ALPHABET.indexOf(ch));
  const body: number[] = [];
  while (value > 0n) {
    body.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...body]);
}

/** A character shown to a user as inert text: `U+0022`, or `"a" (U+0061)` for visible ASCII. */
export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const code = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  // Only plain letters/digits/punctuation are echoed; quotes, angle brackets etc. are code-only.
  return /^[A-Za-z0-9!#%&()*+,./:;=?@[\]^_{}|~-]$/.test(ch) ? `"${ch}" (${code})` : code;
}
