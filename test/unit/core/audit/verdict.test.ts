import { describe, expect, it } from 'vitest';
import { PreflightIndex } from '../../../../src/core/audit/diagnose-cors.ts';
import { DEFAULT_SCOPE_SETTINGS } from '../../../../src/core/audit/scope-settings.ts';
import { VERDICT_LABELS } from '../../../../src/core/audit/types.ts';
import { buildJudgeContext, judge, MISSING_FIX, oneLine } from '../../../../src/core/audit/verdict.ts';
import {
  API,
  APP,
  CURRENT,
  EARLIER,
  INGEST,
  OTHER_TOKEN,
  preflight,
  refused,
  req,
  tokenHeader,
  TOKENS,
} from './fixtures.ts';

const ctx = buildJudgeContext({ tokens: TOKENS });

describe('verdict labels', () => {
  it('are the words the issue asks for', () => {
    expect(VERDICT_LABELS).toEqual({
      carries: 'carries token',
      stale: 'stale token',
      foreign: 'foreign token',
      missing: 'missing',
      blocked: 'blocked',
      'outside-scope': 'token outside scope',
      'not-expected': 'not expected',
    });
  });
});

describe('judge: carries', () => {
  it('a same-origin fetch with the current token', () => {
    const r = judge(req({ url: `${APP}/api/cart`, requestHeaders: tokenHeader(CURRENT.token) }), ctx);
    expect(r).toEqual({
      verdict: 'carries',
      reason: 'X-OpenReplay-SessionToken carries the current token',
      headerName: 'X-OpenReplay-SessionToken',
      headerValue: 'jw4wdf…vt3q',
    });
  });

  it('accepts the axios plugin name and any letter case of the name', () => {
    expect(
      judge(req({ url: `${APP}/a`, requestHeaders: tokenHeader(CURRENT.token, 'x-openreplay-session-token') }), ctx)
        .verdict,
    ).toBe('carries');
    expect(
      judge(req({ url: `${APP}/a`, requestHeaders: tokenHeader(CURRENT.token, 'X-OPENREPLAY-SESSIONTOKEN') }), ctx)
        .verdict,
    ).toBe('carries');
  });

  it('openReplaySession.id with the current session id', () => {
    const r = judge(
      req({ url: `${APP}/a`, resourceType: 'xhr', requestHeaders: [['openreplaysession.id', CURRENT.sessionId]] }),
      ctx,
    );
    expect(r.verdict).toBe('carries');
    expect(r.reason).toBe('openreplaysession.id carries the current session id');
  });

  it('a user-added header name, with either the token or the session id', () => {
    const c = buildJudgeContext({
      tokens: TOKENS,
      settings: { ...DEFAULT_SCOPE_SETTINGS, extraHeaderNames: ['X-Session'] },
    });
    expect(judge(req({ url: `${APP}/a`, requestHeaders: [['x-session', CURRENT.token]] }), c).verdict).toBe('carries');
    expect(judge(req({ url: `${APP}/a`, requestHeaders: [['x-session', CURRENT.sessionId]] }), c).verdict).toBe(
      'carries',
    );
    expect(judge(req({ url: `${APP}/a`, requestHeaders: [['x-session', CURRENT.token]] }), ctx).verdict).toBe(
      'missing',
    );
  });

  it('marks the current token sent outside the scope (a third-party origin)', () => {
    const r = judge(
      req({ url: 'https://widgets.example.net/v2/ping', requestHeaders: tokenHeader(CURRENT.token) }),
      ctx,
    );
    expect(r.verdict).toBe('outside-scope');
    expect(r.reason).toBe(
      'the token goes to https://widgets.example.net, which the audit scope leaves out — the token is shared with a third party, and its CORS may refuse the header',
    );
  });
});

