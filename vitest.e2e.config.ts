import { defineConfig } from 'vitest/config';

// Real Chromium with the real DevTools panel: one file at a time, the machine has 2 cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/e2e.json' },
  },
});
