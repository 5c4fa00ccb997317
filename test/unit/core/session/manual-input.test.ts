import { describe, expect, it } from 'vitest';
import { validateSessionId } from '../../../../src/core/session/session-id.ts';
import { parseManualInput } from '../../../../src/core/session/manual-input.ts';
import { formatDuration, timeLeft } from '../../../../src/core/session/time-left.ts';
import { decodeToken } from '../../../../src/core/session/token.ts';

const REAL = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';

describe('validateSessionId', () => {
  it('accepts decimal uint64 ids and keeps them exact', () => {
    expect(validateSessionId('2618307011354435587')).toEqual({
      ok: true,
      sessionId: '2618307011354435587',
      sessionIdBigInt: 2618307011354435587n,
    });
    expect(validateSessionId('18446744073709551615').ok).toBe(true);
    expect(validateSessionId('7').ok).toBe(true);
  });

  it('refuses with a reason', () => {
    const r = (v: unknown) => {
      const x = validateSessionId(v);
      return x.ok ? 'OK' : x.reason;
    };
    // eslint-disable-next-line no-loss-of-precision -- the number a careless caller would pass; its precision is the point
    expect(r(2618307011354435587)).toBe('Session id must be text, got number');
    expect(r('')).toBe('Session id is empty');
    expect(r('1'.repeat(21))).toBe('Session id is too long: 21 characters, at most 20 digits');
    expect(r('9'.repeat(5_000_000))).toBe('Session id is too long: 5000000 characters, at most 20 digits');
    expect(r('12a')).toBe('Session id must contain only the digits 0-9');
    expect(r('-12')).toBe('Session id must contain only the digits 0-9');
    expect(r('１２')).toBe('Session id must contain only the digits 0-9');
    expect(r('012')).toBe('Session id must not start with 0');
    expect(r('18446744073709551616')).toBe('Session id is larger than 18446744073709551615 (2^64 - 1)');
  });
});

describe('parseManualInput', () => {
  it('takes a pasted token, trimming whitespace around it', () => {
    expect(parseManualInput(`  ${REAL}\n`)).toEqual({ kind: 'token', decoded: decodeToken(REAL) });
  });

  it('takes a log tag or a stored value holding a token', () => {
    expect(parseManualInput(`[openReplaySessionToken=${REAL}]`)).toEqual({ kind: 'token', decoded: decodeToken(REAL) });
    expect(parseManualInput(`${REAL}_$_abcDEF123`)).toEqual({ kind: 'token', decoded: decodeToken(REAL) });
    expect(parseManualInput('[openReplaySession.id=2618307011354435587]')).toEqual({
      kind: 'sessionId',
      sessionId: '2618307011354435587',
    });
  });

  it('takes a session id', () => {
    expect(parseManualInput(' 2618307011354435587 ')).toEqual({ kind: 'sessionId', sessionId: '2618307011354435587' });
    expect(parseManualInput('99999999999999999999999')).toEqual({
      kind: 'error',
      reason: 'Session id is too long: 23 characters, at most 20 digits',
    });
  });

  it('takes OpenReplay session URLs, SaaS and self-hosted', () => {
    expect(parseManualInput('https://app.openreplay.com/12/session/2618307011354435587')).toEqual({
      kind: 'sessionId',
      sessionId: '2618307011354435587',
      projectId: '12',
      sessionUrl: 'https://app.openreplay.com/12/session/2618307011354435587',
    });
    expect(parseManualInput('https://openreplay.example.com/3/session/123?jumpto=4500#x')).toEqual({
      kind: 'sessionId',
      sessionId: '123',
      projectId: '3',
      sessionUrl: 'https://openreplay.example.com/3/session/123',
    });
    expect(parseManualInput('https://or.example.com/session/123/')).toEqual({
      kind: 'sessionId',
      sessionId: '123',
      sessionUrl: 'https://or.example.com/session/123',
    });
  });

  it('refuses everything else with a reason', () => {
    expect(parseManualInput('   ')).toEqual({
      kind: 'error',
      reason: 'Paste a session token, a session id or an OpenReplay session URL',
    });
    expect(parseManualInput('https://app.openreplay.com/12/sessions')).toEqual({
      kind: 'error',
      reason:
        'This URL holds no session id (its path is /12/sessions): a session URL ends in /session/<id> or, for a live session, ' +
        '/assist/<id>, e.g. https://app.openreplay.com/12/session/2618307011354435587. Open the session in OpenReplay and copy ' +
        'the address from there, or paste its token or id.',
    });
    expect(parseManualInput('https://app.openreplay.com/12/session/abc')).toEqual({
      kind: 'error',
      reason: 'In the URL: Session id must contain only the digits 0-9',
    });
    expect(parseManualInput('javascript:alert(1)//x.y.z')).toEqual({
      kind: 'error',
      reason: 'Token contains ":" (U+003A) at position 11; only letters, digits, ".", "_" and "-" are allowed',
    });
    expect(parseManualInput('http://[::1')).toEqual({ kind: 'error', reason: 'This is not a valid URL' });
    expect(parseManualInput('hello')).toEqual({
      kind: 'error',
      reason: 'Token has 1 dot-separated part, expected 4: session id, delay, expiry, signature',
    });
    expect(parseManualInput('x'.repeat(3000))).toEqual({
      kind: 'error',
      reason: 'Input is too long: 3000 characters, the limit is 2048',
    });
  });
});

describe('timeLeft', () => {
  const now = 1_700_000_000_000;
  const min = 60_000;
  const h = 60 * min;
  it('says how long is left, rounded down', () => {
    expect(timeLeft(now + h + 12 * min + 59_000, now)).toBe('1 h 12 min left');
    expect(timeLeft(now + 2 * h, now)).toBe('2 h left');
    expect(timeLeft(now + 12 * min, now)).toBe('12 min left');
    expect(timeLeft(now + 45_500, now)).toBe('45 s left');
    expect(timeLeft(now + 300, now)).toBe('less than 1 s left');
    expect(timeLeft(now + 26 * h, now)).toBe('1 d 2 h left');
  });
  it('says how long ago it expired', () => {
    expect(timeLeft(now - 3 * min - 10_000, now)).toBe('expired 3 min ago');
    expect(timeLeft(now, now)).toBe('expired just now');
    expect(timeLeft(now - 2 * h - 5 * min, now)).toBe('expired 2 h 5 min ago');
    expect(timeLeft(now - 3 * 24 * h, now)).toBe('expired 3 d ago');
    expect(timeLeft(Number.NaN, now)).toBe('expiry unknown');
  });
  it('uses the real token expiry', () => {
    const { expiresAt } = decodeToken(REAL);
    expect(timeLeft(expiresAt, expiresAt - 2 * h)).toBe('2 h left');
    expect(formatDuration(-90_000)).toBe('1 min');
  });
});
