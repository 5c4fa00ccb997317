// The numeric OpenReplay session id (decimal text of a uint64): typed by hand, read from a session
// URL, or sent in the newer `openReplaySession.id` header.

const UINT64_MAX = (1n << 64n) - 1n;

export type SessionIdValidation =
  { ok: true; sessionId: string; sessionIdBigInt: bigint } | { ok: false; reason: string };

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

// OpenReplay's backend makes session ids with its flakeid generator (backend/pkg/flakeid):
//   id = ((startMs − FLAKE_EPOCH_MS) << 24) | (shard << 8) | seq
// so an id alone says when its session started, and its base-36 text opens every token of it.
export const FLAKE_EPOCH_MS = 1_550_000_000_000;
export const FLAKE_TIME_SHIFT = 24n;
/** How far ahead of this machine's clock a start may lie before it is no longer clock skew. */
export const START_FUTURE_TOLERANCE_MS = 5 * 60_000;

export type SessionStart = { plausible: true; startMs: number } | { plausible: false; startMs: number; reason: string };

/** The start time a flakeid encodes, in epoch ms (exact for every uint64). */
export function flakeStartMs(id: bigint): number {
  return Number(id >> FLAKE_TIME_SHIFT) + FLAKE_EPOCH_MS;
}

/** Builds an id the way the backend does (for the demo ingest and tests). */
export function makeFlakeId(startMs: number, shard: number, seq: number): bigint {
  if (!Number.isSafeInteger(startMs) || startMs < FLAKE_EPOCH_MS || startMs - FLAKE_EPOCH_MS >= 2 ** 40) {
    throw new RangeError('start must be a whole ms after the flakeid epoch (2019-02-12) that fits in 40 bits');
  }
  if (!Number.isInteger(shard) || shard < 0 || shard > 0xffff || !Number.isInteger(seq) || seq < 0 || seq > 0xff) {
    throw new RangeError('shard must fit in 16 bits and seq in 8 bits');
  }
  return (BigInt(startMs - FLAKE_EPOCH_MS) << FLAKE_TIME_SHIFT) | (BigInt(shard) << 8n) | BigInt(seq);
}

/**
 * When the session started, or why the id does not tell: an id whose time part is zero was not
 * made by the generator (every real one is later than its epoch), and a start in the future is not
 * a session that happened. Implausible starts are returned for display only, never searched.
 */
export function decodeSessionStart(id: bigint, now: number): SessionStart {
  const startMs = flakeStartMs(id);
  if (id >> FLAKE_TIME_SHIFT === 0n) {
    return {
      plausible: false,
      startMs,
      reason:
        'this id does not encode a start time (it decodes to the flakeid epoch, 2019-02-12, before any OpenReplay session)',
    };
  }
  if (startMs > now + START_FUTURE_TOLERANCE_MS) {
    return {
      plausible: false,
      startMs,
      reason: `this id decodes to ${new Date(startMs).toISOString().slice(0, 10)}, in the future`,
    };
  }
  return { plausible: true, startMs };
}

/** decodeSessionStart for a decimal id as text; null when the text is not a session id. */
export function sessionStartOf(sessionId: string, now: number): SessionStart | null {
  const checked = validateSessionId(sessionId);
  return checked.ok ? decodeSessionStart(checked.sessionIdBigInt, now) : null;
}

/** The id's base-36 text: the first part of every token of that session. Only from a validated id. */
export function sessionIdToBase36(id: bigint): string {
  return id.toString(36);
}
