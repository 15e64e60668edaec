/**
 * The rules of the destruction orders (SPEC PEN-16, RET-09), as pure functions over facts loaded in
 * the transaction: which legal holds yield to an order, which block it; the four eyes; the date of a
 * judgment; the state an order is in.
 */

import type { DestructionOrderKind, OverriddenHold } from '../../db/schema.js';
import type { FieldIssue } from '../../kernel/errors.js';
import {
  COURT_ERASURE,
  compareCivilDates,
  EMERGENCY_DESTRUCTION,
  parseCivilDate,
} from '../../kernel/legal-rules/index.js';

/** A legal hold standing on a case: its id and the court order's reference (never the measure ordered). */
export interface StandingHoldRef {
  holdId: string;
  reference: string;
}

/** A court's reference as holds and orders are compared: case and spacing aside (migration 0039 does the same). */
export const courtReference = (reference: string): string =>
  reference.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * PEN-16 (L1992 art. 41 §1; L2007 art. 14 §7): a legal hold yields only to the order of the court
 * that placed it, that is to an erasure order carrying the hold's own court reference; any other hold
 * blocks. An emergency destruction (RET-09) overrides no hold: SPEC RET-08 says a hold prevents any
 * manual erasure until released, and art. 45 gives the authority no power over a court's measure.
 */
export function sortHolds(
  holds: readonly StandingHoldRef[],
  order: { kind: DestructionOrderKind; reference: string },
): { blocking: StandingHoldRef[]; overridden: OverriddenHold[] } {
  const own = courtReference(order.reference);
  const blocking: StandingHoldRef[] = [];
  const overridden: OverriddenHold[] = [];
  for (const hold of holds) {
    if (order.kind === 'court_erasure' && courtReference(hold.reference) === own)
      overridden.push({ holdId: hold.holdId, courtOrderReference: hold.reference });
    else blocking.push(hold);
  }
  return { blocking, overridden };
}

/** The rule a refusal of the second person cites. */
export const fourEyesRule = (kind: DestructionOrderKind): string =>
  kind === 'court_erasure' ? COURT_ERASURE.fourEyesRule : EMERGENCY_DESTRUCTION.fourEyesRule;

/** Four eyes: the person who recorded (or proposed) the order may not also execute (or approve) it. */
export function fourEyesConflict(
  order: { kind: DestructionOrderKind; recordedBy: string },
  userId: string,
): string | undefined {
  if (order.recordedBy !== userId) return undefined;
  return order.kind === 'court_erasure'
    ? 'You recorded this erasure order: a second, distinct person of your organisation executes it (four eyes)'
    : 'You proposed this emergency destruction: a second, distinct designated authority approves it (four eyes)';
}

/** A judgment is dated on or before today (Brussels). */
export function judgmentDateIssues(judgmentDate: string, today: string): FieldIssue[] {
  let date: ReturnType<typeof parseCivilDate>;
  try {
    date = parseCivilDate(judgmentDate);
  } catch {
    return [{ field: '/body/judgmentDate', message: 'is not a date of the calendar' }];
  }
  return compareCivilDates(date, parseCivilDate(today)) > 0
    ? [
        {
          field: '/body/judgmentDate',
          message: 'is after today: the order is recorded once the judgment is given',
        },
      ]
    : [];
}

export type OrderState = 'recorded' | 'executing' | 'completed';

export function orderState(order: { approved_at: unknown; completed_at: unknown }): OrderState {
  if (order.completed_at !== null) return 'completed';
  return order.approved_at !== null ? 'executing' : 'recorded';
}

/** The legal basis an order cites, in its view and its certificate. */
export const legalBasisOf = (kind: DestructionOrderKind): string =>
  kind === 'court_erasure' ? COURT_ERASURE.rule : EMERGENCY_DESTRUCTION.rule;
