import { describe, expect, it } from 'vitest';
import {
  MAX_TOKEN_LENGTH,
  decodeToken,
  encodeToken,
  tokenBody,
  tryDecodeToken,
  validateToken,
} from '../../../../src/core/session/token.ts';
import { base58Decode, base58Encode, describeChar } from '../../../../src/core/session/encoding.ts';

const REAL = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';
const SIG = 'ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';

function reason(input: unknown): string {
  const r = validateToken(input);
  return r.ok ? 'OK' : r.reason;
}

describe('decodeToken', () => {
  it('decodes the real token exactly (beyond 2^53, so BigInt)', () => {
    expect(decodeToken(REAL)).toEqual({
      token: REAL,
      sessionId: '2618307011354435587',
      sessionIdBigInt: 2618307011354435587n,
      delayMs: 4283,
      expiresAt: 1706070459324,
      signature: SIG,
    });
    expect(new Date(decodeToken(REAL).expiresAt).toISOString()).toBe('2024-01-24T04:27:39.324Z');
    // What parseInt would have produced: the last digits are wrong.
    expect(String(BigInt(parseInt('jw4wdfpgqhoj', 36)))).toBe('2618307011354435584');
  });

  it('decodes negative delays', () => {
    const t = `jw4wdfpgqhoj.-1a.lrraavgc.${SIG}`;
    expect(decodeToken(t).delayMs).toBe(-46);
    expect(decodeToken(`1.-0.1.${SIG}`).delayMs).toBe(0);
    expect(Object.is(decodeToken(`1.-0.1.${SIG}`).delayMs, -0)).toBe(false);
  });

  it('decodes the largest uint64 session id', () => {
    const id = (1n << 64n) - 1n;
    const t = `${id.toString(36)}.0.1.${SIG}`;
    expect(decodeToken(t).sessionId).toBe('18446744073709551615');
  });

  it('throws with the validation reason on bad input', () => {
    expect(() => decodeToken('a.b')).toThrow(
      'Token has 2 dot-separated parts, expected 4: session id, delay, expiry, signature',
    );
  });

  it('tryDecodeToken combines validation and decoding', () => {
    expect(tryDecodeToken(42)).toEqual({ ok: false, reason: 'Token must be text, got number' });
    const ok = tryDecodeToken(REAL);
    expect(ok.ok && ok.decoded.sessionId).toBe('2618307011354435587');
  });
});

