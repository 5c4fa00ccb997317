import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuditStore } from '../../../../src/core/audit/audit-store.ts';
import { maskToken } from '../../../../src/core/audit/mask.ts';
import { buildJsonExport, renderJsonExport } from '../../../../src/core/audit/json-export.ts';
import { escapeMarkdown, renderMarkdownReport } from '../../../../src/core/audit/report.ts';
import { DEFAULT_SCOPE_SETTINGS, type ScopeSettings } from '../../../../src/core/audit/scope-settings.ts';
import { AXIOS_NOTE } from '../../../../src/core/audit/verdict.ts';
import { API, APP, CURRENT, EARLIER, INGEST, PAGE, preflight, refused, req, tokenHeader, TOKENS } from './fixtures.ts';

const SETTINGS: ScopeSettings = { ...DEFAULT_SCOPE_SETTINGS, extraOrigins: [API] };
const GENERATED = Date.parse('2025-11-26T14:00:00.000Z');

function store() {
  const s = new AuditStore({ tokens: TOKENS, settings: SETTINGS });
  s.add([
    req({ url: `${APP}/api/users/1`, requestHeaders: tokenHeader(CURRENT.token), started: '2025-11-26T13:57:00.000Z' }),
    req({ url: `${APP}/api/users/2`, requestHeaders: tokenHeader(CURRENT.token), started: '2025-11-26T13:57:00.500Z' }),
    req({ url: `${APP}/api/users/3`, started: '2025-11-26T13:57:01.000Z' }),
    req({ url: `${APP}/api/users/4`, started: '2025-11-26T13:57:01.500Z' }),
    req({
      url: `${API}/api/orders`,
      resourceType: 'xhr',
      requestHeaders: tokenHeader(EARLIER.token),
      started: '2025-11-26T13:57:02.000Z',
    }),
    refused(`${API}/api/cart`, { started: '2025-11-26T13:57:03.000Z' }),
    preflight(`${API}/api/cart`, 'content-type', { started: '2025-11-26T13:57:03.001Z' }),
    req({ url: `${INGEST}/v1/web/i`, method: 'POST', started: '2025-11-26T13:57:05.000Z' }),
  ]);
  return s;
}

describe('maskToken', () => {
  it('first 6 + … + last 4, and never the whole of a short value', () => {
    expect(maskToken(CURRENT.token)).toBe('jw4wdf…vt3q');
    expect(maskToken('abcdefghijkl')).toBe('ab…');
    expect(maskToken('abcd')).toBe('…');
  });
});

