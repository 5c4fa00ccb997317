import { defineConfig } from 'vitest/config';

// The Firefox build: web-ext lint and a load check in real Firefox (firefox-esr, WebDriver BiDi).
// Expects dist-firefox/ (npm run test:firefox builds it first).
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/firefox.json' },
  },
});
