import { describe, expect, it } from 'vitest';
import {
  type SessionEvent,
  type SessionState,
  clearManual,
  initialSessionState,
  reduceSession,
  sameState,
  setManual,
} from '../../../../src/core/session/session-state.ts';
import { LAST_SEEN_RESOLUTION_MS, MAX_HISTORY } from '../../../../src/core/session/session-history.ts';
import { classifySessionId, classifyToken, isStale } from '../../../support/token-class.ts';
import type { ProbeResult } from '../../../../src/core/session/probe.ts';
import type { TokenCandidate } from '../../../../src/core/session/probe-candidate.ts';
import type { TokenSource } from '../../../../src/core/session/sources.ts';
import { decodeToken, encodeToken } from '../../../../src/core/session/token.ts';
import { extractNetworkToken, DEFAULT_INGEST } from '../../../../src/core/session/network-tokens.ts';
import { parseManualInput } from '../../../../src/core/session/manual-input.ts';

const T0 = 1_706_063_259_324;
function tok(n: number): string {
  return encodeToken({
    sessionId: 2618307011354435587n + BigInt(n),
    delayMs: 4283,
    expiresAt: T0 + 7_200_000 + n,
    signature: new Uint8Array(32).fill(n % 256),
  });
}
const A = tok(0);
const B = tok(1);

function cand(token: string, source: TokenSource): TokenCandidate {
  return { token, decoded: decodeToken(token), source };
}
function probe(candidates: TokenCandidate[], extra: Partial<ProbeResult> = {}): ProbeResult {
  return {
    status: candidates.length > 0 ? 'found' : 'none',
    candidates,
    rejected: [],
    reasons: [],
    warnings: [],
    frame: 'top',
    frameUrl: 'https://shop.example.com/',
    ...extra,
  };
}
function run(events: SessionEvent[], from: SessionState = initialSessionState()): SessionState {
  return events.reduce(reduceSession, from);
}
function startResponse(token: string, at: number): SessionEvent {
  const finding = extractNetworkToken({
    url: `${DEFAULT_INGEST}/v1/web/start`,
    method: 'POST',
    requestHeaders: [],
    responseBody: JSON.stringify({
      token,
      sessionID: decodeToken(token).sessionId,
      projectID: 12,
      startTimestamp: at - 5,
    }),
  });
  if (!finding) throw new Error('no finding');
  return { type: 'network', at, finding };
}
function batchAuth(token: string, at: number): SessionEvent {
  const finding = extractNetworkToken({
    url: `${DEFAULT_INGEST}/v1/web/i?batch=1`,
    method: 'POST',
    requestHeaders: [{ name: 'Authorization', value: `Bearer ${token}` }],
  });
  if (!finding) throw new Error('no finding');
  return { type: 'network', at, finding };
}

