// Strict validation and decoding of the OpenReplay session token:
//   <session id, base 36> . <delay ms, base 36, may be negative> . <expiry epoch ms, base 36> . <base58 HMAC>
// Everything a page or a user hands us goes through validateToken before it is decoded, shown or
// put into a query.

import {
  base36ToBigInt,
  base58Decode,
  base58Encode,
  bigIntToBase36,
  describeChar,
  isBase36,
  isBase58,
} from './encoding.ts';

/** Real tokens are ~69 characters; anything far longer is not a token. */
export const MAX_TOKEN_LENGTH = 256;

const UINT64_MAX = (1n << 64n) - 1n;
/** HMAC-SHA256 output; the real token's signature decodes to exactly this. */
export const SIGNATURE_BYTES = 32;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const TOKEN_CHAR_RE = /^[A-Za-z0-9._-]$/;

export interface DecodedToken {
  token: string;
  /** Decimal, exact (ids go beyond 2^53). */
  sessionId: string;
  sessionIdBigInt: bigint;
  delayMs: number;
  /** Epoch ms after which the backend refuses the token: the latest a log line can carry it. */
  expiresAt: number;
  signature: string;
}

export type TokenValidation = { ok: true; token: string } | { ok: false; reason: string };

function firstBadChar(text: string): { ch: string; index: number; kind: 'space' | 'other' } | null {
  let index = 0;
  for (const ch of text) {
    if (/^\s$/u.test(ch)) return { ch, index, kind: 'space' };
    if (!TOKEN_CHAR_RE.test(ch)) return { ch, index, kind: 'other' };
    index += 1; // positions in characters as a user counts them, not UTF-16 units
  }
  return null;
}

function checkBase36Number(part: string, what: string, allowNegative: boolean): string | null {
  const digits = allowNegative && part.startsWith('-') ? part.slice(1) : part;
  if (part === '') return `${what} is empty`;
  if (!isBase36(digits)) {
    const hint = allowNegative ? ' (0-9, a-z, optionally starting with "-")' : ' (0-9, a-z)';
    return `${what} "${part}" is not base 36${hint}`;
  }
  return null;
}

export function validateToken(input: unknown): TokenValidation {
  if (typeof input !== 'string') {
    return { ok: false, reason: `Token must be text, got ${input === null ? 'null' : typeof input}` };
  }
  if (input.length === 0) return { ok: false, reason: 'Token is empty' };
  // Length first, so a multi-megabyte value is refused without scanning it.
  if (input.length > MAX_TOKEN_LENGTH) {
    return {
      ok: false,
      reason: `Token is too long: ${input.length} characters, the limit is ${MAX_TOKEN_LENGTH}`,
    };
  }
  const bad = firstBadChar(input);
  if (bad) {
    if (bad.kind === 'space') {
      const what = bad.ch === '\n' || bad.ch === '\r' ? 'a line break' : 'whitespace';
      return {
        ok: false,
        reason: `Token contains ${what} (${describeChar(bad.ch)}) at position ${bad.index + 1}`,
      };
    }
    return {
      ok: false,
      reason:
        `Token contains ${describeChar(bad.ch)} at position ${bad.index + 1}; ` +
        'only letters, digits, ".", "_" and "-" are allowed',
    };
  }
  const parts = input.split('.');
  if (parts.length !== 4) {
    return {
      ok: false,
      reason:
        `Token has ${parts.length} dot-separated part${parts.length === 1 ? '' : 's'}, expected 4: ` +
        'session id, delay, expiry, signature',
    };
  }
  const [id = '', delay = '', expiry = '', signature = ''] = parts;
  const problem =
    checkBase36Number(id, 'Session id', false) ??
    checkBase36Number(delay, 'Delay', true) ??
    checkBase36Number(expiry, 'Expiry', false);
  if (problem) return { ok: false, reason: problem };
  if (base36ToBigInt(id) > UINT64_MAX) {
    return { ok: false, reason: `Session id "${id}" is larger than 64 bits` };
  }
  const delayDigits = delay.startsWith('-') ? delay.slice(1) : delay;
  if (base36ToBigInt(delayDigits) > MAX_SAFE) {
    return { ok: false, reason: `Delay "${delay}" is out of range` };
  }
  // new Date() accepts up to 8.64e15 ms; beyond that an expiry cannot be a time.
  if (base36ToBigInt(expiry) > 8_640_000_000_000_000n) {
    return { ok: false, reason: `Expiry "${expiry}" is out of range` };
  }
  if (signature === '') return { ok: false, reason: 'Signature is empty' };
  if (!isBase58(signature)) {
    const offending = [...signature].find((ch) => !isBase58(ch)) ?? '';
    return {
      ok: false,
      reason: `Signature is not base58: it contains ${describeChar(offending)} (base58 has no 0, O, I, l, "_" or "-")`,
    };
  }
  const signatureBytes = base58Decode(signature)?.length ?? 0;
  if (signatureBytes !== SIGNATURE_BYTES) {
    return {
      ok: false,
      reason: `Signature decodes to ${signatureBytes} bytes, an OpenReplay signature (HMAC-SHA256) has ${SIGNATURE_BYTES}: the token looks cut short or altered`,
    };
  }
  return { ok: true, token: input };
}

