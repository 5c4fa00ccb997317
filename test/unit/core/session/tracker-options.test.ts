import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpretTrackerOptions } from '../../../../src/core/session/tracker-options.ts';
import { interpretMatcherReply, matcherExpression, MATCHER_BATCH } from '../../../../src/core/session/matcher-ask.ts';
import vm from 'node:vm';

const s = (v: string) => ({ t: 'string', s: v, n: v.length });

describe('interpretTrackerOptions', () => {
  it('reads off, default and custom header options, the matcher and the ingest point', () => {
    expect(
      interpretTrackerOptions({
        present: true,
        network: 'object',
        header: { t: 'boolean', b: true },
        matcher: 'function',
        ingest: s('https://or.example.com/ingest/'),
      }),
    ).toEqual({
      header: { on: true, name: 'X-OpenReplay-SessionToken', custom: false },
      hasMatcher: true,
      ingestPoint: 'https://or.example.com/ingest',
      problems: [],
    });
    expect(
      interpretTrackerOptions({ present: true, network: 'object', header: s('X-Session-Replay'), matcher: 'undefined' })
        ?.header,
    ).toEqual({ on: true, name: 'X-Session-Replay', custom: true });
    expect(
      interpretTrackerOptions({ present: true, network: 'undefined', header: { t: 'undefined' }, matcher: 'undefined' })
        ?.header,
    ).toEqual({ on: false });
    expect(
      interpretTrackerOptions({ present: true, network: 'object', header: { t: 'undefined' }, matcher: 'undefined' })
        ?.header,
    ).toEqual({ on: false });
    expect(interpretTrackerOptions({ present: false })).toBeNull();
  });

  it('refuses a header name that is not one, and says why', () => {
    const o = interpretTrackerOptions({
      present: true,
      network: 'object',
      header: s('X-Bad Name\n'),
      matcher: 'function',
    });
    expect(o?.header).toBeUndefined();
    expect(o?.problems[0]).toMatch(/^network\.sessionTokenHeader is not a usable header name: /);
    expect(
      interpretTrackerOptions({ present: true, network: 'object', header: { t: 'threw' }, matcher: 'threw' }),
    ).toEqual({ hasMatcher: false, problems: ['reading network.sessionTokenHeader threw an error'] });
    expect(
      interpretTrackerOptions({
        present: true,
        network: 'object',
        header: s('javascript:alert(1)'),
        ingest: s('javascript:alert(1)'),
        matcher: 'function',
      })?.ingestPoint,
    ).toBeUndefined();
  });

  it('never throws on any value the page can return', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (raw) => {
        const o = interpretTrackerOptions(raw);
        expect(o === null || typeof o.hasMatcher === 'boolean').toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (name) => {
        const o = interpretTrackerOptions({ present: true, network: 'object', header: s(name), matcher: 'function' });
        if (o?.header?.on === true) expect(o.header.name).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/);
      }),
    );
  });
});

describe("asking the page's tokenUrlMatcher", () => {
  function askIn(page: string, urls: string[]): unknown {
    const ctx = vm.createContext({});
    vm.runInContext(`var window = globalThis; ${page}`, ctx);
    return vm.runInContext(matcherExpression(urls), ctx, { timeout: 5000 });
  }
  const urls = ['https://a.example/api/1', 'https://a.example/health', 'https://b.example/x', 'https://a.example/boom'];

  it('collects yes, no, threw and not-boolean answers without writing anything', () => {
    const page = `window.__OPENREPLAY__ = { options: { network: { tokenUrlMatcher: function (u) {
      if (u.indexOf('boom') >= 0) throw new Error('x');
      if (u.indexOf('b.example') >= 0) return 1;
      return u.indexOf('/api/') >= 0;
    } } } };`;
    expect(interpretMatcherReply(askIn(page, urls), urls)).toEqual({
      state: 'ok',
      answers: [
        [urls[0], 'yes'],
        [urls[1], 'no'],
        [urls[2], 'not-boolean'],
        [urls[3], 'threw'],
      ],
    });
  });

  it('stops at a call that runs long', () => {
    const page = `window.__OPENREPLAY__ = { options: { network: { tokenUrlMatcher: function (u) { var e = Date.now() + 80; while (Date.now() < e) {} return true; } } } };`;
    const reply = interpretMatcherReply(askIn(page, urls), urls);
    expect(reply?.state).toBe('slow');
    expect(reply?.answers).toEqual([[urls[0], 'slow']]);
    expect(reply?.slowMs).toBeGreaterThanOrEqual(50);
  });

  it('says when there is no tracker or no matcher, and survives hostile globals', () => {
    expect(interpretMatcherReply(askIn('', urls), urls)).toEqual({ state: 'no-tracker', answers: [] });
    expect(interpretMatcherReply(askIn('window.__OPENREPLAY__ = { options: { network: {} } };', urls), urls)).toEqual({
      state: 'no-matcher',
      answers: [],
    });
    const hostile = `Object.defineProperty(window, '__OPENREPLAY__', { get: function () { throw new Error('no'); } });
      window.OpenReplay = new Proxy({}, { get: function () { throw new Error('trap'); } });`;
    expect(interpretMatcherReply(askIn(hostile, urls), urls)).toEqual({ state: 'no-matcher', answers: [] });
  });

  it('asks at most one batch, and URLs cannot break out of the expression', () => {
    const many = Array.from({ length: MATCHER_BATCH + 10 }, (_, i) => `https://a.example/${i}')};throw 1;//\u2028`);
    const page = `window.seen = []; window.__OPENREPLAY__ = { options: { network: { tokenUrlMatcher: function (u) { window.seen.push(u); return true; } } } };`;
    const reply = interpretMatcherReply(askIn(page, many), many);
    expect(reply?.answers).toHaveLength(MATCHER_BATCH);
    expect(reply?.answers.every(([, a]) => a === 'yes')).toBe(true);
  });

  it('refuses replies of any other shape', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true }), (raw) => {
        const r = interpretMatcherReply(raw, urls);
        expect(r === null || Array.isArray(r.answers)).toBe(true);
      }),
    );
    expect(interpretMatcherReply({ v: 1, state: 'ok', answers: ['yes', 'maybe'] }, urls)).toBeNull();
    expect(
      interpretMatcherReply({ v: 1, state: 'ok', answers: ['yes', 'no', 'yes', 'no', 'yes', 'yes'] }, urls)?.answers,
    ).toHaveLength(4);
  });
});
