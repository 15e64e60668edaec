/**
 * What a prohibition from managing a processing forbids, as pure rules (L1992 art. 41 §2; SPEC
 * PEN-17, PEN-18). The court prohibits the person "de gérer, personnellement ou par personne
 * interposée, ... tout traitement de données à caractère personnel". In Concerto the roles that
 * manage a processing are the operator's (the host administers the platform as processor of every
 * participant, bill art. 3 §1 al. 2) and the DPO's (it acts for its controller on the processing:
 * its register, declaration, rights desk, processors and supervisory cases, L2007 art. 17bis).
 * Taking part in consultations, representing an authority at them (bill art. 5) or inspecting for
 * the Commission manages no processing.
 */
import type { AccountRole } from '../../../contracts/identity.js';
import type { RecordProhibition } from '../../../contracts/prohibitions.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { type CivilDate, compareCivilDates } from '../../kernel/legal-rules/civil-date.js';

/** The rule every refusal of this module cites. */
export const PROHIBITION_RULE = 'L1992 art. 41 §2 (SPEC PEN-17)';

/** The roles that manage a processing (see above). */
export const MANAGING_ROLES: readonly AccountRole[] = ['operator', 'dpo'];

/** The managing roles among `roles`. */
export const managingRolesIn = (roles: readonly string[]): AccountRole[] =>
  MANAGING_ROLES.filter((role) => roles.includes(role));

/** The period runs on `day` (both ends included). */
export const runsOn = (period: { startsOn: string; endsOn: string }, day: CivilDate): boolean =>
  compareCivilDates(period.startsOn as CivilDate, day) <= 0 &&
  compareCivilDates(day, period.endsOn as CivilDate) <= 0;

/** The period has not ended on `day`: it runs, or starts later. */
export const notEndedOn = (period: { endsOn: string }, day: CivilDate): boolean =>
  compareCivilDates(day, period.endsOn as CivilDate) <= 0;

/** Input issues beyond the two-year bound (the legal-rules module's): the judgment comes first. */
export function prohibitionIssues(
  input: Pick<RecordProhibition, 'judgmentDate' | 'startsOn' | 'endsOn'>,
  today: CivilDate,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (compareCivilDates(input.judgmentDate as CivilDate, today) > 0) {
    issues.push({ field: '/body/judgmentDate', message: 'is in the future' });
  }
  if (compareCivilDates(input.judgmentDate as CivilDate, input.startsOn as CivilDate) > 0) {
    issues.push({
      field: '/body/startsOn',
      message: 'a prohibition the court orders starts on or after its judgment',
    });
  }
  if (compareCivilDates(input.endsOn as CivilDate, today) < 0) {
    issues.push({
      field: '/body/endsOn',
      message: 'has passed: a prohibition that has ended forbids nothing any more',
    });
  }
  return issues;
}

/**
 * The roles an account keeps once the managing ones are withdrawn; an empty list means the account
 * has nothing left to do and is deactivated.
 */
export const rolesWithoutManaging = (roles: readonly string[]): string[] =>
  roles.filter((role) => !(MANAGING_ROLES as readonly string[]).includes(role));