describe('session state', () => {
  it('starts empty', () => {
    expect(initialSessionState()).toEqual({
      status: 'none',
      reasons: [],
      warnings: [],
      refused: [],
      current: null,
      detected: null,
      manual: null,
      history: [],
      historyDropped: 0,
      page: null,
      networkLive: [],
      networkRejected: [],
      startRefused: null,
    });
  });

  it('takes the token from a probe, with the tracker facts', () => {
    const s = run([
      {
        type: 'probe',
        at: 1000,
        results: [
          probe(
            [
              cand(A, 'window.__OPENREPLAY__'),
              { ...cand(A, 'sessionStorage'), storageFormat: 'dollar', projectKey: 'pk1' },
            ],
            {
              trackerGlobal: 'window.__OPENREPLAY__',
              isActive: true,
              sessionUrl: 'https://app.openreplay.com/12/session/2618307011354435587',
              sessionIdFromTracker: '2618307011354435587',
              projectKey: 'pk1',
              trackerVersion: '19.0.1',
            },
          ),
        ],
      },
    ]);
    expect(s.status).toBe('found');
    expect(s.current).toEqual({
      token: A,
      decoded: decodeToken(A),
      sessionId: '2618307011354435587',
      source: 'window.__OPENREPLAY__',
      sources: ['window.__OPENREPLAY__', 'sessionStorage'],
      storageFormat: 'dollar',
      enteredByHand: false,
      frame: 'top',
      frameUrl: 'https://shop.example.com/',
      firstSeen: 1000,
      isActive: true,
      sessionUrl: 'https://app.openreplay.com/12/session/2618307011354435587',
      projectKey: 'pk1',
      trackerVersion: '19.0.1',
    });
    expect(s.history).toEqual([
      {
        token: A,
        decoded: decodeToken(A),
        firstSeen: 1000,
        lastSeen: 1000,
        sources: ['window.__OPENREPLAY__', 'sessionStorage'],
      },
    ]);
    expect(classifyToken(s, A)).toBe('current');
  });

  it('returns the same object when a poll changes nothing, and moves lastSeen in coarse steps', () => {
    const p: SessionEvent = { type: 'probe', at: 1000, results: [probe([cand(A, 'window.__OPENREPLAY__')])] };
    const s1 = run([p]);
    const s2 = reduceSession(s1, { ...p, at: 3000 });
    expect(s2).toBe(s1);
    const s3 = reduceSession(s2, { type: 'probe', at: 3000, results: [probe([cand(A, 'window.__OPENREPLAY__')])] });
    expect(s3).toBe(s1);
    const s4 = reduceSession(s3, { ...p, at: 1000 + LAST_SEEN_RESOLUTION_MS });
    expect(s4).not.toBe(s1);
    expect(s4.history[0]?.lastSeen).toBe(1000 + LAST_SEEN_RESOLUTION_MS);
    // isActive flipping is a visible change.
    const s5 = reduceSession(s4, {
      type: 'probe',
      at: 61_500,
      results: [probe([cand(A, 'window.__OPENREPLAY__')], { isActive: true })],
    });
    expect(s5).not.toBe(s4);
    expect(s5.current?.isActive).toBe(true);
    expect(reduceSession(s5, { type: 'clearManual' })).toBe(s5);
  });

  it('follows a forceNew: the new token from the start response becomes current at once', () => {
    const s1 = run([{ type: 'probe', at: 1000, results: [probe([cand(A, 'window.__OPENREPLAY__')])] }]);
    const s2 = reduceSession(s1, startResponse(B, 5000));
    // The global still shows A until the next poll, but B is newer.
    expect(s2.current?.token).toBe(B);
    expect(s2.current?.source).toBe('network: /v1/web/start');
    expect(s2.current?.startTimestamp).toBe(4995);
    expect(s2.current?.projectId).toBe('12');
    expect(classifyToken(s2, A)).toBe('stale');
    expect(isStale(s2, A)).toBe(true);
    const s3 = reduceSession(s2, {
      type: 'probe',
      at: 6000,
      results: [probe([cand(B, 'window.__OPENREPLAY__'), cand(B, 'sessionStorage')])],
    });
    expect(s3.current).toMatchObject({
      token: B,
      source: 'window.__OPENREPLAY__',
      sources: ['window.__OPENREPLAY__', 'sessionStorage'],
      startTimestamp: 4995,
      firstSeen: 5000,
    });
    expect(s3.history.map((h) => [h.token, h.sources])).toEqual([
      [B, ['window.__OPENREPLAY__', 'sessionStorage', 'network: /v1/web/start']],
      [A, ['window.__OPENREPLAY__']],
    ]);
    expect(classifyToken(s3, A)).toBe('stale');
    expect(classifyToken(s3, B)).toBe('current');
    expect(classifyToken(s3, tok(9))).toBe('foreign');
    expect(classifyToken(s3, `${B} `)).toBe('foreign');
    expect(classifySessionId(s3, '2618307011354435588')).toBe('current');
    expect(classifySessionId(s3, '2618307011354435587')).toBe('stale');
    expect(classifySessionId(s3, '1')).toBe('foreign');
  });

  it('prefers the more trusted source when two tokens appear in the same poll', () => {
    const s = run([
      { type: 'probe', at: 1000, results: [probe([cand(B, 'sessionStorage'), cand(A, 'window.OpenReplay')])] },
    ]);
    expect(s.current?.token).toBe(A);
    expect(s.current?.source).toBe('window.OpenReplay');
    expect(classifyToken(s, B)).toBe('stale');
  });

  it('prefers the top frame over an iframe for the same rank', () => {
    const s = run([
      {
        type: 'probe',
        at: 1000,
        results: [
          probe([cand(B, 'window.__OPENREPLAY__')], { frame: 'iframe', frameUrl: 'https://widget.example.com/' }),
          probe([cand(A, 'window.__OPENREPLAY__')]),
        ],
      },
    ]);
    expect(s.current?.token).toBe(A);
    expect(s.current?.frame).toBe('top');
  });

  it('learns the token from batches when no global is reachable, and keeps it across empty polls', () => {
    const s1 = run([
      { type: 'probe', at: 1000, results: [probe([])] },
      batchAuth(A, 1500),
      { type: 'probe', at: 3000, results: [probe([])] },
    ]);
    expect(s1.status).toBe('found');
    expect(s1.current).toMatchObject({
      token: A,
      source: 'network: Authorization of /v1/web/i',
      frame: 'network',
      frameUrl: null,
    });
    const again = reduceSession(s1, batchAuth(A, 1600));
    expect(again).toBe(s1);
    // A poll that shows the page's own token replaces what the network said.
    const s2 = reduceSession(s1, { type: 'probe', at: 5000, results: [probe([cand(B, 'sessionStorage')])] });
    expect(s2.current?.token).toBe(B);
    expect(s2.networkLive).toEqual([]);
  });

  it('says loading, invalid or none with the reasons', () => {
    const loading = run([
      {
        type: 'probe',
        at: 1000,
        results: [
          probe([], {
            status: 'loading',
            reasons: ["window.OpenReplay is the snippet's placeholder: the tracker script has not loaded yet"],
          }),
        ],
      },
    ]);
    expect(loading.status).toBe('loading');
    expect(loading.reasons).toEqual([
      "window.OpenReplay is the snippet's placeholder: the tracker script has not loaded yet",
    ]);
    expect(loading.current).toBeNull();

    const invalid = run([
      {
        type: 'probe',
        at: 1000,
        results: [
          probe([], {
            status: 'invalid',
            rejected: [{ source: 'sessionStorage', reason: 'sessionStorage __openreplay_token: Token is empty' }],
            reasons: ['sessionStorage __openreplay_token: Token is empty'],
          }),
        ],
      },
      {
        type: 'network',
        at: 1200,
        finding: { ok: false, source: 'network: /v1/web/start', reason: 'start response is not JSON' },
      },
    ]);
    expect(invalid.status).toBe('invalid');
    expect(invalid.reasons).toEqual([
      'sessionStorage __openreplay_token: Token is empty',
      'start response is not JSON',
    ]);

    const none = run([{ type: 'probe', at: 1000, results: [probe([])] }]);
    expect(none.status).toBe('none');
    expect(none.reasons).toEqual([]);
  });

  it('drops the current token when the page no longer shows it, but remembers it', () => {
    const s = run([
      { type: 'probe', at: 1000, results: [probe([cand(A, 'window.__OPENREPLAY__')])] },
      { type: 'probe', at: 3000, results: [probe([])] },
    ]);
    expect(s.status).toBe('none');
    expect(s.current).toBeNull();
    expect(classifyToken(s, A)).toBe('stale');
  });

  it('lets a token or session id entered by hand take precedence until cleared', () => {
    const detected = run([{ type: 'probe', at: 1000, results: [probe([cand(A, 'window.__OPENREPLAY__')])] }]);
    const manual = setManual(detected, parseManualInput(`  ${B} `));
    expect(manual.current).toEqual({
      token: B,
      decoded: decodeToken(B),
      sessionId: '2618307011354435588',
      source: 'entered by hand',
      sources: ['entered by hand'],
      enteredByHand: true,
    });
    expect(manual.detected?.token).toBe(A);
    expect(classifyToken(manual, B)).toBe('current');
    expect(classifyToken(manual, A)).toBe('stale');
    // New polls do not override it.
    const polled = reduceSession(manual, {
      type: 'probe',
      at: 3000,
      results: [probe([cand(tok(5), 'window.__OPENREPLAY__')])],
    });
    expect(polled.current?.token).toBe(B);
    expect(polled.detected?.token).toBe(tok(5));
    expect(clearManual(polled).current?.token).toBe(tok(5));

    const byId = setManual(detected, parseManualInput('https://app.openreplay.com/12/session/42'));
    expect(byId.current).toEqual({
      token: null,
      decoded: null,
      sessionId: '42',
      source: 'entered by hand',
      sources: ['entered by hand'],
      enteredByHand: true,
      sessionUrl: 'https://app.openreplay.com/12/session/42',
      projectId: '12',
    });
    expect(classifyToken(byId, A)).toBe('stale');
    expect(setManual(detected, parseManualInput('garbage'))).toBe(detected);
  });

  it('caps the history when a global changes every few milliseconds', () => {
    const events: SessionEvent[] = [];
    for (let i = 0; i < 200; i++) {
      events.push({ type: 'probe', at: 1000 + i * 10, results: [probe([cand(tok(i), 'window.__OPENREPLAY__')])] });
    }
    const s = run(events);
    expect(s.history).toHaveLength(MAX_HISTORY);
    expect(s.historyDropped).toBe(200 - MAX_HISTORY);
    expect(s.current?.token).toBe(tok(199));
    expect(s.history[0]?.token).toBe(tok(199));
    expect(s.history.at(-1)?.token).toBe(tok(150));
    expect(classifyToken(s, tok(0))).toBe('foreign');
  });

  it('clears history but keeps a manual entry', () => {
    const s = run([
      { type: 'probe', at: 1000, results: [probe([cand(A, 'window.__OPENREPLAY__')])] },
      { type: 'setManual', input: parseManualInput('42') },
      { type: 'clear' },
    ]);
    expect(s.history).toEqual([]);
    expect(s.detected).toBeNull();
    expect(s.current?.sessionId).toBe('42');
  });
});

