/**
 * What the royal decrees of an item's controller ask of its items (SPEC DAT-32, DAT-33), as pure
 * functions over the input, the controller's decrees and the civil date in Brussels.
 */
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import { endOfBrusselsDay, parseCivilDate } from '../../kernel/legal-rules/index.js';
import {
  type DecreePeriod,
  PRIOR_NOTICE_RULE,
  SEX_LIFE_RULE,
  type SexLifeStanding,
  sexLifeStanding,
} from '../identity/royal-decree-rules.js';
import type { RuledIssue } from './item-rules.js';

export interface RoyalDecreeFacts {
  /** L1992 art. 8 §5: the controller processes judicial data under a decree in force today. */
  priorNoticeRequired: boolean;
  /** The persons of the case the controller gave prior written notice. */
  notified: ReadonlySet<string>;
  /** The persons of the case the controller sees (others are refused as such, SPEC DAT-17). */
  persons: ReadonlySet<string>;
  /** L2007 art. 6 §3: the controller's individual authorisation to process sexual-life data. */
  sexLife: SexLifeStanding;
}

/**
 * DAT-32: no category-9 item about a person before the controller's prior written notice to them
 * is recorded. DAT-33: an association under an art. 6 §3 decree enters or changes category-15
 * items only while the decree is in force. `previous` is the category an edited item had.
 */
export function royalDecreeIssues(
  input: { category: CategoryCode; personIds: readonly string[] },
  facts: RoyalDecreeFacts,
  previous?: CategoryCode,
): RuledIssue[] {
  const issues: RuledIssue[] = [];
  if (input.category === 'C09' && facts.priorNoticeRequired) {
    input.personIds.forEach((id, index) => {
      if (facts.persons.has(id) && !facts.notified.has(id)) {
        issues.push({
          field: `/body/personIds/${index}`,
          message: 'record the prior written notice your organisation gave this person first',
          rule: PRIOR_NOTICE_RULE,
        });
      }
    });
  }
  if (input.category === 'C15' || previous === 'C15') {
    const { sexLife } = facts;
    if (sexLife.status === 'ended') {
      issues.push({
        field: '/body/category',
        message: `your organisation's royal decree authorisation ended on ${sexLife.endedOn}: no sexual-life data may be processed under it`,
        rule: SEX_LIFE_RULE,
      });
    } else if (sexLife.status === 'not_yet') {
      issues.push({
        field: '/body/category',
        message: `your organisation's royal decree authorisation starts on ${sexLife.from}`,
        rule: SEX_LIFE_RULE,
      });
    }
  }
  return issues;
}

/**
 * DAT-33: a category-15 item whose controller's art. 6 §3 authorisation ended, none taking over,
 * is blocked for every reader from the first instant after its last day, until a renewal.
 */
export function expiredAuthorisationBlock(
  category: string,
  controllerDecrees: readonly DecreePeriod[],
  today: string,
): { reason: 'authorisation_expired'; at: Date } | null {
  if (category !== 'C15') return null;
  const standing = sexLifeStanding(controllerDecrees, today);
  return standing.status === 'ended'
    ? { reason: 'authorisation_expired', at: endOfBrusselsDay(parseCivilDate(standing.endedOn)) }
    : null;
}

/** The rule a blocked item cites when anything but its erasure is asked of it. */
export function blockedRule(reason: string | null): string {
  if (reason === 'authorisation_expired') return SEX_LIFE_RULE;
  return reason === 'prohibited_use' ? 'L2007 art. 12 §1 al. 5 (SPEC RGT-REC-02)' : 'SPEC DAT-22, SEC-11';
}
