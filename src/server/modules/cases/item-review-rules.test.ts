import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  erasureReviewDueOn,
  erasureReviewOverdue,
  reviewCandidatesBefore,
  reviewDue,
  reviewDueOn,
} from './item-review-rules.js';

const settings = { reviewMonths: 6, erasureReviewDays: 30 };
const at = (iso: string) => new Date(iso);

describe('item review rules', () => {
  it('SEC-11 an item is due for review from the same day, the configured months after its last check, in Brussels', () => {
    // Checked at 00:30 on 1 March in Brussels (23:30 UTC the day before).
    const checked = at('2026-02-28T23:30:00Z');
    expect(reviewDueOn(checked, settings)).toBe('2026-09-01');
    expect(reviewDue(checked, at('2026-08-31T21:59:59Z'), settings)).toBe(false);
    expect(reviewDue(checked, at('2026-08-31T22:00:00Z'), settings)).toBe(true);
    // A shorter month ends the period on its last day.
    expect(reviewDueOn(at('2026-08-31T10:00:00Z'), settings)).toBe('2027-02-28');
    expect(reviewDueOn(at('2026-03-02T09:00:00Z'), { reviewMonths: 12 })).toBe('2027-03-02');
  });

  it('SEC-11 the database bound keeps every item due, whatever the month lengths', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('2025-01-01T00:00:00Z'), max: at('2028-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 24 }),
        (now, daysBack, reviewMonths) => {
          const checked = new Date(now.getTime() - daysBack * 86_400_000);
          if (reviewDue(checked, now, { reviewMonths })) {
            expect(checked.getTime()).toBeLessThan(reviewCandidatesBefore(now, { reviewMonths }).getTime());
          }
        },
      ),
    );
  });

  it('SEC-11 the erasure review ends the configured days after the blocking, overdue from the next day in Brussels', () => {
    const blocked = at('2026-03-02T09:00:00Z');
    expect(erasureReviewDueOn(blocked, settings)).toBe('2026-04-01');
    // 1 April 2026 ends at 22:00 UTC (summer time).
    expect(erasureReviewOverdue(blocked, at('2026-04-01T21:59:59Z'), settings)).toBe(false);
    expect(erasureReviewOverdue(blocked, at('2026-04-01T22:00:00Z'), settings)).toBe(true);
    expect(erasureReviewDueOn(blocked, { erasureReviewDays: 7 })).toBe('2026-03-09');
  });
});
