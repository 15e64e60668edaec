/**
 * Which records of a case (persons, information items) a relation may see, and whose content
 * (ARCHITECTURE §3.2). The same rule is compiled to SQL for lists (`visibleRecordsSql`) and
 * enforced by row-level security (migration 0015).
 *
 * - Before signalling everything lives in the compartment: its organisation and the reviewer
 *   it asked see it (bill art. 2 §3 1°; SPEC WFL-01, WFL-02).
 * - Signalling shares the minimum set the signaller selects; only shared records reach the
 *   organiser and the admitted participants (SPEC WFL-03). Records added once the signal is
 *   accepted are shared from the start. The compartment keeps seeing its unshared records.
 * - Special categories (bill art. 3 §2 al. 2; Law of 30 July 2018 arts 9 and 10 §2; SPEC DAT-18,
 *   DAT-19) show their content only to persons their own organisation designated for that
 *   category; everyone else who sees the record sees a placeholder.
 * - An item of any category that reveals what L1992 art. 6 al. 1 adds to the sensitive data
 *   (SPEC DAT-23) shows its content only to persons designated for beliefs (C13) as well.
 * - A criminal-related risk or behaviour item (L2007 art. 8 §1; SPEC DAT-29) holds data on
 *   offences and convictions, which the measures of the Law of 30 July 2018 art. 10 §2 reach as
 *   they reach category 9 (SPEC DAT-19): its content needs the designation for judicial data (C09).
 */
import type { DESIGNATION_SCOPES } from '../../../contracts/designations.js';
import { DomainError } from '../../kernel/errors.js';
import type { SensitiveRevelation } from '../../../contracts/items.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { AudienceRelation } from '../../db/schema.js';

/** bill art. 2 §2 al. 3 (SPEC DAT-18): judicial, health, origin, beliefs, sexual life. */
export const SPECIAL_CATEGORIES: readonly CategoryCode[] = ['C09', 'C10', 'C12', 'C13', 'C15'];

/**
 * What a designation is for: a special category, or genetic and biometric data, which the bill
 * reaches through the Law of 30 July 2018 without a category of their own (SPEC A-10).
 */
export type DesignationScope = (typeof DESIGNATION_SCOPES)[number];

export interface RecordFacts {
  controllerOrganisationId: string;
  shared: boolean;
  /** Designations the content needs (none for ordinary data). */
  requires: readonly DesignationScope[];
}

/** Relations that see the compartment's unshared records. */
export const COMPARTMENT_READERS: readonly AudienceRelation[] = ['compartment', 'reviewer'];

export function recordVisible(relation: AudienceRelation, record: Pick<RecordFacts, 'shared'>): boolean {
  return record.shared || COMPARTMENT_READERS.includes(relation);
}

/**
 * The designations an item's content needs: its special category, genetic/biometric data, and
 * beliefs (C13) for what it reveals of L1992 art. 6 al. 1: political, philosophical or religious
 * activities are beliefs acted upon, and in Belgium mutual health funds and trade unions are
 * bound to the political and philosophical families, so that membership reveals beliefs too.
 */
export function requiredDesignations(
  category: CategoryCode,
  geneticOrBiometric: boolean,
  revealsSensitive: readonly SensitiveRevelation[] = [],
  criminalRelated = false,
): DesignationScope[] {
  const scopes: DesignationScope[] = [];
  if (SPECIAL_CATEGORIES.includes(category)) scopes.push(category as DesignationScope);
  if (criminalRelated && !scopes.includes('C09')) scopes.push('C09');
  if (geneticOrBiometric) scopes.push('genetic_biometric');
  if (revealsSensitive.length > 0 && !scopes.includes('C13')) scopes.push('C13');
  return scopes;
}

export function contentVisible(
  designated: readonly DesignationScope[],
  record: Pick<RecordFacts, 'requires'>,
): boolean {
  return record.requires.every((scope) => designated.includes(scope));
}

/** What a refusal for want of a designation cites. */
export const DESIGNATION_RULE = 'bill art. 3 §2 al. 2; Law of 30 July 2018 arts 9 and 10 §2 (SPEC DAT-19)';

/**
 * DAT-19: refuses to a reader not designated for every scope in `requires` what it was `doing`
 * ("record such information", "review this item"); the scopes it lacks are its own to know.
 */
export function requireDesignated(designated: readonly DesignationScope[], requires: readonly DesignationScope[], doing: string): void {
  if (contentVisible(designated, { requires })) return;
  throw new DomainError('forbidden', {
    detail: `Only persons your organisation designated for ${requires.join(', ')} ${doing}`,
    rule: DESIGNATION_RULE,
  });
}
