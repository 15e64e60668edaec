import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseFacts, frameworkAggregates, suppressSmallCounts } from './statistics-rules.js';

describe('small counts in the statistics (SPEC PUR-03)', () => {
  it('PUR-03 suppresses a count below 5 and the smallest other count, so that neither can be worked back', () => {
    // 3 alone hidden would be 20 − 17: the smallest published count (5) is hidden with it.
    expect(suppressSmallCounts([12, 3, 5, 0], 20, 5)).toEqual({ cells: [12, null, null, 0], total: 20 });
    // Two hidden counts adding up to less than 5 (1 + 2) are still too small: a third is hidden.
    expect(suppressSmallCounts([10, 1, 2, 6], 19, 5)).toEqual({ cells: [10, null, null, null], total: 19 });
    expect(suppressSmallCounts([10, 1, 2, 16], 29, 5)).toEqual({ cells: [null, null, null, 16], total: 29 });
    // Nothing small: nothing hidden; zeros tell no one anything.
    expect(suppressSmallCounts([5, 0, 7], 12, 5)).toEqual({ cells: [5, 0, 7], total: 12 });
  });

  it('PUR-03 a total below 5 hides the total and every count but the zeros', () => {
    expect(suppressSmallCounts([3, 0, 1], 4, 5)).toEqual({ cells: [null, 0, null], total: null });
    expect(suppressSmallCounts([0, 0], 0, 5)).toEqual({ cells: [0, 0], total: 0 });
  });

  it('PUR-03 no suppressed count can be worked back from the total and the published counts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 9 }), (cells) => {
        const total = cells.reduce((sum, n) => sum + n, 0);
        const shown = suppressSmallCounts(cells, total, 5);
        // Every published count is the true one, and no published count is between 1 and 4.
        shown.cells.forEach((n, i) => {
          if (n !== null) {
            expect(n).toBe(cells[i]);
            expect(n === 0 || n >= 5).toBe(true);
          }
        });
        const hidden = cells.filter((_, i) => shown.cells[i] === null);
        if (hidden.length > 0 && shown.total !== null) {
          // What the reader can work out is the sum of the hidden counts: never one small count.
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          expect(hidden.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(5);
        }
        if (shown.total === null) expect(shown.cells.every((n) => n === null || n === 0)).toBe(true);
      }),
    );
  });
});

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 10));
const closedCase = (signalledDay: number, decidedDay: number, closedDay: number): CaseFacts => ({
  state: 'closed',
  purposes: ['P1'],
  signalledAt: day(signalledDay),
  signalDecidedAt: day(decidedDay),
  firstConsultationAt: day(decidedDay + 7),
  closedAt: day(closedDay),
});

describe('the aggregates of a framework (SPEC PUR-03)', () => {
  it('PUR-03 counts by state and purpose and gives the durations in whole days, with no list of cases', () => {
    const cases = [
      closedCase(0, 2, 30),
      closedCase(0, 4, 40),
      closedCase(0, 6, 50),
      closedCase(0, 8, 60),
      closedCase(0, 10, 70),
      {
        ...closedCase(0, 1, 0),
        state: 'signalled',
        purposes: ['P1', 'P2'],
        signalDecidedAt: null,
        firstConsultationAt: null,
        closedAt: null,
      },
    ];
    const aggregates = frameworkAggregates(cases, 5);
    expect(aggregates.total).toBe(6);
    // 1 signalled alone would be 6 − 5: the closed count is hidden with it.
    expect(aggregates.casesByState.find((s) => s.state === 'signalled')?.count).toBeNull();
    expect(aggregates.casesByState.find((s) => s.state === 'closed')?.count).toBeNull();
    expect(aggregates.casesByState.find((s) => s.state === 'in_consultation')?.count).toBe(0);
    // Purposes are suppressed as cautiously, as if each case served one: P2 (1) hides P1 (6) too.
    expect(aggregates.purposes).toEqual([
      { purpose: 'P1', count: null },
      { purpose: 'P2', count: null },
      { purpose: 'P3', count: 0 },
    ]);
    expect(aggregates.durations).toEqual([
      { measure: 'signal_to_decision', caseCount: 5, medianDays: 6, meanDays: 6 },
      { measure: 'decision_to_first_consultation', caseCount: 5, medianDays: 7, meanDays: 7 },
      { measure: 'signal_to_closure', caseCount: 5, medianDays: 50, meanDays: 50 },
    ]);
    expect(JSON.stringify(aggregates)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('PUR-03 a duration measured on fewer than 5 cases is not given', () => {
    const aggregates = frameworkAggregates([closedCase(0, 2, 30), closedCase(0, 3, 31)], 5);
    expect(aggregates.total).toBeNull();
    expect(aggregates.durations[0]).toEqual({
      measure: 'signal_to_decision',
      caseCount: null,
      medianDays: null,
      meanDays: null,
    });
  });
});
