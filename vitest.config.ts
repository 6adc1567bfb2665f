import { defineConfig } from 'vitest/config';

// One runner for every layer: pure domain, database, routes (app.inject) and browser journeys.
// Database-backed files share one PostgreSQL server started in globalSetup; each file gets its own
// database cloned from a migrated template, so files can run in parallel without seeing each other.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // CI asks for a JSON report too (VITEST_JSON=path) to print the closing "N passed, N failed" line.
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
});
