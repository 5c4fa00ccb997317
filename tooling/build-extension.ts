import { build } from 'vite';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEMO_DIST = `${ROOT}dist-demo`;

/** Builds the demo/test flavour of the extension (loopback host permissions) into dist-demo/. */
export async function buildDemoExtension(): Promise<string> {
  process.env.REPLAY_LINK_DEMO = '1';
  await build({ root: ROOT, configFile: `${ROOT}vite.config.ts`, logLevel: 'warn' });
  return DEMO_DIST;
}