describe('validateToken', () => {
  it('accepts the real token', () => {
    expect(validateToken(REAL)).toEqual({ ok: true, token: REAL });
  });

  it('refuses non-strings and empty text', () => {
    expect(reason(undefined)).toBe('Token must be text, got undefined');
    expect(reason(null)).toBe('Token must be text, got null');
    expect(reason({ toString: () => REAL })).toBe('Token must be text, got object');
    expect(reason('')).toBe('Token is empty');
  });

  it('checks the length first and says how long', () => {
    const huge = 'a'.repeat(5 * 1024 * 1024) + ' "<>';
    expect(reason(huge)).toBe(`Token is too long: ${huge.length} characters, the limit is 256`);
    expect(reason('a'.repeat(257))).toBe('Token is too long: 257 characters, the limit is 256');
    expect(MAX_TOKEN_LENGTH).toBe(256);
  });

  it('names whitespace, line breaks and foreign characters safely', () => {
    expect(reason(` ${REAL}`)).toBe('Token contains whitespace (U+0020) at position 1');
    expect(reason(`${REAL}\n`)).toBe('Token contains a line break (U+000A) at position 70');
    expect(reason(`${REAL}\r`)).toBe('Token contains a line break (U+000D) at position 70');
    expect(reason('ab\tc')).toBe('Token contains whitespace (U+0009) at position 3');
    expect(reason('a"b')).toBe(
      'Token contains U+0022 at position 2; only letters, digits, ".", "_" and "-" are allowed',
    );
    expect(reason('<script>')).toBe(
      'Token contains U+003C at position 1; only letters, digits, ".", "_" and "-" are allowed',
    );
    expect(reason('a|b')).toBe(
      'Token contains "|" (U+007C) at position 2; only letters, digits, ".", "_" and "-" are allowed',
    );
    expect(reason('a😀b')).toBe(
      'Token contains U+1F600 at position 2; only letters, digits, ".", "_" and "-" are allowed',
    );
    expect(reason('a\u0000')).toBe(
      'Token contains U+0000 at position 2; only letters, digits, ".", "_" and "-" are allowed',
    );
  });

  it('requires four parts', () => {
    expect(reason('abc')).toBe('Token has 1 dot-separated part, expected 4: session id, delay, expiry, signature');
    expect(reason(`${REAL}.x`)).toBe(
      'Token has 5 dot-separated parts, expected 4: session id, delay, expiry, signature',
    );
  });

  it('checks each part', () => {
    expect(reason(`.3az.lrraavgc.${SIG}`)).toBe('Session id is empty');
    expect(reason(`JW4.3az.lrraavgc.${SIG}`)).toBe('Session id "JW4" is not base 36 (0-9, a-z)');
    expect(reason(`a_b.3az.lrraavgc.${SIG}`)).toBe('Session id "a_b" is not base 36 (0-9, a-z)');
    expect(reason(`-1.3az.lrraavgc.${SIG}`)).toBe('Session id "-1" is not base 36 (0-9, a-z)');
    expect(reason(`jw4..lrraavgc.${SIG}`)).toBe('Delay is empty');
    expect(reason(`jw4.-.lrraavgc.${SIG}`)).toBe('Delay "-" is not base 36 (0-9, a-z, optionally starting with "-")');
    expect(reason(`jw4.1-2.lrraavgc.${SIG}`)).toBe(
      'Delay "1-2" is not base 36 (0-9, a-z, optionally starting with "-")',
    );
    expect(reason(`jw4.3az.-1.${SIG}`)).toBe('Expiry "-1" is not base 36 (0-9, a-z)');
    expect(reason(`jw4.3az.zzzzzzzzzzz.${SIG}`)).toBe('Expiry "zzzzzzzzzzz" is out of range');
    expect(reason(`jw4.zzzzzzzzzzzz.1.${SIG}`)).toBe('Delay "zzzzzzzzzzzz" is out of range');
    expect(reason(`3w5e11264sgsg.0.1.${SIG}`)).toBe('Session id "3w5e11264sgsg" is larger than 64 bits');
    expect(reason('jw4.3az.lrraavgc.')).toBe('Signature is empty');
    for (const bad of ['0', 'O', 'I', 'l', '_', '-']) {
      expect(reason(`jw4.3az.lrraavgc.ab${bad}c`)).toBe(
        `Signature is not base58: it contains ${describeChar(bad)} (base58 has no 0, O, I, l, "_" or "-")`,
      );
    }
    expect(reason(`jw4.-3az.lrraavgc.${SIG}`)).toBe('OK');
  });

  it('refuses a token whose signature was cut short (e.g. by a log regex)', () => {
    expect(reason(REAL.slice(0, 40))).toBe(
      'Signature decodes to 11 bytes, an OpenReplay signature (HMAC-SHA256) has 32: the token looks cut short or altered',
    );
    expect(reason(`${REAL}z`)).toBe(
      'Signature decodes to 33 bytes, an OpenReplay signature (HMAC-SHA256) has 32: the token looks cut short or altered',
    );
    // A leading zero byte is a leading "1": still 32 bytes.
    const zeroFirst = new Uint8Array(32).fill(200);
    zeroFirst[0] = 0;
    expect(reason(`1.0.1.${base58Encode(zeroFirst)}`)).toBe('OK');
  });
});

describe('encodeToken and base58', () => {
  it('re-encodes the real token byte for byte', () => {
    const d = decodeToken(REAL);
    const sig = base58Decode(d.signature);
    expect(sig?.length).toBe(32); // an HMAC-SHA256
    expect(
      encodeToken({ sessionId: d.sessionIdBigInt, delayMs: d.delayMs, expiresAt: d.expiresAt, signature: sig! }),
    ).toBe(REAL);
    expect(tokenBody({ sessionId: d.sessionIdBigInt, delayMs: d.delayMs, expiresAt: d.expiresAt })).toBe(
      'jw4wdfpgqhoj.3az.lrraavgc',
    );
  });

  it('encodes negative delays with a minus sign and round-trips', () => {
    const signature = new Uint8Array(32).fill(7);
    const token = encodeToken({ sessionId: 123n, delayMs: -46, expiresAt: 1706070459324, signature });
    expect(token).toBe('3f.-1a.lrraavgc.US517G5965aydkZ46HS38QLi7UQiSojurfbQfKCELFx');
    expect(decodeToken(token)).toMatchObject({ sessionId: '123', delayMs: -46, expiresAt: 1706070459324 });
  });

  it('refuses parts that cannot be a token', () => {
    const sig = new Uint8Array(32);
    expect(() => encodeToken({ sessionId: -1n, delayMs: 0, expiresAt: 0, signature: sig })).toThrow(RangeError);
    expect(() => encodeToken({ sessionId: 1n << 64n, delayMs: 0, expiresAt: 0, signature: sig })).toThrow(RangeError);
    expect(() => encodeToken({ sessionId: 1n, delayMs: 0.5, expiresAt: 0, signature: sig })).toThrow(RangeError);
    expect(() => encodeToken({ sessionId: 1n, delayMs: 0, expiresAt: 0, signature: new Uint8Array(31) })).toThrow(
      'signature must be 32 bytes (HMAC-SHA256)',
    );
  });

  it('base58 keeps leading zero bytes and matches known vectors', () => {
    expect(base58Encode(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(base58Encode(new Uint8Array([0, 0, 1]))).toBe('112');
    expect(base58Encode(new Uint8Array())).toBe('');
    expect([...(base58Decode('112') ?? [])]).toEqual([0, 0, 1]);
    expect(base58Decode('0OIl')).toBeNull();
  });
});
