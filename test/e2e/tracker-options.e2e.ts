import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import { detailOf, expectDetail, POLL, showArea, visit } from './support/audit-lab.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';

// The audit asks the page's own tracker what it meant: its header option, its tokenUrlMatcher,
// whether it records. Real tracker (19.0.1) on the demo's audit lab page, real DevTools panel;
// every case asserts the verdict and the words a user reads.

describe("the audit follows the page tracker's network options (real tracker, real panel)", () => {
  let demo: Demo;
  let s: PanelSession;
  let app: string;
  const api = (path: string) => `${app}${path}`;

  beforeAll(async () => {
    demo = await startDemo();
    app = demo.world.appUrl.replace(/\/$/, '');
    s = await openDemoPanel(demo, '/audit.html?case=include');
    await showArea(s.panel, 'Requests');
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  it('a matcher that includes a same-origin API: both calls carry, and the Session area says what the tracker was told', async () => {
    await visit(s, demo.world.appUrl, 'case=include');
    for (const path of ['/api/users/42', '/api/health']) {
      await expectDetail(s.panel, api(path), 'carries', {
        verdict: 'carries token',
        reason: 'X-OpenReplay-SessionToken carries the current token',
        fix: null,
        matcher: 'accepts this URL',
        note: null,
      });
    }
    await showArea(s.panel, 'Session');
    expect(await s.panel.getByTestId('tracker-header-option').textContent()).toBe(
      'The tracker adds X-OpenReplay-SessionToken to requests its tokenUrlMatcher accepts.',
    );
    expect(await s.panel.getByTestId('tracker-ingest').textContent()).toBe(demo.world.ingestUrl);
    expect(await s.panel.getByTestId('tracker-matcher').textContent()).toBe(
      'set — the audit asks it about each request URL and uses its answers as the scope',
    );
    await showArea(s.panel, 'Requests');
  });

  it('a matcher that excludes a same-origin API: not expected, with the matcher named', async () => {
    await visit(s, demo.world.appUrl, 'case=exclude');
    await expectDetail(s.panel, api('/api/health'), 'not-expected', {
      verdict: 'not expected',
      reason: 'your tokenUrlMatcher leaves this same-origin API out: if its backend logs should link, add it',
      fix: 'make tokenUrlMatcher return true for it',
      matcher: 'leaves this URL out',
      note: null,
    });
    expect((await detailOf(s.panel, api('/api/users/42'), 'carries')).reason).toBe(
      'X-OpenReplay-SessionToken carries the current token',
    );
    expect(Number(await s.panel.getByTestId('count-missing').getAttribute('data-count'))).toBe(0);
  });

  it('a matcher that throws: unknown, so the default scope decides, and the reason says why', async () => {
    await visit(s, demo.world.appUrl, 'case=throws');
    await expectDetail(s.panel, api('/api/legacy/report'), 'missing', {
      verdict: 'missing',
      reason:
        'no session token header on this fetch (in scope: same-origin; your tokenUrlMatcher: unknown — it threw an error)',
      fix: 'add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper',
      matcher: 'unknown — it threw an error',
      note: null,
    });
    expect((await detailOf(s.panel, api('/api/users/42'), 'carries')).matcher).toBe('accepts this URL');
  });

  it('a matcher that runs 200 ms: unknown, asked no more, and the panel still answers', async () => {
    await visit(s, demo.world.appUrl, 'case=slow');
    const slow = 'unknown — it ran longer than 50 ms, so the audit stopped asking it';
    await expectDetail(s.panel, api('/api/health'), 'missing', {
      verdict: 'missing',
      reason: `no session token header on this fetch (in scope: same-origin; your tokenUrlMatcher: ${slow})`,
      fix: 'add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper',
      matcher: slow,
      note: null,
    });
    await expectDetail(s.panel, api('/api/users/42'), 'carries', {
      reason: 'X-OpenReplay-SessionToken carries the current token',
      matcher: slow,
    });
  });

  it('a custom header name is audited without being typed into the settings', async () => {
    await visit(s, demo.world.appUrl, 'case=custom-header');
    await expectDetail(s.panel, api('/api/users/42'), 'carries', {
      verdict: 'carries token',
      reason: 'X-Session-Replay carries the current token',
    });
    await showArea(s.panel, 'Session');
    expect(await s.panel.getByTestId('tracker-header-option').textContent()).toBe(
      'The tracker adds X-Session-Replay to requests its tokenUrlMatcher accepts.',
    );
    await showArea(s.panel, 'Requests');
  });

  it('the header off: one notice atop Requests shows the option to set', async () => {
    await visit(s, demo.world.appUrl, 'case=header-off');
    await expect.poll(() => s.panel.getByTestId('header-off-notice').count(), POLL).toBe(1);
    expect(await s.panel.getByTestId('header-off-notice').locator('span').textContent()).toBe(
      'The tracker is not set to add the session token header: only headers your own code sets are sent. To have it add them, set in its options network: { sessionTokenHeader: true } (and a tokenUrlMatcher to choose which URLs get it).',
    );
    expect(await s.panel.getByTestId('header-off-option').textContent()).toBe('network: { sessionTokenHeader: true }');
    await expectDetail(s.panel, api('/api/users/42'), 'missing', {
      reason: 'no session token header on this fetch (in scope: same-origin)',
      matcher: null,
    });
    await showArea(s.panel, 'Session');
    expect(await s.panel.getByTestId('tracker-header-option').textContent()).toBe(
      'The tracker is not set to add the session token header (network.sessionTokenHeader is off).',
    );
    await showArea(s.panel, 'Requests');
  });

  it('no matcher: the token sent to a partner origin is marked outside scope, counted, filtered and in the coverage', async () => {
    await visit(s, demo.world.appUrl, 'case=no-matcher');
    const partner = `${demo.world.openOrigin}/partner/rates`;
    await expectDetail(s.panel, partner, 'outside-scope', {
      verdict: 'token outside scope',
      reason: `the token goes to ${demo.world.openOrigin}, outside the audit scope: the tracker has no tokenUrlMatcher, so it adds the header to every origin — the token is shared with a third party, and its CORS may refuse the header`,
      fix: 'limit the header with network.tokenUrlMatcher, e.g. tokenUrlMatcher: (url) => new URL(url, location.href).origin === location.origin',
      matcher: null,
      note: null,
    });
    expect(Number(await s.panel.getByTestId('count-outside-scope').getAttribute('data-count'))).toBe(1);
    await s.panel.getByTestId('filter-input').fill('verdict:outside-scope');
    await expect
      .poll(() =>
        s.panel.getByTestId('request-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.url)),
      )
      .toEqual([partner]);
    await s.panel.getByTestId('filter-input').fill('');
    await s.panel.getByTestId('subtab-coverage').click();
    // Coverage, requests, carrying, missing, blocked, stale/foreign, outside scope, not expected.
    const origin = await s.panel
      .getByTestId('coverage-origins')
      .locator(`[data-key="${demo.world.openOrigin}"] td`)
      .allTextContents();
    expect(origin).toEqual(['—', '2', '0', '0', '0', '0', '1', '1']);
    await s.panel.getByTestId('subtab-table').click();
    await s.panel.getByTestId('show-report').click();
    const report = await s.panel.getByTestId('report-text').inputValue();
    expect(report).toContain('| token outside scope | 1 |');
    expect(report).toContain(
      `   - Reason: the token goes to ${demo.world.openOrigin}, outside the audit scope: the tracker has no tokenUrlMatcher`,
    );
    await s.panel.getByTestId('report-close').click();
  });

  it('a sampled-out start (403): Session says not recording, and Requests calls nothing missing', async () => {
    await visit(s, demo.world.appUrl, 'case=sampled');
    expect(await s.page.getByTestId('audit-start').textContent()).toMatch(/^no/);
    await expectDetail(s.panel, api('/api/users/42'), 'not-expected', {
      reason:
        "the session is sampled out: the tracker's start was answered 403 (capture rate miss), so no request carries a token",
    });
    expect(Number(await s.panel.getByTestId('count-missing').getAttribute('data-count'))).toBe(0);
    expect(await s.panel.getByTestId('not-recording-notice').textContent()).toBe(
      "This session is sampled out (the tracker's start was answered 403): no request is expected to carry a token.",
    );
    expect(await s.panel.getByTestId('no-token-notice').count()).toBe(0);
    await showArea(s.panel, 'Session');
    expect(await s.panel.getByTestId('not-recording-text').textContent()).toBe(
      "Sampled out: the tracker's start was answered 403 (capture rate miss). This session is not recorded, by design, so there is no token and no request carries the header.",
    );
    expect(await s.panel.getByTestId('session-empty').count()).toBe(0);
    await showArea(s.panel, 'Requests');
  });

  it('a fetch saved before the tracker started: missing, with the bypass reason', async () => {
    await visit(s, demo.world.appUrl, 'case=saved-fetch');
    await expectDetail(s.panel, api('/api/users/42'), 'missing', {
      verdict: 'missing',
      reason:
        'your tokenUrlMatcher accepts this URL, yet it went without the header: the request bypassed the tracker (a fetch saved before the tracker started, a Web Worker, a client such as ky)',
      fix: 'call window.fetch when the request is made (not a copy saved before tracker.start()), or add the header yourself from tracker.getSessionToken()',
      matcher: 'accepts this URL',
      note: null,
    });
  });

  it('the axios header name carries, and its detail warns about the other spelling', async () => {
    await visit(s, demo.world.appUrl, 'case=axios-name');
    await expectDetail(s.panel, api('/api/users/42'), 'carries', {
      reason: 'X-OpenReplay-Session-Token carries the current token',
      note: 'X-OpenReplay-Session-Token is the name the axios plugin uses: a backend reading X-OpenReplay-SessionToken will not see it',
    });
  });

  it('requests the tracker cannot reach name their mechanism', async () => {
    await visit(s, demo.world.appUrl, 'case=unreachable');
    const reach = "the tracker's patch never reaches it";
    expect((await detailOf(s.panel, api('/api/beacon'), 'not-expected')).reason).toBe(
      `a beacon: navigator.sendBeacon cannot set request headers, and ${reach}`,
    );
    expect((await detailOf(s.panel, api('/api/form'), 'not-expected')).reason).toBe(
      `a form post: the browser submits it as a navigation, and ${reach}`,
    );
    expect((await detailOf(s.panel, api('/api/socket').replace(/^http/, 'ws'), 'not-expected')).reason).toBe(
      `a WebSocket: the browser API cannot set request headers, and ${reach}`,
    );
    expect((await detailOf(s.panel, api('/api/events'), 'not-expected')).reason).toBe(
      `an EventSource: the browser API cannot set request headers, and ${reach}`,
    );
    // Two Workers: one answering the page's message, one loaded from its own file fetching on a timer.
    for (const path of ['/api/users/42/preferences', '/api/users/42/settings']) {
      await expectDetail(s.panel, api(path), 'missing', {
        reason: "a fetch from a Web Worker: the tracker patches the page's fetch and XHR only, never a worker's",
        fix: 'pass the token to the worker (postMessage tracker.getSessionToken()) and add the header there',
      });
    }
  });

  it('the opt-out per site in Settings stops asking the matcher', async () => {
    await showArea(s.panel, 'Settings');
    await s.panel.getByTestId('ask-tracker-matcher').uncheck();
    await visit(s, demo.world.appUrl, 'case=exclude');
    await showArea(s.panel, 'Requests');
    // Unasked, the matcher is not the scope: the default (same origin) calls the health check missing.
    await expectDetail(s.panel, api('/api/health'), 'missing', {
      reason: 'no session token header on this fetch (in scope: same-origin)',
      matcher: 'not asked',
    });
    await showArea(s.panel, 'Settings');
    await s.panel.getByTestId('ask-tracker-matcher').check();
    await showArea(s.panel, 'Requests');
  });
});
