import { createHmac, timingSafeEqual } from 'node:crypto';
import { base36ToBigInt, isBase36 } from '../../src/core/session/encoding.ts';
import { encodeToken, tokenBody } from '../../src/core/session/token.ts';

// Minting and checking tokens for the ingest stand-in. The format itself comes from the product's
// token module, so the demo can never drift from what the panel decodes.

export interface TokenFields {
  sessionId: bigint;
  /** Server start time minus the client's clock, in ms; may be negative. */
  delayMs: number;
  /** Epoch ms after which the ingest refuses the token. */
  expiresAt: number;
}

function hmac(body: string, secret: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

/** `base36(sessionId).base36(delay).base36(expiry).base58(HMAC-SHA256 of the first three parts)`. */
export function signToken(fields: TokenFields, secret: Uint8Array): string {
  return encodeToken({ ...fields, signature: hmac(tokenBody(fields), secret) });
}

function parseSigned(text: string): number | null {
  const digits = text.startsWith('-') ? text.slice(1) : text;
  if (!isBase36(digits)) return null;
  const value = Number(base36ToBigInt(digits));
  return text.startsWith('-') ? -value : value;
}

/** The token's fields when `secret` signed it; null for anything else. */
export function verifyToken(token: string, secret: Uint8Array): TokenFields | null {
  const parts = token.split('.');
  if (parts.length !== 4) return null;
  const [sid, delay, expiry] = parts as [string, string, string, string];
  if (!isBase36(sid)) return null;
  const delayMs = parseSigned(delay);
  const expiresAt = isBase36(expiry) ? Number(base36ToBigInt(expiry)) : null;
  if (delayMs === null || expiresAt === null) return null;
  const fields = { sessionId: base36ToBigInt(sid), delayMs, expiresAt };
  // Re-encode rather than compare parts: a token is valid only in its one canonical spelling.
  const expected = Buffer.from(signToken(fields, secret));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? fields : null;
}
