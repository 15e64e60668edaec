import type { TestDatabase } from '../test/support/postgres-cluster.js';

/** What every benchmark scenario gets from the runner. */
export interface BenchContext {
  /** A fresh migrated database of its own (dropped by the runner at the end). */
  createDatabase(): Promise<TestDatabase>;
}

/** One measured row: `value` and `baseline` in the same unit, measured in the same run. */
export interface BenchRow {
  scenario: string;
  unit: string;
  value: number;
  baseline: number;
  /** value / baseline (for "higher is better" units) — what the issues set aims on. */
  ratio: number;
  note?: string;
}

export type BenchScenario = (ctx: BenchContext) => Promise<BenchRow[]>;
