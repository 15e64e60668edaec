/**
 * Anonymised statistics of a framework (issue 6 scope 9; SPEC PUR-03: "Statistics MUST only be
 * produced from anonymised aggregates"; RET-05; L2007 art. 4 §1 2° and 5°): counts of cases by
 * state and by purpose, and the workflow's durations in whole days, never a list. A count below
 * the threshold is suppressed, and so is every count from which a suppressed one could be worked
 * back (complementary suppression): the published counts and the total must never give it away.
 */
import {
  DURATION_MEASURES,
  type FrameworkStatistics,
  STATISTICS_STATES,
} from '../../../contracts/statistics.js';
import { PURPOSE_CODES } from '../../../contracts/legal-codes.js';

/** One case of the framework as the statistics read it (migration 0036: no id, no party, no content). */
export interface CaseFacts {
  state: string;
  purposes: readonly string[];
  signalledAt: Date | null;
  signalDecidedAt: Date | null;
  firstConsultationAt: Date | null;
  closedAt: Date | null;
}

const MS_PER_DAY = 86_400_000;

/**
 * The counts of `cells` (which add up to `total`) with the small ones suppressed (null): a count
 * below `threshold` (but not zero) is suppressed; then, while one suppressed count alone, or
 * suppressed counts adding up to less than the threshold, could be worked back from the total and
 * the published counts, the smallest published non-zero count is suppressed too, and when none is
 * left, the total itself. A total below the threshold suppresses every non-zero count.
 */
export function suppressSmallCounts(
  cells: readonly number[],
  total: number,
  threshold: number,
): { cells: (number | null)[]; total: number | null } {
  const hidden = cells.map((n) => n > 0 && (n < threshold || total < threshold));
  let totalHidden = total > 0 && total < threshold;
  const suppressedSum = () => cells.reduce((sum, n, i) => (hidden[i] ? sum + n : sum), 0);
  while (
    !totalHidden &&
    hidden.some(Boolean) &&
    (hidden.filter(Boolean).length === 1 || suppressedSum() < threshold)
  ) {
    let smallest = -1;
    cells.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (smallest === -1 || n < cells[smallest]!)) smallest = i;
    });
    if (smallest === -1) totalHidden = true;
    else hidden[smallest] = true;
  }
  return { cells: cells.map((n, i) => (hidden[i] ? null : n)), total: totalHidden ? null : total };
}

const days = (from: Date, to: Date): number => Math.floor((to.getTime() - from.getTime()) / MS_PER_DAY);

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

const MEASURES: Record<(typeof DURATION_MEASURES)[number], (c: CaseFacts) => [Date | null, Date | null]> = {
  signal_to_decision: (c) => [c.signalledAt, c.signalDecidedAt],
  decision_to_first_consultation: (c) => [c.signalDecidedAt, c.firstConsultationAt],
  signal_to_closure: (c) => [c.signalledAt, c.closedAt],
};

/** The aggregates of a framework's cases, suppressed below `threshold`. */
export function frameworkAggregates(
  cases: readonly CaseFacts[],
  threshold: number,
): Pick<FrameworkStatistics, 'total' | 'casesByState' | 'purposes' | 'durations'> {
  const byState = suppressSmallCounts(
    STATISTICS_STATES.map((state) => cases.filter((c) => c.state === state).length),
    cases.length,
    threshold,
  );
  // A case may serve several purposes; suppressing as if they added up to the total is the cautious reading.
  const byPurpose = suppressSmallCounts(
    PURPOSE_CODES.map((code) => cases.filter((c) => c.purposes.includes(code)).length),
    cases.length,
    threshold,
  );
  return {
    total: byState.total,
    casesByState: STATISTICS_STATES.map((state, i) => ({ state, count: byState.cells[i]! })),
    purposes: PURPOSE_CODES.map((purpose, i) => ({ purpose, count: byPurpose.cells[i]! })),
    durations: DURATION_MEASURES.map((measure) => {
      const spans = cases
        .map(MEASURES[measure])
        .filter((pair): pair is [Date, Date] => pair[0] !== null && pair[1] !== null)
        .map(([from, to]) => days(from, to))
        .sort((a, b) => a - b);
      if (spans.length < threshold)
        return { measure, caseCount: spans.length === 0 ? 0 : null, medianDays: null, meanDays: null };
      const mean = Math.round(spans.reduce((sum, n) => sum + n, 0) / spans.length);
      return { measure, caseCount: spans.length, medianDays: median(spans), meanDays: mean };
    }),
  };
}