describe('sameState', () => {
  it('compares plain data including bigint', () => {
    expect(sameState({ a: [1, { b: 2n }] }, { a: [1, { b: 2n }] })).toBe(true);
    expect(sameState({ a: [1, { b: 2n }] }, { a: [1, { b: 3n }] })).toBe(false);
    expect(sameState({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameState([1], { 0: 1 })).toBe(false);
    expect(sameState(null, {})).toBe(false);
  });
});

describe('the frame a token is shown in', () => {
  it('is the frame whose tracker global holds it, not the parent that only shares its sessionStorage', () => {
    const state = run([
      {
        type: 'probe',
        at: T0,
        results: [
          probe([cand(A, 'sessionStorage')], { frame: 'top', frameUrl: 'https://shop.example.com/' }),
          probe([cand(A, 'window.__OPENREPLAY__')], {
            frame: 'iframe',
            frameUrl: 'https://shop.example.com/inner.html',
            isActive: true,
            trackerVersion: '19.0.1',
          }),
        ],
      },
    ]);
    expect(state.current?.frame).toBe('iframe');
    expect(state.current?.frameUrl).toBe('https://shop.example.com/inner.html');
    expect(state.current?.source).toBe('window.__OPENREPLAY__');
    expect(state.current?.sources).toEqual(['window.__OPENREPLAY__', 'sessionStorage']);
    expect(state.current?.trackerVersion).toBe('19.0.1');
  });

  it('stays the top frame when both frames see it in the same kind of place', () => {
    const state = run([
      {
        type: 'probe',
        at: T0,
        results: [
          probe([cand(A, 'sessionStorage')], { frame: 'iframe', frameUrl: 'https://shop.example.com/inner.html' }),
          probe([cand(A, 'sessionStorage')], { frame: 'top', frameUrl: 'https://shop.example.com/' }),
        ],
      },
    ]);
    expect(state.current?.frame).toBe('top');
  });
});

describe('refused values', () => {
  it('are kept from every frame even when another source gave a valid token', () => {
    const state = run([
      {
        type: 'probe',
        at: T0,
        results: [
          probe([cand(A, 'window.OpenReplay')], {
            rejected: [{ source: 'window.__OPENREPLAY__', reason: 'Token contains U+0022 at position 1' }],
          }),
          probe([], {
            frame: 'iframe',
            frameUrl: 'https://shop.example.com/inner.html',
            rejected: [{ source: 'sessionStorage', reason: 'Token is too long' }],
          }),
        ],
      },
    ]);
    expect(state.status).toBe('found');
    expect(state.refused).toEqual(['Token contains U+0022 at position 1', 'Token is too long']);
  });
});
