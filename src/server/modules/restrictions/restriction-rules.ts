/**
 * When the procureur du Roi may restrict rights, and what a restriction and its review must say
 * (bill art. 7; SPEC RGT-RST-01, RST-07, RGT-JUD-02), as pure functions over facts loaded in the
 * transaction. A failing precondition is named with its rule; bad input is refused field by field.
 */
import type {
  CreateRestriction,
  RestrictedRight,
  ReviewRestriction,
} from '../../../contracts/restrictions.js';
import { RESTRICTION_JUSTIFICATION_MIN_LENGTH } from '../../kernel/legal-rules/index.js';
import { isCivilDate } from '../identity/royal-decree-rules.js';

export interface RuledIssue {
  field: string;
  message: string;
  rule: string;
}

export const ART7_RULE = 'bill art. 7 al. 1 (SPEC RGT-RST-01)';
const JUDICIAL_RULE = 'bill arts 6-7 (SPEC RGT-JUD-01, RGT-JUD-02, A-14)';
const NECESSITY_RULE = RESTRICTION_JUSTIFICATION_MIN_LENGTH.rule;

export interface RestrictionPreconditions {
  /** The actor holds the prosecutor role (SPEC RGT-RST-01). */
  prosecutor: boolean;
  /** The case's framework rests on a motivated authorisation of the procureur du Roi (WFL-12). */
  authorisationBasis: boolean;
  /** The actor acts for the office that gave that authorisation. */
  authorisingOffice: boolean;
}

export interface PreconditionRefusal {
  code: 'forbidden' | 'conflict';
  detail: string;
  rule: string;
}

/** The first precondition of art. 7 that fails, named with its rule; undefined when all hold. */
export function preconditionRefusal(facts: RestrictionPreconditions): PreconditionRefusal | undefined {
  if (!facts.prosecutor) {
    return {
      code: 'forbidden',
      detail: 'Only the procureur du Roi restricts rights under art. 7: the prosecutor role is required',
      rule: ART7_RULE,
    };
  }
  if (!facts.authorisationBasis) {
    return {
      code: 'conflict',
      detail:
        'The consultation of this case was not organised by a motivated authorisation of the procureur du Roi: art. 7 does not apply',
      rule: ART7_RULE,
    };
  }
  if (!facts.authorisingOffice) {
    return {
      code: 'forbidden',
      detail: "Only the prosecutor's office that authorised this consultation restricts rights in it",
      rule: ART7_RULE,
    };
  }
  return undefined;
}

export interface RestrictionFacts {
  /** The persons of the case the office sees. */
  persons: ReadonlySet<string>;
  /** The items of the person the office sees, with their judicial flag (bill art. 6). */
  itemsOfPerson: ReadonlyMap<string, { judicial: boolean }>;
  /** Today in Brussels. */
  today: string;
  /** The latest review date for a restriction starting on `startsOn` (legal rules, RST-07). */
  reviewBy(startsOn: string): string;
}

const dateIssue = (field: string, value: string | undefined): RuledIssue[] =>
  value !== undefined && !isCivilDate(value)
    ? [{ field: `/body/${field}`, message: 'is not a date', rule: ART7_RULE }]
    : [];

/** The dates of a restriction: a review date by the legal period after the start, an end after the start. */
function periodIssues(
  startsOn: string,
  reviewOn: string | undefined,
  endsOn: string | undefined,
  reviewBy: string,
): RuledIssue[] {
  const issues: RuledIssue[] = [];
  if (reviewOn !== undefined && isCivilDate(reviewOn)) {
    if (reviewOn < startsOn)
      issues.push({ field: '/body/reviewOn', message: 'is before the start', rule: NECESSITY_RULE });
    if (reviewOn > reviewBy) {
      issues.push({
        field: '/body/reviewOn',
        message: `must be on ${reviewBy} at the latest`,
        rule: NECESSITY_RULE,
      });
    }
  }
  if (endsOn !== undefined && isCivilDate(endsOn) && endsOn < startsOn) {
    issues.push({ field: '/body/endsOn', message: 'is before the start', rule: ART7_RULE });
  }
  return issues;
}

/** RST-07: the necessity and proportionality, stated at some length. */
export function justificationIssues(field: string, text: string): RuledIssue[] {
  const minimum = RESTRICTION_JUSTIFICATION_MIN_LENGTH.characters;
  return text.trim().length < minimum
    ? [
        {
          field,
          message: `state why the measure is necessary and proportionate (at least ${minimum} characters)`,
          rule: NECESSITY_RULE,
        },
      ]
    : [];
}

