/**
 * How a statistics cell reads (SPEC PUR-03: anonymised aggregates only): a suppressed count, below
 * the framework's threshold or one that would reveal one, reads "< threshold", never a number; a
 * duration nobody can compute reads as not available.
 */
export type Cell = { kind: 'count'; value: number } | { kind: 'suppressed'; text: string };

export function countCell(count: number | null, threshold: number): Cell {
  return count === null ? { kind: 'suppressed', text: `< ${threshold}` } : { kind: 'count', value: count };
}