describe('renderMarkdownReport', () => {
  it('is ticket-ready: page, masked token, time, summary, coverage, every problem with reason and fix', () => {
    const s = store();
    const md = renderMarkdownReport({
      pageUrl: PAGE,
      token: CURRENT.token,
      sessionId: CURRENT.sessionId,
      generatedAt: GENERATED,
      requests: s.toArray(),
      dropped: 3,
      cap: 50_000,
      settings: SETTINGS,
    });
    expect(md).toBe(
      [
        '# OpenReplay session token propagation report',
        '',
        '- **Page:** http://127.0.0.1:4000/checkout',
        '- **Session token:** jw4wdf…vt3q (masked)',
        '- **Session id:** 2618307011354435587',
        '- **Generated:** 2025-11-26T14:00:00.000Z',
        '- **Scope:** same-origin fetch/XHR; origins http://127.0.0.1:4001',
        '- **Requests:** 8 captured (3 older requests dropped beyond the cap of 50000)',
        '',
        '## Summary',
        '',
        '| Verdict | Requests |',
        '|---|---:|',
        '| carries token | 2 |',
        '| stale token | 1 |',
        '| foreign token | 0 |',
        '| missing | 2 |',
        '| blocked | 1 |',
        '| token outside scope | 0 |',
        '| not expected | 2 |',
        '',
        'Coverage: **33.3%** of 6 in-scope requests carry the current token.',
        '',
        '## Coverage by origin',
        '',
        '| Origin | Requests | Carrying | Stale | Foreign | Missing | Blocked | Outside scope | Not expected | Coverage |',
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        '| http://127.0.0.1:4000 | 4 | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 50% |',
        '| http://127.0.0.1:4001 | 3 | 0 | 1 | 0 | 0 | 1 | 0 | 1 | 0% |',
        '| http://127.0.0.1:4002 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | — |',
        '',
        '## Coverage by endpoint',
        '',
        '| Endpoint | Requests | Carrying | Stale | Foreign | Missing | Blocked | Outside scope | Not expected | Coverage |',
        '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        '| GET http://127.0.0.1:4000/api/users/:id | 4 | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 50% |',
        '| GET http://127.0.0.1:4001/api/cart | 1 | 0 | 0 | 0 | 0 | 1 | 0 | 0 | 0% |',
        '| GET http://127.0.0.1:4001/api/orders | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0% |',
        '',
        '## Problems (4)',
        '',
        '1. **blocked** — GET http://127.0.0.1:4001/api/cart — 1 request, at 2025-11-26T13:57:03.000Z',
        '   - Reason: the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type',
        '   - Fix: add x-openreplay-sessiontoken to its Access-Control-Allow-Headers',
        '   - Example: http://127.0.0.1:4001/api/cart',
        '2. **stale token** — GET http://127.0.0.1:4001/api/orders — 1 request, at 2025-11-26T13:57:02.000Z',
        `   - Reason: X-OpenReplay-SessionToken holds an earlier token of this tab (session ${EARLIER.sessionId}, current from 2025-11-26T11:00:00.000Z to 2025-11-26T13:50:00.000Z)`,
        '   - Fix: read the token when the request is made (tracker.getSessionToken()) instead of keeping an old value',
        '   - Example: http://127.0.0.1:4001/api/orders',
        '3. **missing** — GET http://127.0.0.1:4000/api/users/:id — 2 requests, 2025-11-26T13:57:01.000Z to 2025-11-26T13:57:01.500Z',
        '   - Reason: no session token header on this fetch (in scope: same-origin)',
        '   - Fix: add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper',
        '   - Example: http://127.0.0.1:4000/api/users/3',
        '',
      ].join('\n'),
    );
    expect(md).not.toContain(CURRENT.token);
    expect(md).not.toContain(EARLIER.token);
  });

  it('shows the token when asked, says when none is known, and notes truncated lists', () => {
    const rs = store().toArray();
    expect(
      renderMarkdownReport({
        pageUrl: PAGE,
        token: CURRENT.token,
        revealToken: true,
        generatedAt: GENERATED,
        requests: rs,
      }),
    ).toContain(`- **Session token:** ${CURRENT.token}\n`);
    const md = renderMarkdownReport({
      pageUrl: PAGE,
      generatedAt: GENERATED,
      requests: rs,
      maxEndpoints: 1,
      maxProblemGroups: 2,
    });
    expect(md).toContain('- **Session token:** none found\n');
    expect(md).toContain('\n… and 2 more endpoints (see the JSON export).\n');
    expect(md).toContain('\n… and 1 more kind of problem (see the JSON export).\n');
  });

  it('a clean capture says so', () => {
    const s = new AuditStore({ tokens: TOKENS });
    s.add([req({ url: `${APP}/api/x`, requestHeaders: tokenHeader(CURRENT.token) })]);
    const md = renderMarkdownReport({
      pageUrl: PAGE,
      token: CURRENT.token,
      generatedAt: GENERATED,
      requests: s.toArray(),
    });
    expect(md).toContain('Coverage: **100%** of 1 in-scope request carry the current token.');
    expect(md).toContain('## Problems (0)\n\nNo problems: every in-scope request carries the current token.\n');
  });

  it('escapes hostile values from the page in prose and table cells', () => {
    const s = new AuditStore({ tokens: TOKENS });
    s.add([
      req({ url: `${APP}/api/a|b\`c\`/<x>`, requestHeaders: tokenHeader('`x`|<b>*y*\n[z](javascript:alert(1))') }),
    ]);
    const md = renderMarkdownReport({
      pageUrl: 'http://127.0.0.1:4000/p?q=<script>alert(1)</script>|x\n# heading',
      generatedAt: GENERATED,
      requests: s.toArray(),
    });
    expect(md).toContain(
      '- **Page:** http://127.0.0.1:4000/p?q=&lt;script&gt;alert(1)&lt;/script&gt;\\|x\\\\n# heading\n',
    );
    // The URL parser percent-encodes <, > and backticks; the pipe stays and must not split the cell.
    expect(md).toContain('| GET http://127.0.0.1:4000/api/a\\|b%60c%60/%3Cx%3E | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0% |');
    expect(md).toContain(
      '   - Reason: X-OpenReplay-SessionToken holds \\`x\\`\\|&lt;b…(1)), which is not an OpenReplay token (4 dot-separated parts)\n',
    );
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
      expect(line.replace(/\\\|/g, '').split('|').length).toBe(
        line.startsWith('| Verdict') || /^\| [a-z ]+ \| \d+ \|$/.test(line) || line === '|---|---:|' ? 4 : 12,
      );
    }
  });

  it('escapeMarkdown neutralizes links, emphasis, code, HTML, math and control characters', () => {
    expect(escapeMarkdown('[a](javascript:x) *b* _c_ `d` <img> &amp; ~~e~~ $f$ \\ g\r\nh\u0000')).toBe(
      '\\[a\\](javascript:x) \\*b\\* \\_c\\_ \\`d\\` &lt;img&gt; &amp;amp; \\~\\~e\\~\\~ \\$f\\$ \\\\ g\\\\r\\\\nh\\\\u0000',
    );
    expect(escapeMarkdown('x'.repeat(400), 10)).toBe('xxxxxxxxxx… (400 chars)');
  });
});