/** Every reason the input cannot be a restriction in this case. */
export function restrictionIssues(input: CreateRestriction, facts: RestrictionFacts): RuledIssue[] {
  const issues: RuledIssue[] = [
    ...dateIssue('startsOn', input.startsOn),
    ...dateIssue('reviewOn', input.reviewOn),
    ...dateIssue('endsOn', input.endsOn),
    ...justificationIssues('/body/justification', input.justification),
  ];
  if (!facts.persons.has(input.personId)) {
    issues.push({ field: '/body/personId', message: 'is not a person of this case', rule: ART7_RULE });
  }
  if (input.scope === 'items' && !input.itemIds) {
    issues.push({ field: '/body/itemIds', message: 'name the items restricted', rule: ART7_RULE });
  }
  if (input.scope === 'person' && input.itemIds) {
    issues.push({
      field: '/body/itemIds',
      message: 'a restriction of the person covers all its items: name none',
      rule: ART7_RULE,
    });
  }
  input.itemIds?.forEach((id, index) => {
    const item = facts.itemsOfPerson.get(id);
    if (!item) {
      issues.push({
        field: `/body/itemIds/${index}`,
        message: 'is not an item of this person in the case',
        rule: ART7_RULE,
      });
    } else if (item.judicial) {
      issues.push({
        field: `/body/itemIds/${index}`,
        message:
          'is judicial data (bill art. 6): its rights follow the judicial procedure, art. 7 does not apply',
        rule: JUDICIAL_RULE,
      });
    }
  });
  const startsOn = input.startsOn ?? facts.today;
  if (isCivilDate(startsOn))
    issues.push(...periodIssues(startsOn, input.reviewOn, input.endsOn, facts.reviewBy(startsOn)));
  return issues;
}

export interface CurrentRestriction {
  rights: readonly RestrictedRight[];
  /** The items covered now. */
  itemIds: readonly string[];
}

/** RST-07: a confirmation sets the next review; a narrowing keeps less; a lift says only why. */
export function reviewIssues(
  input: ReviewRestriction,
  current: CurrentRestriction,
  reviewBy: string,
  today: string,
): RuledIssue[] {
  const issues: RuledIssue[] = [
    ...dateIssue('reviewOn', input.reviewOn),
    ...justificationIssues('/body/reason', input.reason),
  ];
  const refuse = (field: string, message: string) =>
    issues.push({ field: `/body/${field}`, message, rule: NECESSITY_RULE });
  if (input.decision !== 'narrow') {
    if (input.rights) refuse('rights', 'only a narrowing changes the rights');
    if (input.itemIds) refuse('itemIds', 'only a narrowing changes the items');
  }
  if (input.decision === 'lift' && input.reviewOn)
    refuse('reviewOn', 'a lifted restriction has no next review');
  if (input.decision === 'narrow') {
    if (!input.rights && !input.itemIds)
      refuse('rights', 'name the rights or the items the restriction keeps');
    input.rights?.forEach((right, index) => {
      if (!current.rights.includes(right))
        refuse(`rights/${index}`, 'is not restricted now: a narrowing keeps less');
    });
    input.itemIds?.forEach((id, index) => {
      if (!current.itemIds.includes(id))
        refuse(`itemIds/${index}`, 'is not covered now: a narrowing keeps less');
    });
    const fewerRights = input.rights !== undefined && input.rights.length < current.rights.length;
    const fewerItems = input.itemIds !== undefined && input.itemIds.length < current.itemIds.length;
    if ((input.rights || input.itemIds) && !fewerRights && !fewerItems) {
      refuse(input.rights ? 'rights' : 'itemIds', 'keeps everything: confirm instead');
    }
  }
  if (input.reviewOn && isCivilDate(input.reviewOn)) {
    if (input.reviewOn < today) refuse('reviewOn', 'is in the past');
    if (input.reviewOn > reviewBy) refuse('reviewOn', `must be on ${reviewBy} at the latest`);
  }
  return issues;
}

/** RST-08: in force on `day`: started, not ended, not lifted. */
export function activeOn(
  row: { starts_on: string; ends_on: string | null; lifted_at: unknown },
  day: string,
): boolean {
  return row.lifted_at === null && row.starts_on <= day && (row.ends_on === null || row.ends_on >= day);
}

/** RST-07: the review date has come; once past it without a confirmation, it is escalated (never lifted). */
export function reviewState(
  row: { starts_on: string; ends_on: string | null; lifted_at: unknown; review_on: string },
  day: string,
): { reviewDue: boolean; escalated: boolean } {
  const live = row.lifted_at === null && (row.ends_on === null || row.ends_on >= day);
  return { reviewDue: live && row.review_on <= day, escalated: live && row.review_on < day };
}
