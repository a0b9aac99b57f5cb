import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Stops the run at once, in one line, when a selected file needs a system tool that is not here.
    globalSetup: ['test/setup/system-tools.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Servers started by integration tests bind to ephemeral loopback ports; files run in parallel workers.
    pool: 'forks',
    // CI also writes a JSON report so .ci/run can print a plain "N passed, N failed" closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]] : ['default'],
  },
});
