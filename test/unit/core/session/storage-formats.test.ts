import { describe, expect, it } from 'vitest';
import { parseStoredToken, parseStoredTokenVersion } from '../../../../src/core/session/storage-formats.ts';

const REAL = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';

describe('parseStoredToken', () => {
  it('reads all three historical formats', () => {
    expect(parseStoredToken(REAL)).toEqual({ ok: true, token: REAL, format: 'bare' });
    expect(parseStoredToken(`${REAL}_&_9uXk2WxkYcC9ZR6nQzH4`)).toEqual({
      ok: true,
      token: REAL,
      projectKey: '9uXk2WxkYcC9ZR6nQzH4',
      format: 'amp',
    });
    expect(parseStoredToken(`${REAL}_$_9uXk2WxkYcC9ZR6nQzH4`)).toEqual({
      ok: true,
      token: REAL,
      projectKey: '9uXk2WxkYcC9ZR6nQzH4',
      format: 'dollar',
    });
    expect(parseStoredToken(`${REAL}_$_`)).toEqual({ ok: true, token: REAL, format: 'dollar' });
  });

  it('refuses garbage with a reason', () => {
    const r = (v: unknown) => {
      const x = parseStoredToken(v);
      return x.ok ? 'OK' : x.reason;
    };
    expect(r(null)).toBe('stored value is not text (null)');
    expect(r('x'.repeat(600))).toBe('stored value is too long: 600 characters, the limit is 512');
    expect(r(`${REAL}_$_key_$_other`)).toBe('stored value has more than one token/project separator');
    expect(r(`${REAL}_$_key_&_other`)).toBe('stored value has more than one token/project separator');
    expect(r(`${REAL}_$_<img src=x>`)).toBe('project key contains U+003C');
    expect(r(`not a token_$_key`)).toBe('Token contains whitespace (U+0020) at position 4');
    expect(r(`_$_key`)).toBe('Token is empty');
  });
});

describe('parseStoredTokenVersion', () => {
  it('reads 2x<tracker version> and the bare storage version', () => {
    expect(parseStoredTokenVersion('2x19.0.1')).toEqual({ ok: true, storageVersion: '2', trackerVersion: '19.0.1' });
    expect(parseStoredTokenVersion('2x19.1.0-beta.3')).toEqual({
      ok: true,
      storageVersion: '2',
      trackerVersion: '19.1.0-beta.3',
    });
    expect(parseStoredTokenVersion('2')).toEqual({ ok: true, storageVersion: '2' });
  });
  it('refuses anything else', () => {
    expect(parseStoredTokenVersion('2x<b>')).toEqual({
      ok: false,
      reason: 'token version is neither "<n>" nor "<n>x<tracker version>"',
    });
    expect(parseStoredTokenVersion(2)).toEqual({ ok: false, reason: 'token version is not text (number)' });
    expect(parseStoredTokenVersion('9'.repeat(100))).toEqual({
      ok: false,
      reason: 'token version is too long: 100 characters',
    });
  });
});
