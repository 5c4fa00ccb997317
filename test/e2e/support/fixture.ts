import { resolve } from 'node:path';
import { startSumoServer, type SumoServer, type SumoServerOptions } from '../../../sumo-server/index.ts';
import { startDemoWorld, type DemoWorld } from '../../../demo/world.ts';
import { openPanel, type LaunchOptions, type PanelSession } from '../../../tooling/devtools-panel.ts';
import { demoExtensionStorage, DEMO_CREDENTIALS } from '../../../demo/demo-settings.ts';

/** The extension build under test: `npm run test:e2e` builds dist-demo first. */
export const EXTENSION_DIR = resolve(process.env.REPLAY_LINK_EXTENSION_DIR ?? 'dist-demo');

export interface Demo {
  sumo: SumoServer;
  world: DemoWorld;
  close(): Promise<void>;
}

/** The SumoLogic-compatible server and the demo world, wired as `npm start` wires them. */
export async function startDemo(
  opts: { gatherMessagesPerSecond?: number; sumo?: SumoServerOptions } = {},
): Promise<Demo> {
  const sumo = await startSumoServer({
    credentials: [DEMO_CREDENTIALS],
    ...(opts.gatherMessagesPerSecond ? { gatherMessagesPerSecond: opts.gatherMessagesPerSecond } : {}),
    ...opts.sumo,
  });
  const world = await startDemoWorld({ sumoReceiverUrl: sumo.receiverUrl, log: () => undefined });
  return {
    sumo,
    world,
    async close() {
      await world.close();
      await sumo.close();
    },
  };
}

/** Opens the real panel on `path` of the demo app, with the extension pointed at the local server. */
export function openDemoPanel(demo: Demo, path = '/', extra: Partial<LaunchOptions> = {}): Promise<PanelSession> {
  return openPanel({
    extensionDir: EXTENSION_DIR,
    url: new URL(path, demo.world.appUrl).toString(),
    seedStorage: demoExtensionStorage(demo.sumo.url),
    ...extra,
  });
}
