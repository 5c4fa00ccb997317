import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  interpretTimelineReply,
  madeByOf,
  TIMELINE_FULL,
  timelineCandidates,
  timelineExpression,
} from '../../../../src/core/audit/page-timeline.ts';
import { APP, INGEST, req } from './fixtures.ts';

// The expression runs in the page; here it runs against stand-in windows with the same shape.
interface Entry {
  name: string;
  initiatorType: string;
  startTime: number;
}
interface FakeWindow {
  entries: Entry[];
  dcl?: number;
  frames?: FakeWindow[];
  crossOrigin?: boolean;
}

function asWindow(w: FakeWindow): unknown {
  const perf = {
    timeOrigin: 1_700_000_000_000,
    getEntriesByType: (t: string) => (t === 'resource' ? w.entries : [{ domContentLoadedEventEnd: w.dcl ?? 500 }]),
  };
  const frames = (w.frames ?? []).map(asWindow);
  return {
    get performance() {
      if (w.crossOrigin) throw new Error('SecurityError');
      return perf;
    },
    get frames() {
      if (w.crossOrigin) throw new Error('SecurityError');
      return frames;
    },
  };
}

function runInPage(expression: string, top: FakeWindow): unknown {
  // The expression reads `window`; a Function with that parameter stands in for the page's global.
  return new Function('window', `return ${expression};`)(asWindow(top));
}

const API = `${APP}/api`;
const LOADED: Entry = { name: `${APP}/assets/app.js`, initiatorType: 'script', startTime: 20 };
const fetched = (url: string, initiatorType = 'fetch'): Entry => ({ name: url, initiatorType, startTime: 900 });

function ask(top: FakeWindow, urls: string[]) {
  return interpretTimelineReply(runInPage(timelineExpression(urls), top), urls);
}

describe("who made a fetch, from the page's own timelines", () => {
  const urls = [`${API}/users/42`, `${API}/prefs`, `${API}/legacy`];

  it('a URL the document fetched (or requested by XHR) is its own; one no document requested came from elsewhere', () => {
    const reply = ask(
      { entries: [LOADED, fetched(`${API}/users/42`), fetched(`${API}/legacy#x`, 'xmlhttprequest')] },
      urls,
    );
    expect([...reply.madeBy]).toEqual([
      [`${API}/users/42`, 'document'],
      [`${API}/prefs`, 'elsewhere'],
      [`${API}/legacy`, 'document'],
    ]);
    expect(reply.timeOrigin).toBe(1_700_000_000_000);
  });

  it('long URLs are named by head, length and tail: a differing query still tells them apart, and the expression stays small', () => {
    const long = (q: string) => `${API}/a@${'.'.repeat(8100)}@x?i=${q}`;
    const asked = [long('1'), long('2'), long('33')];
    const expression = timelineExpression(asked);
    expect(expression.length).toBeLessThan(4_000);
    const reply = ask({ entries: [LOADED, fetched(long('2')), fetched(long('3'))] }, asked);
    expect([...reply.madeBy.values()]).toEqual(['elsewhere', 'document', 'elsewhere']);
  });

  it("a same-origin frame's fetch is the page's too", () => {
    const reply = ask({ entries: [LOADED], frames: [{ entries: [fetched(`${API}/prefs`)] }, { entries: [] }] }, urls);
    expect(reply.madeBy.get(`${API}/prefs`)).toBe('document');
    expect(reply.madeBy.get(`${API}/users/42`)).toBe('elsewhere');
  });

  it('an image or beacon entry under the URL is not a fetch of it', () => {
    const reply = ask({ entries: [LOADED, fetched(`${API}/prefs`, 'img'), fetched(`${API}/prefs`, 'beacon')] }, urls);
    expect(reply.madeBy.get(`${API}/prefs`)).toBe('elsewhere');
  });

  for (const [why, top] of [
    ['a cross-origin frame it cannot read', { entries: [LOADED], frames: [{ entries: [], crossOrigin: true }] }],
    [
      'a timeline that may be full',
      { entries: [LOADED, ...Array.from({ length: TIMELINE_FULL }, (_, i) => fetched(`${APP}/x/${i}`))] },
    ],
    ['a timeline the page cleared (nothing from its load left)', { entries: [fetched(`${API}/users/42`)] }],
    ['an empty timeline', { entries: [] }],
    ['a document still loading', { entries: [LOADED], dcl: 0 }],
  ] as Array<[string, FakeWindow]>) {
    it(`says "unknown", never "elsewhere", with ${why}`, () => {
      const reply = ask(top, urls);
      expect(reply.madeBy.get(`${API}/prefs`)).toBe('unknown');
    });
  }

  it('a request older than the document that answered is unknown', () => {
    const reply = ask({ entries: [LOADED] }, urls);
    const r = req({ url: `${API}/prefs`, started: new Date(1_700_000_000_000 - 1).toISOString() });
    expect(madeByOf(r, reply)).toBe('unknown');
    expect(madeByOf({ ...r, startedAt: 1_700_000_000_500 }, reply)).toBe('elsewhere');
  });

  it('asks only about fetches and XHRs with a final response, not redirect targets or the tracker', () => {
    const picked = timelineCandidates(
      [
        req({ url: `${API}/a` }),
        req({ url: `${API}/b`, resourceType: 'xhr', status: 404 }),
        req({ url: `${API}/c`, status: 0 }),
        req({ url: `${API}/d`, status: 302 }),
        req({ url: `${API}/e` }),
        req({ url: `${API}/f`, resourceType: 'script' }),
        req({ url: `${INGEST}/v1/web/i`, method: 'POST' }),
      ],
      new Set([`${API}/e`]),
    );
    expect(picked.map((r) => r.url)).toEqual([`${API}/a`, `${API}/b`]);
  });
});

describe("the page's reply is untrusted (property)", () => {
  it('any value answers one verdict per URL asked, and "elsewhere" only from a well-formed, whole reply', () => {
    const urls = [`${API}/a`, `${API}/b`];
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const reply = interpretTimelineReply(value, urls);
        expect([...reply.madeBy.keys()]).toEqual(urls);
        const wellFormed =
          typeof value === 'object' &&
          value !== null &&
          (value as { v?: unknown }).v === 1 &&
          (value as { whole?: unknown }).whole === true;
        if (!wellFormed) expect([...reply.madeBy.values()]).not.toContain('elsewhere');
      }),
      { numRuns: 300 },
    );
  });
});
