// The launcher facts live with the CLI (src may not import tooling); the dev tools share them.
export { chromiumPath, QUIET_FLAGS } from '../src/cli/chromium.ts';
