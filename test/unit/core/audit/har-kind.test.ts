import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHarEntry } from '../../../../src/core/audit/har.ts';
import { kindFromHeaders, NO_CORS_INITIATOR, UNKNOWN_KIND_INITIATOR } from '../../../../src/core/audit/har-kind.ts';
import { DEFAULT_SCOPE_SETTINGS } from '../../../../src/core/audit/scope-settings.ts';
import { NO_TRACKER_POLICY, type TrackerPolicy } from '../../../../src/core/audit/tracker-policy.ts';
import { RESOURCE_TYPES, type Header } from '../../../../src/core/audit/types.ts';
import { buildJudgeContext, judge } from '../../../../src/core/audit/verdict.ts';
import { TOKENS } from './fixtures.ts';

// Entries exactly as Firefox ESR's devtools.network.getHAR() gave them on the demo's audit lab: no
// `_resourceType`, no `_initiator`, no cause; only the browser-written request headers tell the kind.
const FIREFOX = (
  JSON.parse(readFileSync(new URL('./firefox-har-entries.json', import.meta.url), 'utf8')) as {
    entries: Array<Record<string, unknown> & { request: { method: string; url: string } }>;
  }
).entries;
const PAGE = 'http://127.0.0.1:42773/audit.html?case=unreachable';

const firefoxEntry = (method: string, path: string) => {
  const e = FIREFOX.find((x) => x.request.method === method && new URL(x.request.url).pathname.startsWith(path));
  if (!e) throw new Error(`no Firefox entry ${method} ${path}`);
  return e;
};

describe('the kind of a Firefox HAR entry, from its browser-written headers', () => {
  it('gives every real entry of the audit lab its kind', () => {
    const kinds = FIREFOX.map((e) => {
      const r = fromHarEntry(e, PAGE)!;
      return `${r.method} ${new URL(r.url).pathname} → ${r.resourceType}${r.initiatorType ? ` (${r.initiatorType})` : ''}`;
    });
    expect(kinds).toEqual([
      'GET /audit.html → document',
      'POST /ingest/v1/web/i → fetch-xhr',
      'GET /assets/audit-CMQG3fHz.js → script',
      'OPTIONS /ingest/v1/web/i → preflight (preflight)',
      'GET /assets/style-B4L_RxsU.css → stylesheet',
      'GET /favicon.svg → image',
      'POST /ingest/v1/web/start → fetch-xhr',
      'OPTIONS /ingest/v1/web/start → preflight (preflight)',
      'GET /ingest/v1/web/tags → fetch-xhr',
      'GET /api/users/7 → fetch-xhr',
      'OPTIONS /ingest/v1/web/tags → preflight (preflight)',
      'POST /api/beacon → ping',
      'POST /api/form → document',
      'GET /api/socket → websocket',
      'GET /api/events → eventsource',
      'GET /api/users/42/preferences → fetch-xhr',
    ]);
  });

  const ctx = (tracker: TrackerPolicy = NO_TRACKER_POLICY) =>
    buildJudgeContext({ tokens: TOKENS, tracker, settings: DEFAULT_SCOPE_SETTINGS });

  it('a fetch or XHR without the header is missing, and the reason does not pretend to know which', () => {
    const r = fromHarEntry(firefoxEntry('GET', '/api/users/42/preferences'), PAGE)!;
    expect(judge(r, ctx())).toEqual({
      verdict: 'missing',
      reason: 'no session token header on this fetch or XHR (in scope: same-origin)',
      fix: 'add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper',
    });
  });

  it('the beacon, the form post, the WebSocket and the EventSource name their mechanism', () => {
    const cases = [
      ['POST', '/api/beacon'],
      ['POST', '/api/form'],
      ['GET', '/api/socket'],
      ['GET', '/api/events'],
    ] as const;
    const reasons = cases.map(([method, path]) => judge(fromHarEntry(firefoxEntry(method, path), PAGE)!, ctx()).reason);
    const reach = "the tracker's patch never reaches it";
    expect(reasons).toEqual([
      `a beacon: navigator.sendBeacon cannot set request headers, and ${reach}`,
      `a form post: the browser submits it as a navigation, and ${reach}`,
      `a WebSocket: the browser API cannot set request headers, and ${reach}`,
      `an EventSource: the browser API cannot set request headers, and ${reach}`,
    ]);
  });

  const withHeaders = (headers: Header[], priority = 'Normal', method = 'GET') =>
    kindFromHeaders(method, 'https://shop.example/api/x', headers, priority);

  it('a no-cors request that is not a beacon is named for what it is: no custom header survives it', () => {
    const noCors = withHeaders([
      ['Sec-Fetch-Dest', 'empty'],
      ['Sec-Fetch-Mode', 'no-cors'],
    ]);
    expect(noCors).toEqual({ resourceType: 'other', initiatorType: NO_CORS_INITIATOR });
    const r = fromHarEntry(
      {
        request: {
          method: 'GET',
          url: 'http://127.0.0.1:42773/api/x',
          headers: [
            { name: 'Sec-Fetch-Dest', value: 'empty' },
            { name: 'Sec-Fetch-Mode', value: 'no-cors' },
          ],
        },
        response: { status: 200 },
      },
      PAGE,
    )!;
    expect(judge(r, ctx()).reason).toBe(
      "a no-cors request (a beacon, or a fetch with mode: 'no-cors'; the browser does not say which): the browser drops custom headers from it",
    );
  });

  it('without Sec-Fetch headers (Firefox on plain http) the kind is unknown, and the verdict says so', () => {
    expect(withHeaders([['Accept', '*/*']])).toEqual({ resourceType: 'other', initiatorType: UNKNOWN_KIND_INITIATOR });
    const r = fromHarEntry(
      { request: { method: 'GET', url: 'http://shop.example/api/cart', headers: [] }, response: { status: 200 } },
      'http://shop.example/',
    )!;
    expect(judge(r, ctx())).toEqual({
      verdict: 'not-expected',
      reason:
        'the browser did not say what kind of request this was (Firefox names none, and sends its Sec-Fetch headers only to https and loopback origins), so the audit cannot tell whether it should carry the token',
      fix: 'audit this page in Chromium, or serve it over https, to have its fetch and XHR requests judged',
    });
  });

  it("Chromium's own _resourceType wins over the headers", () => {
    const r = fromHarEntry(
      {
        _resourceType: 'xhr',
        request: {
          method: 'GET',
          url: 'https://shop.example/api/x',
          headers: [{ name: 'Sec-Fetch-Mode', value: 'navigate' }],
        },
        response: { status: 200 },
      },
      'https://shop.example/',
    )!;
    expect(r.resourceType).toBe('xhr');
  });

  it('a cors-mode POST at lowest priority is still a fetch or XHR (only a no-cors one is taken for a beacon)', () => {
    const h: Header[] = [
      ['Sec-Fetch-Dest', 'empty'],
      ['Sec-Fetch-Mode', 'cors'],
    ];
    expect(withHeaders(h, 'Lowest', 'POST').resourceType).toBe('fetch-xhr');
    expect(withHeaders([h[0]!, ['Sec-Fetch-Mode', 'no-cors']], 'Lowest', 'POST').resourceType).toBe('ping');
  });
});