/** Throws on an invalid token: call validateToken first when the input is untrusted. */
export function decodeToken(token: string): DecodedToken {
  const checked = validateToken(token);
  if (!checked.ok) throw new Error(checked.reason);
  const [id = '', delay = '', expiry = '', signature = ''] = token.split('.');
  const sessionIdBigInt = base36ToBigInt(id);
  const negative = delay.startsWith('-');
  const delayAbs = Number(base36ToBigInt(negative ? delay.slice(1) : delay));
  return {
    token,
    sessionId: sessionIdBigInt.toString(10),
    sessionIdBigInt,
    // `0 - 0` would give -0, which compares oddly in tests and JSON.
    delayMs: negative && delayAbs !== 0 ? -delayAbs : delayAbs,
    expiresAt: Number(base36ToBigInt(expiry)),
    signature,
  };
}

/** validateToken + decodeToken in one step, for untrusted input. */
export function tryDecodeToken(input: unknown): { ok: true; decoded: DecodedToken } | { ok: false; reason: string } {
  const checked = validateToken(input);
  if (!checked.ok) return checked;
  return { ok: true, decoded: decodeToken(checked.token) };
}

export interface TokenParts {
  sessionId: bigint;
  delayMs: number;
  expiresAt: number;
  /** The 32 HMAC-SHA256 bytes; signing needs a secret and node/web crypto, so callers do it. */
  signature: Uint8Array;
}

/** Builds a token in the backend's exact format (for the local ingest stand-in and tests). */
export function encodeToken(parts: TokenParts): string {
  if (parts.sessionId < 0n || parts.sessionId > UINT64_MAX) {
    throw new RangeError('session id must fit in an unsigned 64-bit integer');
  }
  if (!Number.isSafeInteger(parts.delayMs) || !Number.isSafeInteger(parts.expiresAt) || parts.expiresAt < 0) {
    throw new RangeError('delay and expiry must be safe integers, expiry not negative');
  }
  if (parts.signature.length !== SIGNATURE_BYTES) {
    throw new RangeError(`signature must be ${SIGNATURE_BYTES} bytes (HMAC-SHA256)`);
  }
  return tokenBody(parts) + '.' + base58Encode(parts.signature);
}

/** The first three parts of a token, the text a signer (e.g. the local ingest stand-in) signs. */
export function tokenBody(parts: Pick<TokenParts, 'sessionId' | 'delayMs' | 'expiresAt'>): string {
  return [
    bigIntToBase36(parts.sessionId),
    bigIntToBase36(BigInt(parts.delayMs)),
    bigIntToBase36(BigInt(parts.expiresAt)),
  ].join('.');
}
