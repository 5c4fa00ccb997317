import { randomBytes } from 'node:crypto';

/** A search job id as the real service prints it: 16 uppercase hex characters. */
export function newJobId(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

const CORRELATION_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An error correlation id shaped like the recorded `FRXHW-NB12G-HMYO6`. */
export function newCorrelationId(): string {
  const bytes = randomBytes(15);
  let out = '';
  for (let i = 0; i < 15; i++) {
    if (i > 0 && i % 5 === 0) out += '-';
    out += CORRELATION_ALPHABET[(bytes[i] ?? 0) % CORRELATION_ALPHABET.length];
  }
  return out;
}

/** Opaque cookie value; the client must only echo it back. */
export function newCookieValue(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Signed 64-bit ids that count up from near the minimum, like the recorded
 * `-9223372036854773763`: they exceed Number.MAX_SAFE_INTEGER, so a client that
 * turns them into numbers visibly corrupts them.
 */
export class Int64Counter {
  private next: bigint;
  constructor(start: bigint) {
    this.next = start;
  }
  take(): string {
    const value = this.next;
    this.next += 1n;
    return value.toString();
  }
}
