/**
 * The rules of the contested marking and of the court actions (L2007/L1992 arts 14-15; SPEC
 * RGT-CON-01, RGT-CON-03, RGT-CRT-01, A-22). Pure: the service loads the facts.
 */
import type { ClearContestedMark, ContestedCause } from '../../../contracts/contested.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { type CivilDate, parseCivilDate } from '../../kernel/legal-rules/index.js';

export const CONTESTED_RULE = 'L2007 art. 15; L1992 art. 15 (SPEC RGT-CON-01)';
export const CLEARANCE_RULE = 'L2007 art. 15 (SPEC RGT-CON-03, A-22)';
export const COURT_ACTION_RULE = 'L2007 art. 14 §1-§4, §6 (SPEC RGT-CRT-01, RGT-CRT-03)';

/** `value` as a civil date, or the issue that names `field`. */
function civilDateIssue(field: string, value: string): FieldIssue | CivilDate {
  try {
    return parseCivilDate(value);
  } catch {
    return { field, message: 'is not a calendar date' };
  }
}

/** A day of an end event or an order: a real date, not after today. */
function pastDayIssues(field: string, value: string, today: CivilDate, notBefore?: CivilDate): FieldIssue[] {
  const date = civilDateIssue(field, value);
  if (typeof date !== 'string') return [date];
  if (date > today) return [{ field, message: 'is in the future' }];
  if (notBefore && date < notBefore) return [{ field, message: 'is before the marking started' }];
  return [];
}

/**
 * RGT-CON-03, A-22: a mark ends only on a recorded basis. Art. 15 speaks of a decision "coulée en
 * force de chose jugée": a judgment needs its reference, its date and the confirmation that it is
 * res judicata. A request settled without a court ends when it is executed in full or withdrawn in
 * writing. A court action ends with its judgment or its withdrawal, never by the execution
 * of a request: the order of the president is only provisionally enforceable (art. 14 §2 al. 2).
 */
export function clearanceIssues(
  input: ClearContestedMark,
  mark: { cause: ContestedCause; startedOn: CivilDate },
  today: CivilDate,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!input.basis) {
    issues.push({
      field: '/body/basis',
      message:
        'select the basis of the end of the marking: final judgment, request executed or request withdrawn',
    });
  } else if (mark.cause === 'court_action' && input.basis === 'request_executed') {
    issues.push({
      field: '/body/basis',
      message: 'a court action ends with its final judgment or its withdrawal',
    });
  }
  if (input.date === undefined)
    issues.push({ field: '/body/date', message: 'give the day of the end event' });
  else issues.push(...pastDayIssues('/body/date', input.date, today, mark.startedOn));
  if (input.basis === 'final_judgment') {
    if (input.reference === undefined)
      issues.push({ field: '/body/reference', message: 'give the reference of the judgment' });
    if (input.resJudicataConfirmed !== true) {
      issues.push({
        field: '/body/resJudicataConfirmed',
        message: 'confirm that the judgment has the force of res judicata',
      });
    }
  } else if (input.resJudicataConfirmed === true) {
    issues.push({ field: '/body/resJudicataConfirmed', message: 'only a final judgment is res judicata' });
  }
  return issues;
}

/** RGT-CON-01: the notification of the court action starts the marking; it cannot be in the future. */
export function notificationIssues(notifiedAt: Date, now: Date): FieldIssue[] {
  return notifiedAt.getTime() > now.getTime()
    ? [{ field: '/body/notifiedAt', message: 'is in the future' }]
    : [];
}

/** RGT-CRT-01: an order of the president, given at the latest today. */
export function orderIssues(orderedOn: string, today: CivilDate): FieldIssue[] {
  return pastDayIssues('/body/orderedOn', orderedOn, today);
}

/**
 * RGT-CON-01: the controller marks its own items (art. 15: "le responsable du traitement doit
 * indiquer"); one it does not see, or another controller's, is refused by its index in the list.
 */
export function markableIssues(
  itemIds: readonly string[],
  controllers: ReadonlyMap<string, string>,
  organisationId: string,
): FieldIssue[] {
  return itemIds.flatMap((id, index) => {
    const field = `/body/itemIds/${index}`;
    const controller = controllers.get(id);
    if (controller === undefined) return [{ field, message: 'is not an item of this case' }];
    if (controller !== organisationId)
      return [{ field, message: 'is controlled by another organisation: its controller marks it' }];
    return [];
  });
}
