/**
 * Where a restriction stands, said in words and not only in colour (WCAG 1.4.1; SPEC RGT-RST-07):
 * lifted, ended, not yet started, escalated (its review date passed without a confirmation: it
 * stays in force, never lifted by time), due for review, or in force.
 */
import type { Restriction } from '../../../contracts/restrictions.js';

export type RestrictionState = 'lifted' | 'ended' | 'escalated' | 'review_due' | 'active' | 'not_started';

export function restrictionState(
  restriction: Pick<Restriction, 'liftedAt' | 'active' | 'escalated' | 'reviewDue' | 'endsOn' | 'startsOn'>,
  today: string,
): RestrictionState {
  if (restriction.liftedAt !== null) return 'lifted';
  if (restriction.escalated) return 'escalated';
  if (restriction.reviewDue) return 'review_due';
  if (restriction.active) return 'active';
  return restriction.endsOn !== null && restriction.endsOn < today ? 'ended' : 'not_started';
}

/** The badge that repeats the words; a restriction in force needs none. */
export const STATE_BADGE: Record<RestrictionState, string | undefined> = {
  escalated: 'badge badge--overdue',
  review_due: 'badge badge--special',
  lifted: 'badge badge--muted',
  ended: 'badge badge--muted',
  not_started: 'badge badge--muted',
  active: undefined,
};