describe('judge: stale', () => {
  it("an earlier token sent while it was still the tab's token carries (it was right then)", () => {
    // EARLIER was current from 11:00 to 13:50; a request of 12:00 sent what it should have.
    const then = judge(
      req({ url: `${APP}/api/cart`, started: '2025-11-26T12:00:00.000Z', requestHeaders: tokenHeader(EARLIER.token) }),
      ctx,
    );
    expect(then.verdict).toBe('carries');
    expect(then.reason).toBe(
      'X-OpenReplay-SessionToken carries the token that was current when it was sent (session ' +
        `${EARLIER.sessionId}, current from 2025-11-26T11:00:00.000Z to 2025-11-26T13:50:00.000Z)`,
    );
    const after = judge(
      req({ url: `${APP}/api/cart`, started: '2025-11-26T13:55:00.000Z', requestHeaders: tokenHeader(EARLIER.token) }),
      ctx,
    );
    expect(after.verdict).toBe('stale');
  });

  it('says which earlier token and when it was current', () => {
    const r = judge(req({ url: `${APP}/api/cart`, requestHeaders: tokenHeader(EARLIER.token) }), ctx);
    expect(r.verdict).toBe('stale');
    expect(r.reason).toBe(
      `X-OpenReplay-SessionToken holds an earlier token of this tab (session ${EARLIER.sessionId}, current from 2025-11-26T11:00:00.000Z to 2025-11-26T13:50:00.000Z)`,
    );
    expect(r.fix).toBe(
      'read the token when the request is made (tracker.getSessionToken()) instead of keeping an old value',
    );
    expect(r.headerValue).toBe('jw4vq2…K3tQ');
  });

  it('an earlier session id in openReplaySession.id', () => {
    expect(
      judge(req({ url: `${APP}/a`, requestHeaders: [['openReplaySession.id', EARLIER.sessionId]] }), ctx).verdict,
    ).toBe('stale');
  });

  it('a token that became current again is not stale', () => {
    const c = buildJudgeContext({ tokens: { current: CURRENT, earlier: [CURRENT, EARLIER] } });
    expect(judge(req({ url: `${APP}/a`, requestHeaders: tokenHeader(CURRENT.token) }), c).verdict).toBe('carries');
  });
});

