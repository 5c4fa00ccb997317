import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditStore } from '../../../../src/core/audit/audit-store.ts';
import { fromHarEntry } from '../../../../src/core/audit/har.ts';
import type { CapturedRequest } from '../../../../src/core/audit/types.ts';
import type { EndpointTagging } from '../../../../src/core/linking/tagging.ts';
import {
  applyPolicy,
  collectProblems,
  describeProblem,
  endpointMatches,
  globMatch,
} from '../../../../src/core/ci/problems.ts';

const APP = 'http://127.0.0.1:4000';
const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.ovJ2jwk7BEAZr3hB1GgCdXkXTF3W4c4sndRrpZevt3q';

function fetchTo(url: string, headers: Array<[string, string]> = [], status = 200): CapturedRequest {
  const req = fromHarEntry(
    {
      startedDateTime: '2026-11-26T13:57:00.000Z',
      time: 5,
      request: { method: 'GET', url, headers: headers.map(([name, value]) => ({ name, value })) },
      response: { status, headers: [] },
      _resourceType: 'fetch',
      _initiator: { type: 'script' },
    },
    `${APP}/`,
  );
  if (req === null) throw new Error('not a request');
  return req;
}

function judged(reqs: CapturedRequest[]) {
  const store = new AuditStore({
    tokens: { current: { token: TOKEN, sessionId: '2618307011354435587' }, earlier: [] },
  });
  store.add(reqs);
  return store.toArray();
}

const NOT_TAGGED: EndpointTagging = {
  endpoint: `GET ${APP}/api/legacy/report`,
  method: 'GET',
  origin: APP,
  template: '/api/legacy/report',
  requests: 2,
  withToken: 2,
  status: 'not-tagged',
  reason: 'wrong-case-name',
  detail: 'backend writes the tag name in another case',
  taggedLines: 0,
  wrongLines: 1,
  requestIds: ['3', '4'],
};

describe('collectProblems', () => {
  it('groups the audit verdicts per endpoint and adds the backend rows that are not tagged', () => {
    const entries = judged([
      fetchTo(`${APP}/api/health`),
      fetchTo(`${APP}/api/health`),
      fetchTo(`${APP}/api/users/42`, [['X-OpenReplay-SessionToken', TOKEN]]),
      fetchTo(`${APP}/assets/app.js`),
    ]);
    expect(
      collectProblems(entries, [
        NOT_TAGGED,
        { ...NOT_TAGGED, endpoint: `GET ${APP}/api/users/:id`, status: 'tagged', reason: 'exact-tag' },
      ]),
    ).toEqual([
      {
        kind: 'missing',
        endpoint: `GET ${APP}/api/health`,
        requests: 2,
        example: `${APP}/api/health`,
        reason: 'no session token header on this fetch (in scope: same-origin)',
        fix: 'add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper',
      },
      {
        kind: 'not-tagging',
        endpoint: `GET ${APP}/api/legacy/report`,
        requests: 2,
        example: `GET ${APP}/api/legacy/report`,
        reason: 'header sent ✓ — backend tagged ✗: backend writes the tag name in another case',
        fix: 'write the tag name exactly as openReplaySessionToken (the exact-tag search is case-sensitive)',
      },
    ]);
  });
});

describe('applyPolicy', () => {
  const problems = collectProblems(judged([fetchTo(`${APP}/api/health`)]), [NOT_TAGGED]);

  it('fails on the kinds asked for and says why the others are ignored', () => {
    const r = applyPolicy(problems, ['not-tagging'], []);
    expect(r.failing.map((p) => p.kind)).toEqual(['not-tagging']);
    expect(r.ignored.map((p) => [p.kind, p.ignoredBecause])).toEqual([
      ['missing', 'missing is not in fail-on (not-tagging)'],
    ]);
  });

  it('lets the allow-list set aside an endpoint, for all kinds or the ones it names', () => {
    const any = applyPolicy(
      problems,
      ['missing', 'not-tagging'],
      [{ endpoint: 'GET /api/health', reason: 'load balancer probe' }],
    );
    expect(any.failing.map((p) => p.kind)).toEqual(['not-tagging']);
    expect(any.ignored[0]?.ignoredBecause).toBe('allowed by "GET /api/health": load balancer probe');
    const onlyBlocked = applyPolicy(problems, ['missing'], [{ endpoint: '* *', problems: ['blocked'] }]);
    expect(onlyBlocked.failing.map((p) => p.kind)).toEqual(['missing']);
  });

  it('prints one problem with its reason and fix', () => {
    expect(describeProblem(problems[0]!)).toBe(
      `missing — GET ${APP}/api/health (1 request)\n    reason: no session token header on this fetch (in scope: same-origin)\n    fix: add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper`,
    );
  });
});

describe('endpoint patterns', () => {
  it('match the whole endpoint, or a method and path on any origin', () => {
    expect(endpointMatches('GET /api/health', `GET ${APP}/api/health`)).toBe(true);
    expect(endpointMatches('GET /api/health', `POST ${APP}/api/health`)).toBe(false);
    expect(endpointMatches('* /api/users/*', `POST ${APP}/api/users/:id`)).toBe(true);
    expect(endpointMatches('GET https://partner.example.com/*', 'GET https://partner.example.com/quote')).toBe(true);
    expect(endpointMatches('GET https://partner.example.com/*', `GET ${APP}/quote`)).toBe(false);
    expect(globMatch('a*b*c', 'aXXbYYc')).toBe(true);
    expect(globMatch('a*b*c', 'aXXbYY')).toBe(false);
  });

  it('agree with a regular expression on any input, and stay quick on hostile ones', () => {
    const toRegex = (p: string) =>
      new RegExp(
        `^${p
          .split('*')
          .map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
          .join('.*')}$`,
        's',
      );
    fc.assert(
      fc.property(fc.stringMatching(/^[ab*]{0,8}$/), fc.stringMatching(/^[ab]{0,12}$/), (p, t) => {
        expect(globMatch(p, t)).toBe(toRegex(p).test(t));
      }),
    );
    // A pattern of many stars against a long near-miss: a backtracking regex would take ages.
    expect(globMatch(`${'*a'.repeat(20)}*b`, 'a'.repeat(8000))).toBe(false);
  });
});
