import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoPanel, startDemo, type Demo } from './support/fixture.ts';
import { expectDetail, POLL, showArea, visit } from './support/audit-lab.ts';
import type { PanelSession } from '../../tooling/devtools-panel.ts';

// The version matrix: four real @openreplay/tracker releases from npm (installed side by side as
// aliases), each on the demo's audit lab page with a matcher that leaves the health check out.
// For each: the panel discovers the session, reads the options and gives the same verdicts.

const VERSIONS: ReadonlyArray<[query: string, version: string]> = [
  ['v14', '14.0.14'],
  ['v16', '16.4.10'],
  ['v17', '17.2.11'],
  ['v19', '19.0.1'],
];

describe('tracker version matrix (real trackers, real panel)', () => {
  let demo: Demo;
  let s: PanelSession;
  let app: string;

  beforeAll(async () => {
    demo = await startDemo();
    app = demo.world.appUrl.replace(/\/$/, '');
    s = await openDemoPanel(demo, '/audit.html?case=exclude&tracker=v19');
  });
  afterAll(async () => {
    await s?.close();
    await demo?.close();
  });

  for (const [query, version] of VERSIONS) {
    it(`tracker ${version}: session discovered, options read, verdicts given`, async () => {
      await visit(s, demo.world.appUrl, `case=exclude&tracker=${query}`);
      const token = (await s.page.getByTestId('token').textContent()) ?? '';
      expect(token).toMatch(/^\w+\.-?\w+\.\w+\.\w+$/);
      expect(demo.world.sessions().some((x) => x.token === token)).toBe(true);

      await showArea(s.panel, 'Session');
      await expect.poll(() => s.panel.getByTestId('current-token').textContent(), POLL).toBe(token);
      await expect
        .poll(() => s.panel.getByTestId('tracker-setup-version').textContent(), POLL)
        .toBe(`, tracker ${version}`);
      expect(await s.panel.getByTestId('tracker-header-option').textContent()).toBe(
        'The tracker adds X-OpenReplay-SessionToken to requests its tokenUrlMatcher accepts.',
      );
      expect(await s.panel.getByTestId('tracker-ingest').textContent()).toBe(demo.world.ingestUrl);

      await showArea(s.panel, 'Requests');
      await expectDetail(s.panel, `${app}/api/users/42`, 'carries', {
        verdict: 'carries token',
        reason: 'X-OpenReplay-SessionToken carries the current token',
        matcher: 'accepts this URL',
      });
      await expectDetail(s.panel, `${app}/api/health`, 'not-expected', {
        reason: 'your tokenUrlMatcher leaves this same-origin API out: if its backend logs should link, add it',
        matcher: 'leaves this URL out',
      });
      expect(Number(await s.panel.getByTestId('count-missing').getAttribute('data-count'))).toBe(0);
    });
  }
});
