import { describe, expect, it } from 'vitest';
import { interpretProbe, PROBE_EXPRESSION } from '../../../../src/core/session/probe.ts';
import { describeCandidateSource } from '../../../../src/core/session/probe-candidate.ts';
import { decodeToken } from '../../../../src/core/session/token.ts';
import { KEY, OTHER, REAL, runProbe } from '../../../support/probe-sandbox.ts';

const decoded = decodeToken(REAL);
const TRACKER = `makeTracker({ projectKey: '${KEY}', sessionToken: '${REAL}_$_${KEY}', sessionID: '2618307011354435587', projectID: 12, active: true })`;

describe('PROBE_EXPRESSION against simulated pages', () => {
  it('is a self-contained expression', () => {
    expect(PROBE_EXPRESSION.startsWith('(function () {')).toBe(true);
    expect(PROBE_EXPRESSION.endsWith('})()')).toBe(true);
    expect(PROBE_EXPRESSION).not.toMatch(/\bsetItem\b|\bremoveItem\b|\bpostMessage\b|\bfetch\(/);
  });

  it('reads a started npm tracker and sessionStorage without calling anything that writes', () => {
    const run = runProbe(`
      __store.__openreplay_token = '${REAL}_$_${KEY}';
      __store.__openreplay_token_version = '2x19.0.1';
      window.__OPENREPLAY__ = ${TRACKER};
    `);
    expect(run.writes).toEqual([]);
    expect(run.calls).toEqual([]); // app.session.token was readable: no API call needed
    expect(run.result).toEqual({
      status: 'found',
      candidates: [
        { token: REAL, decoded, source: 'window.__OPENREPLAY__', projectKey: KEY },
        { token: REAL, decoded, source: 'sessionStorage', storageFormat: 'dollar', projectKey: KEY },
      ],
      rejected: [],
      reasons: [],
      warnings: [],
      frame: 'top',
      frameUrl: 'https://shop.example.com/cart?x=1',
      trackerGlobal: 'window.__OPENREPLAY__',
      sessionUrl: 'https://app.openreplay.com/12/session/2618307011354435587',
      sessionIdFromTracker: '2618307011354435587',
      isActive: true,
      projectKey: KEY,
      trackerVersion: '19.0.1',
      trackerOptions: { hasMatcher: false, header: { on: false }, problems: [] },
      storageVersion: '2',
    });
  });

  it('calls getSessionToken() before start when the stored token is the same project', () => {
    const run = runProbe(`
      __store.__openreplay_token = '${REAL}_$_${KEY}';
      window.__OPENREPLAY__ = makeTracker({ projectKey: '${KEY}' });
    `);
    expect(run.calls).toEqual(['getSessionToken']);
    expect(run.writes).toEqual([]);
    expect(run.result.status).toBe('found');
    expect(run.result.candidates.map((c) => c.source)).toEqual(['window.__OPENREPLAY__', 'sessionStorage']);
    expect(run.result.isActive).toBe(false);
    expect(run.result.sessionIdFromTracker).toBeUndefined();
    expect(run.result.sessionUrl).toBeUndefined();
  });

  it('never calls getSessionToken() when that would delete a stored token of another project', () => {
    const run = runProbe(`
      __store.__openreplay_token = '${OTHER}_$_otherProjectKey';
      window.__OPENREPLAY__ = makeTracker({ projectKey: '${KEY}' });
    `);
    expect(run.calls).toEqual([]);
    expect(run.writes).toEqual([]);
    expect(run.result.candidates).toEqual([
      {
        token: OTHER,
        decoded: decodeToken(OTHER),
        source: 'sessionStorage',
        storageFormat: 'dollar',
        projectKey: 'otherProjectKey',
      },
    ]);
    expect(run.result.warnings).toEqual([
      `The stored token belongs to project key otherProjectKey, the tracker runs with ${KEY}: the tracker will start a new session`,
    ]);
    expect(run.result.projectKey).toBe(KEY);
  });

  it('does not call getSessionToken() for an old-format stored value either (19.x would delete it)', () => {
    const run = runProbe(`
      __store.__openreplay_token = '${REAL}_&_${KEY}';
      window.__OPENREPLAY__ = makeTracker({ projectKey: '${KEY}' });
    `);
    expect(run.calls).toEqual([]);
    expect(run.writes).toEqual([]);
    expect(run.result.candidates).toEqual([
      { token: REAL, decoded, source: 'sessionStorage', storageFormat: 'amp', projectKey: KEY },
    ]);
  });

  it('reports a started tracker with no token yet as loading', () => {
    const run = runProbe(`window.__OPENREPLAY__ = makeTracker({ projectKey: '${KEY}' });`);
    expect(run.result).toEqual({
      status: 'loading',
      candidates: [],
      rejected: [],
      reasons: ['window.__OPENREPLAY__ has no session token yet: the tracker has not started a session'],
      warnings: [],
      frame: 'top',
      frameUrl: 'https://shop.example.com/cart?x=1',
      trackerGlobal: 'window.__OPENREPLAY__',
      isActive: false,
      projectKey: KEY,
      trackerVersion: '19.0.1',
      trackerOptions: { hasMatcher: false, header: { on: false }, problems: [] },
    });
  });

  it("recognises the snippet's stub array as loading", () => {
    const run = runProbe(`window.OpenReplay = makeStub();`);
    expect(run.calls).toEqual([]);
    expect(run.result).toEqual({
      status: 'loading',
      candidates: [],
      rejected: [],
      reasons: ["window.OpenReplay is the snippet's placeholder: the tracker script has not loaded yet"],
      warnings: [],
      frame: 'top',
      frameUrl: 'https://shop.example.com/cart?x=1',
    });
  });

  it('finds the token of a loaded snippet tracker (no app field, old API only) and window.asayer', () => {
    const run = runProbe(`
      window.OpenReplay = {
        getSessionToken: function () { return '${REAL}'; },
        getSessionID: function () { return '2618307011354435587'; },
        isActive: function () { return true; },
        version: '14.0.2'
      };
      window.asayer = window.OpenReplay;
    `);
    expect(run.result.status).toBe('found');
    expect(run.result.candidates).toEqual([
      { token: REAL, decoded, source: 'window.OpenReplay' },
      { token: REAL, decoded, source: 'window.asayer' },
    ]);
    expect(run.result.trackerGlobal).toBe('window.OpenReplay');
    expect(run.result.trackerVersion).toBe('14.0.2');
  });

  it('finds the token in each storage format without any tracker', () => {
    const bare = runProbe(`__store.__openreplay_token = '${REAL}'; __store.__openreplay_token_version = '2';`);
    expect(bare.result).toEqual({
      status: 'found',
      candidates: [{ token: REAL, decoded, source: 'sessionStorage', storageFormat: 'bare' }],
      rejected: [],
      reasons: [],
      warnings: [],
      frame: 'top',
      frameUrl: 'https://shop.example.com/cart?x=1',
      storageVersion: '2',
    });
    expect(describeCandidateSource(bare.result.candidates[0]!)).toBe(
      'sessionStorage (bare token, tracker before 16.4.2)',
    );
    const amp = runProbe(`__store.__openreplay_token = '${REAL}_&_${KEY}';`);
    expect(describeCandidateSource(amp.result.candidates[0]!)).toBe(
      'sessionStorage (<token>_&_<projectKey>, tracker 16.4.2–17.0.0)',
    );
    expect(amp.result.projectKey).toBe(KEY);
    const dollar = runProbe(
      `__store.__openreplay_token = '${REAL}_$_${KEY}'; __store.__openreplay_token_version = '2x19.0.1';`,
    );
    expect(describeCandidateSource(dollar.result.candidates[0]!)).toBe(
      'sessionStorage (<token>_$_<projectKey>, tracker 17.0.1+)',
    );
    expect(dollar.result.trackerVersion).toBe('19.0.1');
  });

  it('reads a renamed storage key from the tracker options', () => {
    const run = runProbe(`
      __store.myapp_token = '${REAL}_$_${KEY}';
      __store.myapp_token_version = '2x19.0.1';
      window.__OPENREPLAY__ = makeTracker({ projectKey: '${KEY}', key: 'myapp_token' });
    `);
    expect(run.calls).toEqual(['getSessionToken']);
    expect((run.raw as { storage: { key: string } }).storage.key).toBe('myapp_token');
    expect(run.result.candidates.map((c) => c.source)).toEqual(['window.__OPENREPLAY__', 'sessionStorage']);
  });

  it('says nothing was found on a page without a tracker', () => {
    expect(runProbe('').result).toEqual({
      status: 'none',
      candidates: [],
      rejected: [],
      reasons: [],
      warnings: [],
      frame: 'top',
      frameUrl: 'https://shop.example.com/cart?x=1',
    });
  });

  it('survives getters that throw', () => {
    const run = runProbe(`
      Object.defineProperty(window, '__OPENREPLAY__', { get: function () { throw new Error('no'); } });
      Object.defineProperty(window, 'sessionStorage', { get: function () { throw new Error('SecurityError'); } });
      window.OpenReplay = { get getSessionToken() { throw new Error('x'); } };
    `);
    expect(run.result).toEqual({
      status: 'none',
      candidates: [],
      rejected: [],
      reasons: [],
      warnings: [
        'Reading window.__OPENREPLAY__ threw an error',
        'window.OpenReplay cannot be read: its properties throw errors',
      ],
      frame: 'top',
      frameUrl: 'https://shop.example.com/cart?x=1',
    });
    expect((run.raw as { storage: { available: boolean } }).storage.available).toBe(false);
  });

  it('survives a Proxy that throws on every trap, and a revoked Proxy', () => {
    const run = runProbe(`
      var handler = new Proxy({}, { get: function () { return function () { throw new Error('trap'); }; } });
      window.__OPENREPLAY__ = new Proxy({}, handler);
      var r = Proxy.revocable([], {}); r.revoke();
      window.OpenReplay = r.proxy;
      window.asayer = new Proxy(function () {}, handler);
    `);
    expect(run.result.status).toBe('none');
    expect(run.result.warnings).toEqual([
      'window.__OPENREPLAY__ cannot be read: its properties throw errors',
      'window.OpenReplay cannot be read: its properties throw errors',
      'window.asayer cannot be read: its properties throw errors',
    ]);
  });

  it('survives API methods that throw, and refuses non-text tokens', () => {
    const run = runProbe(`
      window.__OPENREPLAY__ = {
        getSessionToken: function () { throw new Error('boom'); },
        isActive: function () { throw new Error('boom'); }
      };
      window.OpenReplay = { getSessionToken: function () { return { toString: function () { return '${REAL}'; } }; } };
      window.asayer = { getSessionToken: function () { return 42; } };
    `);
    expect(run.result.status).toBe('invalid');
    expect(run.result.rejected).toEqual([
      { source: 'window.__OPENREPLAY__', reason: 'window.__OPENREPLAY__.getSessionToken() threw an error' },
      { source: 'window.OpenReplay', reason: 'window.OpenReplay.getSessionToken() is not text (object)' },
      { source: 'window.asayer', reason: 'window.asayer.getSessionToken() is not text (number)' },
    ]);
    expect(run.result.reasons).toEqual(run.result.rejected.map((r) => r.reason));
  });

  it('cuts a 5 MB token on the page side and refuses it with its real length', () => {
    const run = runProbe(`
      var huge = new Array(5 * 1024 * 1024 + 1).join('a');
      window.__OPENREPLAY__ = { getSessionToken: function () { return huge; } };
      __store.__openreplay_token = huge;
    `);
    expect(run.rawJsonLength).toBeLessThan(3000);
    expect(run.result.status).toBe('invalid');
    expect(run.result.rejected).toEqual([
      {
        source: 'window.__OPENREPLAY__',
        reason: 'window.__OPENREPLAY__.getSessionToken(): Token is too long: 5242880 characters, the limit is 256',
      },
      {
        source: 'sessionStorage',
        reason: 'sessionStorage __openreplay_token: stored value is too long: 5242880 characters, the limit is 512',
      },
    ]);
  });

  it('refuses tokens with quotes, pipes, newlines and HTML, naming the character safely', () => {
    const run = runProbe(`
      window.__OPENREPLAY__ = { getSessionToken: function () { return 'abc"def|x'; } };
      window.OpenReplay = { getSessionToken: function () { return '${REAL}\\n'; } };
      __store.__openreplay_token = '<img src=x onerror=alert(1)>';
    `);
    expect(run.result.rejected).toEqual([
      {
        source: 'window.__OPENREPLAY__',
        reason:
          'window.__OPENREPLAY__.getSessionToken(): Token contains U+0022 at position 4; only letters, digits, ".", "_" and "-" are allowed',
      },
      {
        source: 'window.OpenReplay',
        reason: 'window.OpenReplay.getSessionToken(): Token contains a line break (U+000A) at position 70',
      },
      {
        source: 'sessionStorage',
        reason:
          'sessionStorage __openreplay_token: Token contains U+003C at position 1; only letters, digits, ".", "_" and "-" are allowed',
      },
    ]);
  });

  it('keeps the session URL only when it is http(s)', () => {
    const run = runProbe(`
      window.__OPENREPLAY__ = ${TRACKER};
      window.__OPENREPLAY__.getSessionURL = function () { return 'javascript:alert(document.cookie)'; };
    `);
    expect(run.result.sessionUrl).toBeUndefined();
    expect(run.result.warnings).toEqual(['window.__OPENREPLAY__.getSessionURL() is not an http(s) URL; ignored']);
  });

  it('is not fooled by a polluted Object.prototype, Array.isArray or String.prototype.substring', () => {
    const run = runProbe(`
      ['kind', 't', 's', 'n', 'token', 'globals', 'storage', 'frame', 'v'].forEach(function (k) {
        Object.defineProperty(Object.prototype, k, { set: function () { throw new Error('setter'); }, get: function () { return 'evil'; }, configurable: true });
      });
      Object.defineProperty(Object.prototype, 'storageKey', { get: function () { return { t: 'string', s: 'evil', n: 4 }; } });
      Array.isArray = function () { throw new Error('nope'); };
      String.prototype.substring = function () { return 'x'.repeat(5000); };
      __store.__openreplay_token = '${REAL}';
      window.__OPENREPLAY__ = { getSessionToken: function () { return 'a'.repeat(600); } };
    `);
    expect(run.result.status).toBe('found');
    expect(run.result.candidates).toEqual([{ token: REAL, decoded, source: 'sessionStorage', storageFormat: 'bare' }]);
    expect(run.result.rejected).toEqual([
      { source: 'window.__OPENREPLAY__', reason: 'window.__OPENREPLAY__.getSessionToken() came back malformed' },
    ]);
    expect((run.raw as { storage: { key: string } }).storage.key).toBe('__openreplay_token');
  });

  it('tells an iframe from the top frame', () => {
    const run = runProbe(`window.top = {}; window.location = { href: 'https://widget.example.com/frame' };`);
    expect(run.result.frame).toBe('iframe');
    expect(run.result.frameUrl).toBe('https://widget.example.com/frame');
  });

  it('warns when the tracker session id and the token disagree', () => {
    const run = runProbe(`
      window.__OPENREPLAY__ = makeTracker({ projectKey: '${KEY}', sessionToken: '${REAL}_$_${KEY}', sessionID: '77', projectID: 12 });
    `);
    expect(run.result.warnings).toEqual(['The tracker reports session id 77, the token encodes 2618307011354435587']);
  });
});

describe('interpretProbe on values a hostile page could return', () => {
  it('refuses non-objects and unknown shapes', () => {
    const bad = (reason: string) => ({
      status: 'invalid',
      candidates: [],
      rejected: [{ source: 'probe', reason }],
      reasons: [reason],
      warnings: [],
      frame: 'unknown',
      frameUrl: null,
    });
    expect(interpretProbe(undefined)).toEqual(bad('The page returned no probe result'));
    expect(interpretProbe('found')).toEqual(bad('The page returned no probe result'));
    expect(interpretProbe([1])).toEqual(bad('The page returned no probe result'));
    expect(interpretProbe({ v: 2 })).toEqual(bad('The page returned a probe result of an unknown shape'));
  });

  it('ignores accessors, inherited fields and malformed values', () => {
    let touched = false;
    const raw = {
      v: 1,
      frame: 'top',
      get href() {
        touched = true;
        return { t: 'string', s: 'x', n: 1 };
      },
      globals: Object.create({ __OPENREPLAY__: { kind: 'object', token: { t: 'string', s: REAL, n: 69 } } }),
      storage: {
        token: { t: 'string', s: REAL, n: 3 }, // n < s.length: impossible, so malformed
        version: { t: 'string', s: 42, n: 2 },
      },
    };
    const result = interpretProbe(raw);
    expect(touched).toBe(false);
    expect(result).toEqual({
      status: 'invalid',
      candidates: [],
      rejected: [{ source: 'sessionStorage', reason: 'sessionStorage __openreplay_token came back malformed' }],
      reasons: ['sessionStorage __openreplay_token came back malformed'],
      warnings: [],
      frame: 'top',
      frameUrl: null,
    });
  });

  it('handles __proto__ keys from JSON and a Proxy as the result', () => {
    const raw = JSON.parse(
      `{"v":1,"frame":"iframe","__proto__":{"globals":1},"globals":{"__proto__":{"kind":"object"}},"storage":{"token":{"t":"string","s":"${REAL}","n":69}}}`,
    ) as unknown;
    const result = interpretProbe(raw);
    expect(result.status).toBe('found');
    expect(result.candidates).toEqual([{ token: REAL, decoded, source: 'sessionStorage', storageFormat: 'bare' }]);
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('x');
        },
        has: () => {
          throw new Error('x');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('x');
        },
      },
    );
    expect(interpretProbe(trap).status).toBe('invalid');
  });
});
