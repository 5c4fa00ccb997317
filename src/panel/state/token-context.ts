// The token context lives in the core so the CLI and the Playwright fixture judge with it too.
export { tokenContextKey, tokenContextOf } from '../../core/session/token-context.ts';