describe('JSON export', () => {
  it('has the documented shape, every request with its verdict, tokens masked', () => {
    const s = store();
    const json = buildJsonExport({
      pageUrl: PAGE,
      token: CURRENT.token,
      sessionId: CURRENT.sessionId,
      generatedAt: GENERATED,
      requests: s.toArray(),
      dropped: 3,
      cap: 50_000,
    });
    expect(json.schema).toBe('replay-link/audit@1');
    expect(json.generatedAt).toBe('2025-11-26T14:00:00.000Z');
    expect(json.page).toEqual({ url: PAGE });
    expect(json.token).toEqual({ value: 'jw4wdf…vt3q', masked: true, sessionId: CURRENT.sessionId });
    expect(json.capture).toEqual({ requests: 8, dropped: 3, cap: 50_000 });
    expect(json.summary.percentage).toBe(33.3);
    expect(json.requests).toHaveLength(8);
    expect(json.requests[5]).toEqual({
      id: expect.any(String),
      startedAt: '2025-11-26T13:57:03.000Z',
      durationMs: 3.2,
      method: 'GET',
      url: 'http://127.0.0.1:4001/api/cart',
      origin: 'http://127.0.0.1:4001',
      endpoint: 'GET http://127.0.0.1:4001/api/cart',
      status: 0,
      type: 'fetch',
      initiator: 'script',
      error: 'net::ERR_FAILED',
      pageUrl: PAGE,
      verdict: 'blocked',
      label: 'blocked',
      reason: 'the preflight to http://127.0.0.1:4001 answered Access-Control-Allow-Headers: content-type',
      fix: 'add x-openreplay-sessiontoken to its Access-Control-Allow-Headers',
      note: null,
      header: { name: 'X-OpenReplay-SessionToken', value: 'jw4wdf…vt3q' },
    });
    expect(json.requests[7]).toMatchObject({ verdict: 'not-expected', label: 'not expected', fix: null, header: null });
    expect(json.coverage.endpoints.map((e) => e.key)).toContain('POST http://127.0.0.1:4002/ingest/v1/web/i');
    const text = renderJsonExport({
      pageUrl: PAGE,
      token: CURRENT.token,
      generatedAt: GENERATED,
      requests: s.toArray(),
    });
    expect(text).not.toContain(CURRENT.token);
    expect(text).not.toContain(EARLIER.token);
    expect(JSON.parse(text)).toMatchObject({ schema: 'replay-link/audit@1' });
  });

  it('reveals the token and header values only when asked', () => {
    const json = buildJsonExport({
      pageUrl: PAGE,
      token: CURRENT.token,
      revealToken: true,
      generatedAt: GENERATED,
      requests: store().toArray(),
    });
    expect(json.token).toEqual({ value: CURRENT.token, masked: false, sessionId: null });
    expect(json.requests[0]?.header).toEqual({ name: 'X-OpenReplay-SessionToken', value: CURRENT.token });
    expect(buildJsonExport({ pageUrl: PAGE, generatedAt: GENERATED, requests: [] }).token).toBeNull();
  });
});

