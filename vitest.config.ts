import { defineConfig } from 'vitest/config';

// Unit and contract tests: Node only, no browser. e2e lives in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx', 'test/sumo-server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