describe('judge: foreign', () => {
  const foreign = (value: string, name?: string) =>
    judge(req({ url: `${APP}/api/x`, requestHeaders: tokenHeader(value, name) }), ctx);

  it('a token of another session', () => {
    const r = foreign(OTHER_TOKEN);
    expect(r.verdict).toBe('foreign');
    expect(r.reason).toMatch(
      /^X-OpenReplay-SessionToken holds a token of another session \(session \d+\), not one this tab has used$/,
    );
    expect(r.headerValue).toBe('abc123…vt3q');
  });

  it('a garbled value is shown masked and with control characters made visible', () => {
    const r = foreign('\u202e<img src=x onerror=alert(1)>');
    expect(r.verdict).toBe('foreign');
    expect(r.reason).toBe(
      'X-OpenReplay-SessionToken holds \\u202e<img …(1)>, which is not an OpenReplay token (4 dot-separated parts)',
    );
    expect(r.fix).toBe('send the value of tracker.getSessionToken() unchanged');
    expect(r.headerValue).toBe('\\u202e<img …(1)>');
  });

  it('the current token cut off at a "-" of its delay part', () => {
    const c = buildJudgeContext({ tokens: { current: EARLIER, earlier: [] } });
    const cut = EARLIER.token.slice(0, EARLIER.token.indexOf('-'));
    const r = judge(req({ url: `${APP}/a`, requestHeaders: tokenHeader(cut) }), c);
    expect(r.verdict).toBe('foreign');
    expect(r.reason).toBe(
      `X-OpenReplay-SessionToken holds the current token cut off after 13 of ${EARLIER.token.length} characters — something stops at "-" (the delay part may be negative)`,
    );
    expect(r.fix).toBe('send the whole token unchanged');
  });

  it('the session id where the token belongs, the token wrapped in text, a different letter case, an empty value', () => {
    expect(foreign(CURRENT.sessionId).reason).toBe(
      'X-OpenReplay-SessionToken holds a session id (261830…5587), not the token',
    );
    expect(foreign(`${CURRENT.token}_$_pk123`).reason).toBe(
      'X-OpenReplay-SessionToken holds the current token wrapped in other text (jw4wdf…k123)',
    );
    expect(foreign(CURRENT.token.toUpperCase()).reason).toBe(
      'X-OpenReplay-SessionToken holds the current token in different letter case',
    );
    expect(foreign('').reason).toBe('X-OpenReplay-SessionToken is empty');
  });

  it('a token in openReplaySession.id, or a session id of another session', () => {
    expect(foreign(CURRENT.token, 'openReplaySession.id').reason).toBe(
      'openReplaySession.id holds a token, not the session id',
    );
    expect(foreign('123456', 'openReplaySession.id').reason).toBe(
      'openReplaySession.id holds session id 123456, not one this tab has used',
    );
  });

  it('with no current token known, says so instead of guessing', () => {
    const c = buildJudgeContext({ tokens: { earlier: [] } });
    const r = judge(req({ url: `${APP}/a`, requestHeaders: tokenHeader(CURRENT.token) }), c);
    expect(r.verdict).toBe('foreign');
    expect(r.reason).toBe(
      'X-OpenReplay-SessionToken holds a token (session 2618307011354435587), but no current token of this tab is known to compare it with',
    );
  });

  it('the worst of several session headers decides', () => {
    const r = judge(
      req({
        url: `${APP}/a`,
        requestHeaders: [
          ['X-OpenReplay-SessionToken', CURRENT.token],
          ['X-OpenReplay-Session-Token', EARLIER.token],
        ],
      }),
      ctx,
    );
    expect(r.verdict).toBe('stale');
    expect(r.headerName).toBe('X-OpenReplay-Session-Token');
  });

  it('takes a validator from the session module when given', () => {
    const c = buildJudgeContext({ tokens: TOKENS, isTokenFormat: () => false });
    expect(judge(req({ url: `${APP}/a`, requestHeaders: tokenHeader(OTHER_TOKEN) }), c).reason).toBe(
      'X-OpenReplay-SessionToken holds abc123…vt3q, which is not an OpenReplay token (4 dot-separated parts)',
    );
  });
});

describe('judge: missing', () => {
  it('a same-origin fetch without any session header', () => {
    const r = judge(req({ url: `${APP}/api/orders/17` }), ctx);
    expect(r).toEqual({
      verdict: 'missing',
      reason: 'no session token header on this fetch (in scope: same-origin)',
      fix: MISSING_FIX,
    });
    expect(oneLine(r)).toBe(
      'no session token header on this fetch (in scope: same-origin) — add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper',
    );
  });

  it('a cross-origin XHR in scope through a configured origin', () => {
    const c = buildJudgeContext({
      tokens: TOKENS,
      settings: { ...DEFAULT_SCOPE_SETTINGS, extraOrigins: ['127.0.0.1:4001'] },
    });
    expect(judge(req({ url: `${API}/api/x`, resourceType: 'xhr' }), c).reason).toBe(
      'no session token header on this XHR (in scope: origin 127.0.0.1:4001)',
    );
  });
});

