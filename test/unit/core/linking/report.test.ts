import { describe, expect, it } from 'vitest';
import { groupLinkedErrors } from '../../../../src/core/linking/error-groups.ts';
import { linkErrors } from '../../../../src/core/linking/link.ts';
import { buildLinkedJson, renderLinkedReport, type LinkedReportInput } from '../../../../src/core/linking/report.ts';
import { endpointTagging } from '../../../../src/core/linking/tagging.ts';
import { entry, line, ORIGIN, SESSION_ID, tag, TAG_NAMES, T0, TOKEN } from './fixtures.ts';

const entries = [
  entry({ id: 'legacy', path: '/api/legacy/report', at: 0, ms: 30 }),
  entry({ id: 'c1', method: 'POST', path: '/api/checkout', at: 2_000, ms: 30, status: 500 }),
  entry({ id: 'c2', method: 'POST', path: '/api/checkout', at: 9_000, ms: 30, status: 500 }),
];
const checkoutError = (at: number) =>
  line(
    `2026-11-26T13:09:12Z ERROR ${tag()} POST /api/checkout failed: PaymentDeclinedError: declined for ${TOKEN} <b>|x|</b>\n    at authorize (/srv/payments.ts:8:9)`,
    at,
  );
const logs = [checkoutError(9_020), checkoutError(2_020), line(`ERROR ${tag()} cache miss storm`, 30_000)];

function input(reveal = false): LinkedReportInput {
  const linking = linkErrors(entries, logs, { token: TOKEN, skewMs: 500 });
  const byId = new Map(entries.map((e) => [e.req.id, e.req]));
  return {
    pageUrl: `${ORIGIN}/`,
    token: TOKEN,
    sessionId: SESSION_ID,
    revealToken: reveal,
    generatedAt: T0 + 60_000,
    requests: entries,
    backend: {
      query: `"openReplaySessionToken=${TOKEN}"`,
      window: { from: T0 - 60_000, to: T0 + 60_000 },
      status: 'done',
      lines: logs.length,
      skewMs: 500,
      windowMs: 5_000,
      tagging: endpointTagging(entries, logs, {
        token: TOKEN,
        sessionId: SESSION_ID,
        tagNames: TAG_NAMES,
        windowMs: 5_000,
        skewMs: 500,
      }),
      groups: groupLinkedErrors(linking, byId),
      linking,
    },
  };
}

describe('renderLinkedReport', () => {
  it('keeps the audit report and adds tagging per endpoint and the linked errors, token masked and log text escaped', () => {
    const md = renderLinkedReport(input());
    expect(md.startsWith('# OpenReplay session token propagation report')).toBe(true);
    expect(md).not.toContain(TOKEN);
    const backend = md.slice(md.indexOf('## Backend (SumoLogic)'));
    expect(backend).toBe(
      [
        '## Backend (SumoLogic)',
        '',
        '- **Query:** "openReplaySessionToken=jw4wdf…vt3q"',
        '- **Searched:** 2026-11-26T13:08:10.000Z to 2026-11-26T13:10:10.000Z',
        '- **Lines with the exact tag:** 3; **errors:** 3',
        "- **Linking:** ±0.5 s clock-skew tolerance around each request; tagging looked 5 s past each request's end",
        '',
        '### Header sent and backend tagging by endpoint',
        '',
        '| Endpoint | Requests | Header sent | Backend | Detail |',
        '|---|---:|---|---|---|',
        `| GET ${ORIGIN}/api/legacy/report | 1 | ✓ 1/1 | ✗ backend not tagging | no backend line with this token within 5 s after any of its 1 request: the backend does not tag this endpoint's lines (or writes the token under another name, or logs nothing here) |`,
        `| POST ${ORIGIN}/api/checkout | 2 | ✓ 2/2 | ✓ tagged | 2 backend lines carry the exact tag |`,
        '',
        '### Linked backend errors (3)',
        '',
        '1. **cache miss storm** — 1 occurrence, at 2026-11-26T13:09:40.000Z',
        '   - Requests: none linked',
        '   - Not linked: 1 occurrence (no request of this session matched)',
        '2. **POST /api/checkout failed: PaymentDeclinedError: declined for jw4wdf…vt3q &lt;b&gt;\\|x\\|&lt;/b&gt;** — 2 occurrences, first 2026-11-26T13:09:12.020Z, last 2026-11-26T13:09:19.020Z',
        `   - Requests: POST ${ORIGIN}/api/checkout (2)`,
        '',
      ].join('\n'),
    );
  });

  it('says when no search was run', () => {
    const md = renderLinkedReport({ ...input(), backend: undefined });
    expect(md.slice(md.indexOf('## Backend'))).toBe(
      '## Backend (SumoLogic)\n\nNo backend search was run, so backend tagging and errors are not part of this report.\n',
    );
  });
});

describe('buildLinkedJson', () => {
  it('adds the backend side and a backendErrors count per request to the audit JSON', () => {
    const json = buildLinkedJson(input());
    expect(json.schema).toBe('replay-link/audit@1');
    expect(json.requests.map((r) => [r.id, r.backendErrors])).toEqual([
      ['legacy', 0],
      ['c1', 1],
      ['c2', 1],
    ]);
    expect(json.backend?.tagging.map((t) => [t.endpoint, t.headerSent, t.status, t.reason])).toEqual([
      [`GET ${ORIGIN}/api/legacy/report`, true, 'not-tagged', 'no-lines'],
      [`POST ${ORIGIN}/api/checkout`, true, 'tagged', 'exact-tag'],
    ]);
    expect(json.backend?.errors.map((e) => [e.time, e.outcome, e.candidates.map((c) => c.requestId), e.hint])).toEqual([
      ['2026-11-26T13:09:19.020Z', 'linked', ['c2'], { method: 'POST', path: '/api/checkout', status: null }],
      ['2026-11-26T13:09:12.020Z', 'linked', ['c1'], { method: 'POST', path: '/api/checkout', status: null }],
      ['2026-11-26T13:09:40.000Z', 'no-request-in-window', [], { method: null, path: null, status: null }],
    ]);
    expect(JSON.stringify(json)).not.toContain(TOKEN);
    expect(JSON.stringify(buildLinkedJson(input(true)))).toContain(TOKEN);
  });
});
