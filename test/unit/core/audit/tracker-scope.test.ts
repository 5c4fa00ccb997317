import { describe, expect, it } from 'vitest';
import { DEFAULT_SCOPE_SETTINGS } from '../../../../src/core/audit/scope-settings.ts';
import {
  BYPASS_REASON,
  describeHeaderOption,
  type MatcherAnswer,
  type TrackerPolicy,
} from '../../../../src/core/audit/tracker-policy.ts';
import { AXIOS_NOTE, buildJudgeContext, judge } from '../../../../src/core/audit/verdict.ts';
import { APP, CURRENT, EARLIER, req, tokenHeader, TOKENS } from './fixtures.ts';

const HEADER = { on: true, name: 'X-OpenReplay-SessionToken', custom: false } as const;

function policy(answers: Record<string, MatcherAnswer> = {}, extra: Partial<TrackerPolicy> = {}): TrackerPolicy {
  return {
    header: HEADER,
    hasMatcher: true,
    answers: new Map(Object.entries(answers)),
    recording: 'recording',
    ...extra,
  };
}

const ctxOf = (tracker: TrackerPolicy, settings = DEFAULT_SCOPE_SETTINGS) =>
  buildJudgeContext({ tokens: TOKENS, tracker, settings });

describe("the tracker's tokenUrlMatcher as the default scope", () => {
  const health = `${APP}/api/health`;
  it('a same-origin URL it leaves out is not expected, with the matcher named', () => {
    expect(judge(req({ url: health }), ctxOf(policy({ [health]: 'no' })))).toEqual({
      verdict: 'not-expected',
      reason: 'your tokenUrlMatcher leaves this same-origin API out: if its backend logs should link, add it',
      fix: 'make tokenUrlMatcher return true for it',
    });
  });

  it('a URL it accepts that went without the header bypassed the tracker', () => {
    const r = judge(req({ url: health }), ctxOf(policy({ [health]: 'yes' })));
    expect(r.verdict).toBe('missing');
    expect(r.reason).toBe(BYPASS_REASON);
  });

  it('another origin it accepts is in scope (the default scope would leave it out)', () => {
    const api = 'https://api.example.com/v1/cart';
    expect(judge(req({ url: api }), ctxOf(policy({ [api]: 'yes' }))).verdict).toBe('missing');
    expect(
      judge(req({ url: api, requestHeaders: tokenHeader(CURRENT.token) }), ctxOf(policy({ [api]: 'yes' }))).verdict,
    ).toBe('carries');
  });

  for (const [answer, why] of [
    ['threw', 'it threw an error'],
    ['not-boolean', 'it returned something other than true or false'],
    ['slow', 'it ran longer than 50 ms, so the audit stopped asking it'],
  ] as const) {
    it(`an answer that is unknown (${answer}) leaves the default scope in charge, and says why`, () => {
      expect(judge(req({ url: health }), ctxOf(policy({ [health]: answer }))).reason).toBe(
        `no session token header on this fetch (in scope: same-origin; your tokenUrlMatcher: unknown — ${why})`,
      );
    });
  }

  it("the user's own scope overrides the matcher", () => {
    const own = { ...DEFAULT_SCOPE_SETTINGS, urlPatterns: ['*/api/*'] };
    expect(judge(req({ url: health }), ctxOf(policy({ [health]: 'no' }), own)).reason).toBe(
      'no session token header on this fetch (in scope: URL pattern */api/*)',
    );
  });

  it('without answers (opted out, not asked yet) nothing changes', () => {
    expect(judge(req({ url: health }), ctxOf(policy())).reason).toBe(
      'no session token header on this fetch (in scope: same-origin)',
    );
  });
});