const browserNames = ['Sec-Fetch-Dest', 'Sec-Fetch-Mode', 'Upgrade', 'Accept', 'Access-Control-Request-Method'];
const anyHeader = fc.tuple(
  fc.oneof(fc.constantFrom(...browserNames), fc.string({ maxLength: 40 })),
  fc.oneof(
    fc.constantFrom('empty', 'cors', 'no-cors', 'navigate', 'websocket', 'script', 'document', 'text/event-stream'),
    fc.string({ maxLength: 60 }),
  ),
);
const caseVariant = (s: string, flips: boolean[]) =>
  [...s].map((c, i) => (flips[i % Math.max(1, flips.length)] ? c.toUpperCase() : c.toLowerCase())).join('');

describe('kindFromHeaders on arbitrary headers (property)', () => {
  it('always answers a known kind, ignores header-name case, and never calls a navigation a fetch', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'OPTIONS'),
        fc.array(anyHeader, { maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('Normal', 'Lowest', ''),
        (method, headers, flips, priority) => {
          const k = kindFromHeaders(method, 'https://shop.example/a', headers, priority);
          expect(RESOURCE_TYPES).toContain(k.resourceType);
          const recased = headers.map(([n, v]) => [caseVariant(n, flips), v] as Header);
          expect(kindFromHeaders(method, 'https://shop.example/a', recased, priority)).toEqual(k);
          const firstMode = headers
            .find(([n]) => n.toLowerCase() === 'sec-fetch-mode')?.[1]
            .trim()
            .toLowerCase();
          if (firstMode === 'navigate') expect(k.resourceType).not.toBe('fetch-xhr');
          if (k.resourceType === 'fetch-xhr') expect(['cors', 'same-origin']).toContain(firstMode);
        },
      ),
      { numRuns: 500 },
    );
  });
});
