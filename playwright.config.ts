import { defineConfig } from '@playwright/test';
import { chromiumPath, QUIET_FLAGS } from './tooling/chromium.ts';

// The sample suite of the `replay-link/playwright` fixture (test/playwright/). `npm test` runs it
// from test/e2e/playwright-fixture.e2e.ts and checks its JSON report; CI suites shard it with
// `npx playwright test --shard=1/4` like any Playwright suite.
export default defineConfig({
  testDir: 'test/playwright',
  timeout: 60_000,
  workers: 1,
  reporter: 'list',
  outputDir: 'reports/playwright-results',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath(), args: QUIET_FLAGS },
  },
});
