import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests share one Chromium per file; two files at a time suits a 2-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    hookTimeout: 120_000,
  },
});
