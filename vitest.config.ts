import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Servers started by integration tests bind to loopback ports; files run in parallel workers.
    pool: 'forks',
  },
});
