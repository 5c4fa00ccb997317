import { describe, expect, it } from 'vitest';
import { tryDecodeToken } from '../../../src/core/session/token.ts';
import { SessionRegistry } from '../../../demo/ingest/sessions.ts';
import { flakeStartMs } from '../../../src/core/session/session-id.ts';
import { signToken, verifyToken } from '../../../demo/ingest/token-codec.ts';

const SECRET = new Uint8Array(32).fill(7);
const TOKEN_RE = /^[0-9a-z]+\.-?[0-9a-z]+\.[0-9a-z]+\.[1-9A-HJ-NP-Za-km-z]+$/;

function clock(start: number): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('ingest token format', () => {
  it('issues four-part tokens whose first part is the session id in base 36', () => {
    const c = clock(1_795_700_000_000);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET });
    const { session } = registry.start({ projectKey: 'demo-project-key', timestamp: c.now() - 250 });
    expect(session.token).toMatch(TOKEN_RE);
    const [sid, delay, expiry] = session.token.split('.') as [string, string, string];
    let decoded = 0n;
    for (const ch of sid) decoded = decoded * 36n + BigInt(parseInt(ch, 36));
    expect(decoded.toString()).toBe(session.sessionId);
    expect(session.sessionId).toMatch(/^\d{19}$/);
    expect(BigInt(session.sessionId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(parseInt(delay, 36)).toBe(250);
    expect(parseInt(expiry, 36)).toBe(1_795_700_000_000 + 2 * 60 * 60 * 1000);
  });

  it('is decoded by the product decoder to the same id, delay and expiry', () => {
    const c = clock(1_795_700_000_000);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET, sessionLengthMs: 60_000 });
    const { session } = registry.start({ projectKey: 'k', timestamp: c.now() });
    const result = tryDecodeToken(session.token);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.decoded.sessionId).toBe(session.sessionId);
    expect(result.decoded.expiresAt).toBe(1_795_700_060_000);
    expect(result.decoded.delayMs).toBe(0);
  });

  it('writes a negative delay with a minus sign and verifies it back', () => {
    const token = signToken({ sessionId: 2618307011354435587n, delayMs: -4283, expiresAt: 1_700_000_000_000 }, SECRET);
    expect(token.startsWith('jw4wdfpgqhoj.-3az.')).toBe(true);
    expect(verifyToken(token, SECRET)).toEqual({
      sessionId: 2618307011354435587n,
      delayMs: -4283,
      expiresAt: 1_700_000_000_000,
    });
  });

  it('refuses a token with a changed part or another secret', () => {
    const token = signToken({ sessionId: 2618307011354435587n, delayMs: 12, expiresAt: 1_700_000_000_000 }, SECRET);
    const [sid, , expiry, sig] = token.split('.');
    expect(verifyToken(`${sid}.13.${expiry}.${sig}`, SECRET)).toBeNull();
    expect(verifyToken(token, new Uint8Array(32).fill(8))).toBeNull();
    expect(verifyToken('not-a-token', SECRET)).toBeNull();
  });
});

describe('ingest sessions', () => {
  it('continues the session when the start request carries a live token it issued', () => {
    const c = clock(1_795_700_000_000);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET });
    const first = registry.start({ projectKey: 'k', timestamp: c.now() });
    c.advance(60_000);
    const again = registry.start({ projectKey: 'k', token: first.session.token, timestamp: c.now() });
    expect(again.continued).toBe(true);
    expect(again.session.token).toBe(first.session.token);
    expect(registry.list()).toHaveLength(1);
  });

  it('starts a new session when the token is missing, unknown or forged', () => {
    const c = clock(1_795_700_000_000);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET });
    const first = registry.start({ projectKey: 'k', timestamp: c.now() });
    const foreign = signToken({ sessionId: 2618307011354435587n, delayMs: 0, expiresAt: c.now() + 1000 }, SECRET);
    expect(registry.start({ projectKey: 'k', token: undefined }).continued).toBe(false);
    expect(registry.start({ projectKey: 'k', token: foreign }).continued).toBe(false);
    expect(registry.start({ projectKey: 'k', token: `${first.session.token}x` }).continued).toBe(false);
    const ids = registry.list().map((s) => s.sessionId);
    expect(new Set(ids).size).toBe(4);
  });

  it('forces exactly the next start to be new, even with a live token', () => {
    const c = clock(1_795_700_000_000);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET });
    const first = registry.start({ projectKey: 'k', timestamp: c.now() });
    registry.forceNew();
    const forced = registry.start({ projectKey: 'k', token: first.session.token, timestamp: c.now() });
    expect(forced.continued).toBe(false);
    expect(forced.session.token).not.toBe(first.session.token);
    const after = registry.start({ projectKey: 'k', token: forced.session.token, timestamp: c.now() });
    expect(after.continued).toBe(true);
    // The old token stays valid for batches until it expires, like the real ingest.
    expect(registry.check(first.session.token)?.sessionId).toBe(first.session.sessionId);
  });

  it('expires sessions after the session length and then issues a new one', () => {
    const c = clock(1_795_700_000_000);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET, sessionLengthMs: 10_000 });
    const first = registry.start({ projectKey: 'k', timestamp: c.now() });
    c.advance(9_999);
    expect(registry.check(first.session.token)?.token).toBe(first.session.token);
    c.advance(1);
    expect(registry.check(first.session.token)).toBeNull();
    const next = registry.start({ projectKey: 'k', token: first.session.token, timestamp: c.now() });
    expect(next.continued).toBe(false);
    expect(next.session.expiresAt).toBe(1_795_700_010_000 + 10_000);
  });

  it('hands out increasing ids even within one millisecond', () => {
    const c = clock(1_795_700_000_000);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET });
    const ids = Array.from({ length: 50 }, () => BigInt(registry.start({ projectKey: 'k' }).session.sessionId));
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });

  it('keeps the user UUID the tracker sends and leaves a nonsense client clock out of the delay', () => {
    const c = clock(1_795_700_000_000);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET });
    const { session } = registry.start({ projectKey: 'k', userUUID: 'u-1', timestamp: 1 });
    expect(session.userUUID).toBe('u-1');
    expect(session.delay).toBe(0);
  });
});

describe('ingest session ids', () => {
  it('are flakeids: the id decodes to the session start, as OpenReplay ids do', () => {
    const c = clock(1_795_700_000_123);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET });
    const first = registry.start({ projectKey: 'k' }).session;
    registry.forceNew();
    const second = registry.start({ projectKey: 'k' }).session;
    for (const s of [first, second]) expect(flakeStartMs(BigInt(s.sessionId))).toBe(1_795_700_000_123);
    expect(BigInt(second.sessionId) - BigInt(first.sessionId)).toBe(1n);
  });

  it('a past session carries its own start and stays out of the list', () => {
    const c = clock(1_795_700_000_000);
    const registry = new SessionRegistry({ now: c.now, secret: SECRET });
    const yesterday = 1_795_700_000_000 - 86_400_000 + 5_000;
    const past = registry.pastSession(yesterday, { projectKey: 'k' });
    expect(flakeStartMs(BigInt(past.sessionId))).toBe(yesterday);
    expect(past.expiresAt).toBe(yesterday + 2 * 60 * 60 * 1000);
    expect(tryDecodeToken(past.token).ok).toBe(true);
    expect(registry.list()).toEqual([]);
    expect(registry.check(past.token)).toBeNull();
  });
});
