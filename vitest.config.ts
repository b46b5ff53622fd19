// Test runner settings: Node environment, a DST time zone so date handling is tested where it can drift.
import { defineConfig } from 'vitest/config';

process.env.TZ = 'Europe/Helsinki';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
