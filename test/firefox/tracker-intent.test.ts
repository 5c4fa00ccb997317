import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../demo/world.ts';
import { findFirefox, launchFirefox, type FirefoxSession } from '../../tooling/firefox.ts';
import { countOf, expectDetail, pageText, panelText, POLL, showArea, visit } from './panel-dom.ts';
import { FIREFOX_DIST, assertBuilt } from './support.ts';

/**
 * Session discovery and the audit's tracker-intent verdicts in Firefox ESR's real toolbox: the
 * demo's audit lab with the real @openreplay/tracker 19.0.1, as test/e2e/tracker-options.e2e.ts
 * runs it in Chromium. Firefox's HAR names no request type: the kind comes from the Sec-Fetch-*
 * headers (src/core/audit/har-kind.ts), where it cannot tell a fetch from an XHR the reason says so,
 * and a Worker's fetch is told by the page's own timeline (src/core/audit/page-timeline.ts).
 */
const firefoxPath = findFirefox();

describe.skipIf(!firefoxPath)("the tracker's intent in Firefox's toolbox (real tracker, real panel)", () => {
  let ff: FirefoxSession;
  let world: DemoWorld;
  let app: string;
  const api = (path: string) => `${app}${path}`;

  beforeAll(async () => {
    assertBuilt();
    world = await startDemoWorld({ log: () => undefined });
    app = world.appUrl.replace(/\/$/, '');
    ff = await launchFirefox({ extensionDir: FIREFOX_DIST, executablePath: firefoxPath! });
    await ff.page.goto(world.appUrl);
    await ff.openPanel();
  });

  afterAll(async () => {
    await ff?.close();
    await world?.close();
  });

  it('discovers the session and shows what the tracker was told; both matched calls carry', async () => {
    await visit(ff, world.appUrl, 'case=include');
    const token = (await pageText(ff, 'token')) ?? '';
    expect(token).toMatch(/^\w+\.-?\w+\.\w+\.\w+$/);
    expect(world.sessions().some((x) => x.token === token)).toBe(true);

    await showArea(ff, 'session');
    await expect.poll(() => panelText(ff, 'current-token'), POLL).toBe(token);
    await expect.poll(() => panelText(ff, 'tracker-setup-version'), POLL).toBe(', tracker 19.0.1');
    expect(await panelText(ff, 'tracker-header-option')).toBe(
      'The tracker adds X-OpenReplay-SessionToken to requests its tokenUrlMatcher accepts.',
    );
    expect(await panelText(ff, 'tracker-ingest')).toBe(world.ingestUrl);
    expect(await panelText(ff, 'tracker-matcher')).toBe(
      'set — the audit asks it about each request URL and uses its answers as the scope',
    );

    await showArea(ff, 'requests');
    for (const path of ['/api/users/42', '/api/health']) {
      await expectDetail(ff, api(path), 'carries', {
        verdict: 'carries token',
        reason: 'X-OpenReplay-SessionToken carries the current token',
        fix: null,
        matcher: 'accepts this URL',
        note: null,
      });
    }
  });

  it('a matcher that excludes a same-origin API: not expected, with the matcher named', async () => {
    await visit(ff, world.appUrl, 'case=exclude');
    await expectDetail(ff, api('/api/health'), 'not-expected', {
      verdict: 'not expected',
      reason: 'your tokenUrlMatcher leaves this same-origin API out: if its backend logs should link, add it',
      fix: 'make tokenUrlMatcher return true for it',
      matcher: 'leaves this URL out',
      note: null,
    });
    expect(await countOf(ff, 'missing')).toBe(0);
  });

  it('a matcher that throws: the default scope decides, and the reason does not pretend to know fetch from XHR', async () => {
    await visit(ff, world.appUrl, 'case=throws');
    await expectDetail(ff, api('/api/legacy/report'), 'missing', {
      verdict: 'missing',
      // Chromium says "this fetch": Firefox's HAR does not tell a fetch from an XHR.
      reason:
        'no session token header on this fetch or XHR (in scope: same-origin; your tokenUrlMatcher: unknown — it threw an error)',
      fix: 'add the header — e.g. widen tokenUrlMatcher or set it in your fetch wrapper',
      matcher: 'unknown — it threw an error',
      note: null,
    });
  });

  it('no matcher: the token sent to a partner origin is marked outside scope and counted', async () => {
    await visit(ff, world.appUrl, 'case=no-matcher');
    await expectDetail(ff, `${world.openOrigin}/partner/rates`, 'outside-scope', {
      verdict: 'token outside scope',
      reason: `the token goes to ${world.openOrigin}, outside the audit scope: the tracker has no tokenUrlMatcher, so it adds the header to every origin — the token is shared with a third party, and its CORS may refuse the header`,
      fix: 'limit the header with network.tokenUrlMatcher, e.g. tokenUrlMatcher: (url) => new URL(url, location.href).origin === location.origin',
      matcher: null,
      note: null,
    });
    expect(await countOf(ff, 'outside-scope')).toBe(1);
  });

  it('a sampled-out start (403): Requests calls nothing missing, and Session says it is not recording', async () => {
    await visit(ff, world.appUrl, 'case=sampled');
    await expectDetail(ff, api('/api/users/42'), 'not-expected', {
      reason:
        "the session is sampled out: the tracker's start was answered 403 (capture rate miss), so no request carries a token",
    });
    expect(await countOf(ff, 'missing')).toBe(0);
    await showArea(ff, 'session');
    expect(await panelText(ff, 'not-recording-text')).toBe(
      "Sampled out: the tracker's start was answered 403 (capture rate miss). This session is not recorded, by design, so there is no token and no request carries the header.",
    );
    await showArea(ff, 'requests');
  });

  it('a fetch saved before the tracker started: missing, with the bypass reason', async () => {
    await visit(ff, world.appUrl, 'case=saved-fetch');
    await expectDetail(ff, api('/api/users/42'), 'missing', {
      verdict: 'missing',
      reason:
        'your tokenUrlMatcher accepts this URL, yet it went without the header: the request bypassed the tracker (a fetch saved before the tracker started, a Web Worker, a client such as ky)',
      fix: 'call window.fetch when the request is made (not a copy saved before tracker.start()), or add the header yourself from tracker.getSessionToken()',
      matcher: 'accepts this URL',
      note: null,
    });
  });

  it("requests the tracker cannot reach name their mechanism, a Worker's fetch included", async () => {
    await visit(ff, world.appUrl, 'case=unreachable');
    const reach = "the tracker's patch never reaches it";
    await expectDetail(ff, api('/api/beacon'), 'not-expected', {
      reason: `a beacon: navigator.sendBeacon cannot set request headers, and ${reach}`,
    });
    await expectDetail(ff, api('/api/form'), 'not-expected', {
      reason: `a form post: the browser submits it as a navigation, and ${reach}`,
    });
    await expectDetail(ff, api('/api/socket').replace(/^http/, 'ws'), 'not-expected', {
      reason: `a WebSocket: the browser API cannot set request headers, and ${reach}`,
    });
    await expectDetail(ff, api('/api/events'), 'not-expected', {
      reason: `an EventSource: the browser API cannot set request headers, and ${reach}`,
    });
    // Firefox's HAR has no initiator: the page's own timeline tells that no document made this fetch.
    for (const path of ['/api/users/42/preferences', '/api/users/42/settings']) {
      await expectDetail(ff, api(path), 'missing', {
        reason: "a fetch from a Web Worker: the tracker patches the page's fetch and XHR only, never a worker's",
        fix: 'pass the token to the worker (postMessage tracker.getSessionToken()) and add the header there',
      });
    }
  });

  it('reports no script errors from any extension page', async () => {
    expect((await ff.extensionConsole()).filter((m) => m.error)).toEqual([]);
  });
});
