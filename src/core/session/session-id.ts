// The numeric OpenReplay session id (decimal text of a uint64): typed by hand, read from a session
// URL, or sent in the newer `openReplaySession.id` header.

const UINT64_MAX = (1n << 64n) - 1n;

export type SessionIdValidation =
  | { ok: true; sessionId: string; sessionIdBigInt: bigint }
  | { ok: false; reason: string };

export function validateSessionId(input: unknown): SessionIdValidation {
  if (typeof input !== 'string') {
    return { ok: false, reason: `Session id must be text, got ${input === null ? 'null' : typeof input}` };
  }
  if (input.length === 0) return { ok: false, reason: 'Session id is empty' };
  // Checked before the digit scan so huge inputs cost nothing.
  if (input.length > 20) {
    return { ok: false, reason: `Session id is too long: ${input.length} characters, at most 20 digits` };
  }
  if (!/^[0-9]+$/.test(input)) return { ok: false, reason: 'Session id must contain only the digits 0-9' };
  if (input.startsWith('0')) return { ok: false, reason: 'Session id must not start with 0' };
  const value = BigInt(input);
  if (value > UINT64_MAX) {
    return { ok: false, reason: 'Session id is larger than 18446744073709551615 (2^64 - 1)' };
  }
  return { ok: true, sessionId: input, sessionIdBigInt: value };
}
