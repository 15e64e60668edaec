import { defineConfig } from 'vitest/config';
import JourneySequencer from './test/e2e/support/sequencer.js';

// Browser journeys against the real server: one fork, one file at a time, generous timeouts
// (the global setup may build Concerto and initialise an embedded PostgreSQL).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    // The case journeys after those that need a demo user's first login (see the sequencer).
    sequence: { concurrent: false, sequencer: JourneySequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
