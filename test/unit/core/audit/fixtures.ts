// HAR entries shaped like Chromium 156's (see reference/devtools-panel-e2e.md, "Behaviour seen"):
// the app on 127.0.0.1:4000, its API on 127.0.0.1:4001, the tracker's ingest on 127.0.0.1:4002.

import { fromHarEntry } from '../../../../src/core/audit/har.ts';
import type { CapturedRequest, KnownToken, TokenContext } from '../../../../src/core/audit/types.ts';

export const PAGE = 'http://127.0.0.1:4000/checkout';
export const APP = 'http://127.0.0.1:4000';
export const API = 'http://127.0.0.1:4001';
export const INGEST = 'http://127.0.0.1:4002/ingest';

/** The real token from the public bug report: session 2618307011354435587. */
export const CURRENT: KnownToken = {
  token: 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q',
  sessionId: '2618307011354435587',
  since: Date.parse('2025-11-26T13:50:00.000Z'),
};

/** An earlier token of the same tab, with a negative delay. */
export const EARLIER: KnownToken = {
  token: 'jw4vq2a1b3cd.-2k.lrr9xk2p.5GpT8mWq3ZrYkS2nVbHc7dLxE4uJ9aFh6Ro1NeK3tQ',
  sessionId: sessionIdFrom('jw4vq2a1b3cd'),
  since: Date.parse('2025-11-26T11:00:00.000Z'),
  until: Date.parse('2025-11-26T13:50:00.000Z'),
};

/** A well-formed token of some other session. */
export const OTHER_TOKEN = 'abc123def456.1a.lrrb0000.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';

export const TOKENS: TokenContext = { current: CURRENT, earlier: [EARLIER] };

function sessionIdFrom(base36: string): string {
  let n = 0n;
  for (const c of base36) n = n * 36n + BigInt(parseInt(c, 36));
  return n.toString();
}

type H = Array<[string, string]>;

export interface HarOpts {
  url: string;
  method?: string;
  resourceType?: string;
  initiator?: string;
  status?: number;
  error?: string;
  requestHeaders?: H;
  responseHeaders?: H;
  started?: string;
  time?: number;
}

const BROWSER_HEADERS: H = [
  ['Referer', PAGE],
  [
    'User-Agent',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  ],
  ['sec-ch-ua', '"Chromium";v="156", "Not-A.Brand";v="24"'],
  ['sec-ch-ua-mobile', '?0'],
  ['sec-ch-ua-platform', '"Linux"'],
];

/** A HAR entry as `devtools.network.onRequestFinished` hands it over. */
export function harEntry(o: HarOpts): Record<string, unknown> {
  const failed = (o.status ?? 200) === 0;
  const response: Record<string, unknown> = {
    status: o.status ?? 200,
    statusText: failed ? '' : 'OK',
    httpVersion: failed ? '' : 'HTTP/1.1',
    headers: (o.responseHeaders ?? (failed ? [] : [['Content-Type', 'application/json']])).map(([name, value]) => ({
      name,
      value,
    })),
    cookies: [],
    content: { size: failed ? 0 : 27, mimeType: failed ? 'x-unknown' : 'application/json' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
    _transferSize: 0,
  };
  if (o.error !== undefined) response['_error'] = o.error;
  return {
    _initiator: { type: o.initiator ?? 'script' },
    _priority: 'High',
    _resourceType: o.resourceType ?? 'fetch',
    cache: {},
    connection: '4001',
    pageref: 'page_1',
    request: {
      method: o.method ?? 'GET',
      url: o.url,
      httpVersion: failed ? '' : 'HTTP/1.1',
      headers: [...BROWSER_HEADERS, ...(o.requestHeaders ?? [])].map(([name, value]) => ({ name, value })),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response,
    serverIPAddress: '127.0.0.1',
    startedDateTime: o.started ?? '2025-11-26T13:57:00.000Z',
    time: o.time ?? 12.5,
    timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 10, receive: 1.4 },
  };
}

let n = 0;

export function req(o: HarOpts, pageUrl = PAGE): CapturedRequest {
  const r = fromHarEntry(harEntry(o), pageUrl, { id: `r${++n}` });
  if (r === null) throw new Error('fixture did not parse: ' + o.url);
  return r;
}

export const tokenHeader = (value: string, name = 'X-OpenReplay-SessionToken'): H => [[name, value]];

/** The preflight Chromium records for a cross-origin GET that carries the token header. */
export function preflight(
  url: string,
  allowHeaders: string | undefined,
  extra: Partial<HarOpts> = {},
): CapturedRequest {
  const res: H = [
    ['Access-Control-Allow-Origin', APP],
    ['Access-Control-Allow-Methods', 'GET,POST'],
  ];
  if (allowHeaders !== undefined) res.push(['Access-Control-Allow-Headers', allowHeaders]);
  return req({
    url,
    method: 'OPTIONS',
    resourceType: 'preflight',
    initiator: 'preflight',
    status: 204,
    requestHeaders: [
      ['Accept', '*/*'],
      ['Access-Control-Request-Headers', 'x-openreplay-sessiontoken'],
      ['Access-Control-Request-Method', 'GET'],
      ['Origin', APP],
    ],
    responseHeaders: res,
    ...extra,
  });
}

/** The request a preflight refused: status 0, net::ERR_FAILED, provisional headers only. */
export function refused(url: string, extra: Partial<HarOpts> = {}): CapturedRequest {
  return req({
    url,
    status: 0,
    error: 'net::ERR_FAILED',
    requestHeaders: tokenHeader(CURRENT.token),
    time: 3.2,
    ...extra,
  });
}