describe("the detail's note in the exports", () => {
  it('the axios header spelling: the JSON and the Markdown say what the panel says', () => {
    const s = new AuditStore({ tokens: TOKENS, settings: SETTINGS });
    s.add([
      req({ url: `${APP}/api/users/1`, requestHeaders: tokenHeader(CURRENT.token, 'X-OpenReplay-Session-Token') }),
      req({ url: `${APP}/api/users/2`, requestHeaders: tokenHeader(CURRENT.token, 'X-OpenReplay-Session-Token') }),
      req({ url: `${APP}/api/users/3`, requestHeaders: tokenHeader(CURRENT.token) }),
    ]);
    const input = { pageUrl: PAGE, token: CURRENT.token, generatedAt: GENERATED, requests: s.toArray() };
    expect(s.toArray()[0]?.result.note).toBe(AXIOS_NOTE);
    expect(buildJsonExport(input).requests.map((r) => r.note)).toEqual([AXIOS_NOTE, AXIOS_NOTE, null]);
    const md = renderMarkdownReport(input);
    expect(md).toContain(
      '## Notes\n\n- **carries token** — GET http://127.0.0.1:4000/api/users/:id — 2 requests: X-OpenReplay-Session-Token is the name the axios plugin uses: a backend reading X-OpenReplay-SessionToken will not see it\n',
    );
    expect(renderMarkdownReport({ ...input, requests: s.toArray().slice(2) })).not.toContain('## Notes');
  });
});

describe('docs/audit-json.md', () => {
  function shape(v: unknown): unknown {
    if (Array.isArray(v)) return v.length > 0 ? [shape(v[0])] : [];
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, shape((v as Record<string, unknown>)[k])]),
      );
    }
    return v === null ? 'null' : typeof v;
  }

  it('documents the shape the export really has', () => {
    const md = readFileSync(new URL('../../../../docs/audit-json.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(md)?.[1];
    expect(example).toBeDefined();
    const s = new AuditStore({ tokens: TOKENS, settings: SETTINGS });
    s.add([refused(`${API}/api/cart`), preflight(`${API}/api/cart`, 'content-type')]);
    const real = buildJsonExport({
      pageUrl: PAGE,
      token: CURRENT.token,
      sessionId: CURRENT.sessionId,
      generatedAt: GENERATED,
      requests: s.toArray().slice(0, 1),
      cap: 50_000,
    });
    expect(shape(JSON.parse(example as string))).toEqual(shape(real));
    expect(real.requests[0]?.reason).toBe(JSON.parse(example as string).requests[0].reason);
  });
});