describe('token outside scope', () => {
  const partner = 'https://partner.example.net/rates';
  it('no matcher: the tracker sends the token everywhere, and the reason says so', () => {
    const r = judge(
      req({ url: partner, requestHeaders: tokenHeader(CURRENT.token) }),
      ctxOf(policy({}, { hasMatcher: false })),
    );
    expect(r.verdict).toBe('outside-scope');
    expect(r.reason).toBe(
      'the token goes to https://partner.example.net, outside the audit scope: the tracker has no tokenUrlMatcher, so it adds the header to every origin — the token is shared with a third party, and its CORS may refuse the header',
    );
    expect(r.fix).toBe(
      'limit the header with network.tokenUrlMatcher, e.g. tokenUrlMatcher: (url) => new URL(url, location.href).origin === location.origin',
    );
    expect(r.headerName).toBe('X-OpenReplay-SessionToken');
  });

  it('a matcher that leaves the origin out: the header came from elsewhere', () => {
    const r = judge(
      req({ url: partner, requestHeaders: tokenHeader(CURRENT.token) }),
      ctxOf(policy({ [partner]: 'no' })),
    );
    expect(r.verdict).toBe('outside-scope');
    expect(r.reason).toBe(
      'the token goes to https://partner.example.net, which your tokenUrlMatcher leaves out — the token is shared with a third party, and its CORS may refuse the header',
    );
  });

  it('a stale token stays stale wherever it goes', () => {
    expect(
      judge(
        req({ url: partner, started: '2025-11-26T14:30:00.000Z', requestHeaders: tokenHeader(EARLIER.token) }),
        ctxOf(policy()),
      ).verdict,
    ).toBe('stale');
  });
});

describe('header option, axios name, recording', () => {
  it('a custom header name from the options is audited', () => {
    const tracker = policy({}, { header: { on: true, name: 'X-Session-Replay', custom: true } });
    expect(
      judge(
        req({ url: `${APP}/api/x`, requestHeaders: tokenHeader(CURRENT.token, 'X-Session-Replay') }),
        ctxOf(tracker),
      ).reason,
    ).toBe('X-Session-Replay carries the current token');
  });

  it('the axios name carries, with a note about the other spelling', () => {
    const r = judge(
      req({ url: `${APP}/api/x`, requestHeaders: tokenHeader(CURRENT.token, 'X-OpenReplay-Session-Token') }),
      ctxOf(policy()),
    );
    expect(r).toMatchObject({ verdict: 'carries', note: AXIOS_NOTE });
    expect(AXIOS_NOTE).toBe(
      'X-OpenReplay-Session-Token is the name the axios plugin uses: a backend reading X-OpenReplay-SessionToken will not see it',
    );
  });

  it('a sampled-out or inactive session expects no header', () => {
    const url = `${APP}/api/x`;
    expect(judge(req({ url }), ctxOf(policy({}, { recording: 'sampled-out' })))).toEqual({
      verdict: 'not-expected',
      reason:
        "the session is sampled out: the tracker's start was answered 403 (capture rate miss), so no request carries a token",
    });
    expect(judge(req({ url }), ctxOf(policy({}, { recording: 'inactive' }))).reason).toBe(
      'the tracker is not recording (isActive() is false), so no request carries a token',
    );
  });

  it('describes the header option as the Session area shows it', () => {
    expect(describeHeaderOption({ header: { on: false }, hasMatcher: false })).toBe(
      'The tracker is not set to add the session token header (network.sessionTokenHeader is off).',
    );
    expect(describeHeaderOption({ header: HEADER, hasMatcher: false })).toBe(
      'The tracker adds X-OpenReplay-SessionToken to every fetch and XHR, other origins included (no tokenUrlMatcher).',
    );
    expect(describeHeaderOption({ hasMatcher: false })).toBe("The tracker's network options could not be read.");
  });
});

describe('requests the tracker cannot reach', () => {
  const reach = "the tracker's patch never reaches it";
  const cases: Array<[string, Parameters<typeof req>[0], string]> = [
    [
      'form post',
      { url: `${APP}/api/form`, method: 'POST', resourceType: 'document' },
      `a form post: the browser submits it as a navigation, and ${reach}`,
    ],
    [
      'WebSocket',
      { url: 'ws://127.0.0.1:4000/api/socket', resourceType: 'websocket' },
      `a WebSocket: the browser API cannot set request headers, and ${reach}`,
    ],
    [
      'EventSource',
      { url: `${APP}/api/events`, resourceType: 'eventsource' },
      `an EventSource: the browser API cannot set request headers, and ${reach}`,
    ],
  ];
  for (const [name, o, reason] of cases) {
    it(name, () => expect(judge(req(o), ctxOf(policy())).reason).toBe(reason));
  }
});
