import { describe, expect, it } from 'vitest';
import { endpointTagging, type TaggingOptions } from '../../../../src/core/linking/tagging.ts';
import { entry, line, ORIGIN, SESSION_ID, tag, TAG_NAMES, TOKEN } from './fixtures.ts';

const opts: TaggingOptions = { token: TOKEN, sessionId: SESSION_ID, tagNames: TAG_NAMES, windowMs: 5_000, skewMs: 500 };
const rows = (t: ReturnType<typeof endpointTagging>) => t.map((r) => [r.endpoint, r.withToken, r.status, r.reason]);

describe('endpointTagging', () => {
  const legacy = entry({ id: 'legacy', path: '/api/legacy/report', at: 0, ms: 30 });
  const profile = entry({ id: 'profile', path: '/api/users/42', at: 1_000, ms: 30 });
  const checkout = entry({ id: 'checkout', method: 'POST', path: '/api/checkout', at: 2_000, ms: 30, status: 500 });
  const health = entry({ id: 'health', path: '/api/health', at: 2_500, token: null });
  const entries = [legacy, profile, checkout, health];
  const demoLines = [
    line(`2026-11-26T13:09:11.025Z INFO ${tag()} GET /api/users/42 200 3ms`, 1_025),
    line(`2026-11-26T13:09:12.020Z ERROR ${tag()} POST /api/checkout failed: PaymentDeclinedError: declined`, 2_020),
    line(`2026-11-26T13:09:12.025Z ERROR ${tag()} POST /api/checkout 500 4ms`, 2_025),
  ];

  it('ties a line that names no path to the one request that started last before it, not to every request nearby', () => {
    // The demo's "run all": save-order then legacy-report within milliseconds; only the order
    // service writes a pathless line ("order 7 created"). It must not make legacy-report "tagged".
    const order = entry({ id: 'order', method: 'POST', path: '/api/orders', at: 0, ms: 10 });
    const report = entry({ id: 'report', path: '/api/legacy/report', at: 40, ms: 10 });
    const lines = [
      line(`2026-11-26T13:09:10.005Z INFO ${tag()} order 7 created with 2 items`, 5),
      line(`2026-11-26T13:09:10.008Z INFO ${tag()} POST /api/orders 201 8ms`, 8),
    ];
    const result = endpointTagging([order, report], lines, { ...opts, searchedTo: Date.now() });
    expect(rows(result)).toEqual([
      [`GET ${ORIGIN}/api/legacy/report`, 1, 'not-tagged', 'no-lines'],
      [`POST ${ORIGIN}/api/orders`, 1, 'tagged', 'exact-tag'],
    ]);
  });

  it('does not ask the backend about requests that never reached it (blocked by CORS)', () => {
    const blocked = entry({ id: 'quote', path: '/partner/quote', at: 0, ms: 5, status: 0 });
    const result = endpointTagging([blocked], [], { ...opts, searchedTo: Date.now() });
    expect(rows(result)).toEqual([[`GET ${ORIGIN}/partner/quote`, 1, 'not-searched', 'not-received']]);
    expect(result[0]?.detail).toBe(
      'its requests never reached the backend (blocked or failed in the browser): nothing there to tag',
    );
  });

  it("flags the endpoint whose requests carry the header but never appear in the logs (the demo's legacy report)", () => {
    const result = endpointTagging(entries, demoLines, { ...opts, searchedTo: Date.now() });
    expect(rows(result)).toEqual([
      [`GET ${ORIGIN}/api/legacy/report`, 1, 'not-tagged', 'no-lines'],
      [`GET ${ORIGIN}/api/users/:id`, 1, 'tagged', 'exact-tag'],
      [`POST ${ORIGIN}/api/checkout`, 1, 'tagged', 'exact-tag'],
    ]);
    expect(result[0]?.detail).toBe(
      "no backend line with this token within 5 s after any of its 1 request: the backend does not tag this endpoint's lines (or writes the token under another name, or logs nothing here)",
    );
    expect(result[2]?.taggedLines).toBe(2);
  });

  it('does not credit an endpoint with a line that names another endpoint in its window', () => {
    // The profile request line is logged 1 s after the legacy request: inside its 5 s window.
    expect(endpointTagging([legacy, profile], demoLines, opts)[0]).toMatchObject({
      endpoint: `GET ${ORIGIN}/api/legacy/report`,
      status: 'not-tagged',
    });
  });

  it('says the backend cuts the token, or writes the tag name in another case', () => {
    const cut = [line(`INFO [openReplaySessionToken=${TOKEN.slice(0, 29)}] GET /api/legacy/report 200 2ms`, 25)];
    const [row] = endpointTagging([legacy], cut, opts);
    expect([row?.status, row?.reason, row?.detail, row?.found]).toEqual([
      'not-tagged',
      'truncated-token',
      `backend cuts the token off: 29 of ${TOKEN.length} characters are logged`,
      'jw4wdf….ovJ',
    ]);
    const cased = [line(`INFO [openreplaysessiontoken=${TOKEN}] GET /api/legacy/report 200 2ms`, 25)];
    const [row2] = endpointTagging([legacy], cased, opts);
    expect([row2?.status, row2?.reason, row2?.found]).toEqual([
      'not-tagged',
      'wrong-case-name',
      'openreplaysessiontoken',
    ]);
    expect(row2?.detail).toBe(
      'backend writes the tag name in another case ("openreplaysessiontoken=" instead of the exact name) — the exact-tag search and field extraction miss it',
    );
  });

  it('calls lines that name no path "probably tagged", and waits for a search that covers the request', () => {
    const vague = [line(`INFO ${tag()} report generated`, 40)];
    expect(rows(endpointTagging([legacy], vague, opts))).toEqual([
      [`GET ${ORIGIN}/api/legacy/report`, 1, 'probably-tagged', 'unattributed-lines'],
    ]);
    // The search ended before the request did: not judged.
    expect(rows(endpointTagging([legacy], [], { ...opts, searchedTo: legacy.req.startedAt + 10 }))).toEqual([
      [`GET ${ORIGIN}/api/legacy/report`, 1, 'not-searched', 'after-search'],
    ]);
    // It ended 1 s after: judged, and the detail says the 5 s window was only partly searched.
    const [partly] = endpointTagging([legacy], [], { ...opts, searchedTo: legacy.req.startedAt + 1_000 });
    expect([
      partly?.status,
      partly?.detail.endsWith(
        '; the search ended before that window did — search again if its lines may still be arriving',
      ),
    ]).toEqual(['not-tagged', true]);
    expect(rows(endpointTagging([legacy], [], { ...opts, searched: false }))).toEqual([
      [`GET ${ORIGIN}/api/legacy/report`, 1, 'not-searched', 'no-search'],
    ]);
  });

  it('leaves out endpoints whose requests never carried the token', () => {
    expect(endpointTagging([health], demoLines, opts)).toEqual([]);
  });
});