describe('judge: not expected', () => {
  const cases: Array<[string, Parameters<typeof req>[0], string]> = [
    ['tracker start', { url: `${INGEST}/v1/web/start`, method: 'POST' }, "the tracker's own ingest traffic"],
    [
      'tracker batch with its Authorization header',
      { url: `${INGEST}/v1/web/i`, method: 'POST', requestHeaders: [['Authorization', `Bearer ${CURRENT.token}`]] },
      "the tracker's own ingest traffic",
    ],
    [
      'tracker worker blob',
      { url: 'blob:http://127.0.0.1:4000/3f1c9a2e-7b4d-4e8f-9c0a-1b2c3d4e5f60', resourceType: 'script', status: 0 },
      'a blob: URL, not a request to a server',
    ],
    ['script', { url: `${APP}/assets/app.js`, resourceType: 'script' }, 'a script load'],
    ['image', { url: `${APP}/logo.png`, resourceType: 'image' }, 'an image load'],
    [
      'document',
      { url: `${APP}/checkout`, resourceType: 'document', initiator: 'other' },
      "a navigation: the browser makes it, and the tracker's patch never reaches it",
    ],
    [
      'beacon',
      { url: `${APP}/api/analytics`, resourceType: 'ping' },
      "a beacon: navigator.sendBeacon cannot set request headers, and the tracker's patch never reaches it",
    ],
    ['fetch of a static file', { url: `${APP}/icons/cart.svg` }, 'a static asset'],
    [
      'third-party origin',
      { url: 'https://cdn.example.net/config' },
      'https://cdn.example.net is outside the audit scope',
    ],
  ];
  for (const [name, o, reason] of cases) {
    it(name, () => {
      const r = judge(req(o), ctx);
      expect(r.verdict).toBe('not-expected');
      expect(r.reason).toBe(reason);
    });
  }

  it('preflights themselves', () => {
    expect(judge(preflight(`${API}/api/x`, 'content-type'), ctx).reason).toBe(
      'a CORS preflight (the browser sends it; it never carries custom headers)',
    );
  });

  it('ingest points learned from the page', () => {
    const c = buildJudgeContext({ tokens: TOKENS, ingestUrls: [`${APP}/or-proxy/`] });
    expect(judge(req({ url: `${APP}/or-proxy/whatever` }), c).verdict).toBe('not-expected');
  });
});

describe('judge: blocked', () => {
  it('a refused request whose preflight arrived before it', () => {
    const idx = new PreflightIndex();
    idx.add(preflight(`${API}/api/cart`, 'content-type', { started: '2025-11-26T13:56:59.990Z' }));
    const c = buildJudgeContext({ tokens: TOKENS, preflights: idx });
    const r = judge(refused(`${API}/api/cart`), c);
    expect(r).toEqual({
      verdict: 'blocked',
      reason: 'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type',
      fix: 'add x-openreplay-sessiontoken to its Access-Control-Allow-Headers',
      headerName: 'X-OpenReplay-SessionToken',
      headerValue: 'jw4wdf…vt3q',
    });
    expect(oneLine(r)).toBe(
      'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type — add x-openreplay-sessiontoken to its Access-Control-Allow-Headers',
    );
  });

  it('a refused request without the header in its provisional headers, known from the preflight it asked for', () => {
    const idx = new PreflightIndex();
    idx.add(preflight(`${API}/api/cart`, 'content-type'));
    const c = buildJudgeContext({ tokens: TOKENS, preflights: idx });
    const r = judge(refused(`${API}/api/cart`, { requestHeaders: [] }), c);
    expect(r.verdict).toBe('blocked');
    expect(r.headerName).toBeUndefined();
  });

  it('a stale token that was also refused is blocked (nothing reached the server)', () => {
    const idx = new PreflightIndex();
    idx.add(preflight(`${API}/api/cart`, undefined));
    const c = buildJudgeContext({ tokens: TOKENS, preflights: idx });
    const r = judge(refused(`${API}/api/cart`, { requestHeaders: tokenHeader(EARLIER.token) }), c);
    expect(r.verdict).toBe('blocked');
    expect(r.reason).toBe('the preflight to http://127.0.0.1:4001 answered without Access-Control-Allow-Headers');
  });

  it('a same-origin request that failed with the token is judged by its token', () => {
    const r = judge(
      req({
        url: `${APP}/api/cart`,
        status: 0,
        error: 'net::ERR_CONNECTION_REFUSED',
        requestHeaders: tokenHeader(CURRENT.token),
      }),
      ctx,
    );
    expect(r.verdict).toBe('carries');
  });
});
