/**
 * What a paper part must say, as pure functions over facts loaded in the transaction (SPEC
 * SCO-09): the categories the framework allows, persons of the case, a custodian, no classified
 * paper, and a destruction dated between its registration and today.
 */
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { ConfirmDestruction, RegisterPaperPart } from '../../../contracts/paper-parts.js';
import { findClassificationMarking } from '../../kernel/documents/classification-marking.js';
import { isCivilDate } from '../identity/royal-decree-rules.js';

export interface RuledIssue {
  field: string;
  message: string;
  rule: string;
}

export interface PaperPartFacts {
  /** The framework may narrow the sixteen categories (SPEC DAT-00). */
  allowedCategories: readonly CategoryCode[];
  /** The persons of the case the registering organisation sees. */
  persons: ReadonlySet<string>;
  /** The named custodian is an active member of the holder. */
  custodianIsMember: boolean;
}

export const PAPER_PART_RULE = 'bill Comm. art. 3; L2007 art. 3 §1 (SPEC SCO-09, FIL-10)';
const CLASSIFIED_RULE = 'bill Comm. art. 2 (SPEC DAT-20)';

export function paperPartIssues(input: RegisterPaperPart, facts: PaperPartFacts): RuledIssue[] {
  const issues: RuledIssue[] = [];
  const refuse = (field: string, message: string, rule: string) =>
    issues.push({ field: `/body/${field}`, message, rule });
  input.categories.forEach((category, index) => {
    if (!facts.allowedCategories.includes(category)) {
      refuse(
        `categories/${index}`,
        "is not among the categories this consultation's framework allows",
        'bill art. 2 §2 al. 1 (SPEC DAT-00)',
      );
    }
  });
  input.personIds.forEach((id, index) => {
    if (!facts.persons.has(id))
      refuse(`personIds/${index}`, 'is not a person of this case', 'bill art. 2 §2 al. 2 (SPEC DAT-17)');
  });
  // DAT-20: classified paper needs a clearance the shared file does not give.
  for (const field of ['description', 'contentIndex'] as const) {
    const marking = findClassificationMarking(input[field]);
    if (marking) refuse(field, `carries the classification marking ${marking}`, CLASSIFIED_RULE);
  }
  if (input.custodianUserId === undefined && input.custodianFunction === undefined) {
    refuse(
      'custodianFunction',
      'name who keeps the paper: a member of your organisation, a function, or both',
      PAPER_PART_RULE,
    );
  } else if (input.custodianUserId !== undefined && !facts.custodianIsMember) {
    refuse(
      'custodianUserId',
      'is not an active member of the organisation that holds the paper',
      PAPER_PART_RULE,
    );
  }
  return issues;
}

/** The destruction is dated on a real day, not before the paper was registered, not after today (Brussels). */
export function destructionIssues(
  input: ConfirmDestruction,
  registeredOn: string,
  today: string,
): RuledIssue[] {
  const issue = (message: string): RuledIssue[] => [
    { field: '/body/destroyedOn', message, rule: PAPER_PART_RULE },
  ];
  if (!isCivilDate(input.destroyedOn)) return issue('is not a date');
  if (input.destroyedOn > today) return issue('is after today: confirm the destruction once it is done');
  if (input.destroyedOn < registeredOn) return issue('is before the paper part was registered');
  return [];
}
