/**
 * `npm start`: builds the extension, starts the local SumoLogic-compatible server, the OpenReplay
 * ingest stand-in, the demo app and its backend on free loopback ports, and opens Chromium with the
 * extension loaded and DevTools open on the demo app. Ctrl-C stops everything it started.
 *
 *   npm start                                   a real window (needs a display)
 *   npm start -- --headless --screenshot x.png  no display: writes a picture of the app + panel
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startSumoServer } from '../sumo-server/index.ts';
import { startDemoWorld } from './world.ts';
import { buildDemoExtension } from '../tooling/build-extension.ts';
import { openPanel, screenshotDevtools, type PanelSession } from '../tooling/devtools-panel.ts';
import { sideBySide } from '../tooling/composite.ts';
import { demoExtensionStorage, DEMO_CREDENTIALS } from './demo-settings.ts';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
  },
});

const stoppers: Array<() => Promise<void>> = [];
let stopping = false;
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

async function main(): Promise<void> {
  const headless = values.headless || !!values.screenshot;
  console.log('Replay Link demo: building the extension (demo build, dist-demo/)…');
  const extensionDir = await buildDemoExtension();

  const sumo = await startSumoServer({ credentials: [DEMO_CREDENTIALS] });
  stoppers.push(() => sumo.close());
  const world = await startDemoWorld({ sumoReceiverUrl: sumo.receiverUrl, log: () => undefined });
  stoppers.push(() => world.close());

  console.log(`
  Demo app (real @openreplay/tracker)   ${world.appUrl}
  OpenReplay ingest stand-in            ${world.ingestUrl}
  Partner API, preflight refuses header ${world.strictOrigin}
  Partner API, preflight allows header  ${world.openOrigin}
  SumoLogic-compatible server           ${sumo.url}/api  (access id ${DEMO_CREDENTIALS.accessId}, key ${DEMO_CREDENTIALS.accessKey})
  Customer session from yesterday       ${world.customerSession.sessionUrl}
                                        (paste it in Session → Use a session by hand; see the README's support walk-through)
  Extension (demo build)                ${extensionDir}
`);

  if (values['no-browser']) {
    console.log('Serving without a browser (--no-browser). Ctrl-C stops everything.');
    return;
  }
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log(
      'No display found, so no browser window can open here. Everything above keeps running; load\n' +
        `${extensionDir} unpacked in a browser elsewhere, or run headless and get a picture instead:\n\n` +
        '  npm start -- --headless --screenshot shot.png\n\nCtrl-C stops everything.',
    );
    return;
  }

  const session: PanelSession = await openPanel({
    extensionDir,
    url: world.appUrl,
    headless,
    seedStorage: demoExtensionStorage(sumo.url),
    // Headless, the picture puts the app and the panel side by side; a window fits its screen.
    viewport: headless ? { width: 2100, height: 1000 } : { width: 1600, height: 1000 },
    fitScreen: !headless,
  });
  stoppers.push(() => session.close());

  if (values.screenshot) {
    const file = resolve(values.screenshot);
    await session.page.getByTestId('token').filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
    await session.page.getByTestId('run-all').click();
    await session.page.getByTestId('run-all-done').waitFor({ timeout: 30_000 });
    await session.panel
      .locator('[data-testid="current-token"]')
      .filter({ hasText: /\S/ })
      .first()
      .waitFor({ timeout: 20_000 })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 800));
    const app = await session.page.screenshot();
    const devtools = await screenshotDevtools(session);
    await sideBySide(session.context, app, devtools, file);
    console.log(`Screenshot of the demo app and the Replay Link panel written to ${file}`);
    await stopAll(0);
  }
  console.log(
    'Chromium is open on the demo app, DevTools docked with the Replay Link panel selected. Ctrl-C stops everything.\n' +
      `(DevTools protocol of this browser, for tools: ${session.debuggingUrl})`,
  );
  session.context.on('close', () => void stopAll(0));
}

main().catch(async (err: unknown) => {
  console.error(`npm start failed: ${err instanceof Error ? err.message : String(err)}`);
  await stopAll(1);
});
