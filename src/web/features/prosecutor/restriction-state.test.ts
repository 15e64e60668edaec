/** Where a restriction stands, in words (SPEC RGT-RST-07: reminded on the review date, escalated after, never lifted by time). */
import { describe, expect, it } from 'vitest';
import { restrictionState, STATE_BADGE } from './restriction-state.js';

const inForce = {
  liftedAt: null,
  active: true,
  escalated: false,
  reviewDue: false,
  startsOn: '2026-12-01',
  endsOn: null,
};

describe('the state of a restriction', () => {
  it('RGT-RST-07 in force, due for review on its date, escalated after it and still in force; lifted only by a decision', () => {
    expect(restrictionState(inForce, '2026-12-05')).toBe('active');
    expect(restrictionState({ ...inForce, reviewDue: true }, '2027-12-01')).toBe('review_due');
    expect(restrictionState({ ...inForce, reviewDue: true, escalated: true }, '2027-12-02')).toBe(
      'escalated',
    );
    expect(
      restrictionState({ ...inForce, active: false, liftedAt: '2027-01-10T10:00:00Z' }, '2027-01-11'),
    ).toBe('lifted');
    expect(restrictionState({ ...inForce, active: false, endsOn: '2027-01-31' }, '2027-02-01')).toBe('ended');
    expect(restrictionState({ ...inForce, active: false, startsOn: '2027-01-01' }, '2026-12-05')).toBe(
      'not_started',
    );
  });

  it('RGT-RST-07 an escalation and a due review are marked by a badge that repeats the words', () => {
    expect(STATE_BADGE.escalated).toContain('badge--overdue');
    expect(STATE_BADGE.review_due).toContain('badge--special');
    expect(STATE_BADGE.active).toBeUndefined();
  });
});
