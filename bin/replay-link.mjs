#!/usr/bin/env node
// `replay-link audit <url>`: runs the TypeScript sources through tsx, as `npm run audit` does.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
