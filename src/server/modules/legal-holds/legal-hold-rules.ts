/**
 * What a legal hold holds and what it covers, as pure functions over facts loaded in the
 * transaction (SPEC RET-08; L2007 art. 14 §7): a hold names the record it is placed on, of its
 * scope only; a hold on the case covers everything in it, on a person that person and the items
 * about it, on an item that item.
 */
import type { PlaceLegalHold } from '../../../contracts/legal-holds.js';
import type { FieldIssue } from '../../kernel/errors.js';

/** The rule every refusal of this module cites. */
export const LEGAL_HOLD_RULE = 'L2007 art. 14 §7 (SPEC RET-08)';

export interface HoldTargetFacts {
  /** The persons of the case the placing organisation sees. */
  persons: ReadonlySet<string>;
  /** The items of the case it sees, and whether each was erased already. */
  items: ReadonlyMap<string, { erased: boolean }>;
}

/** The record a hold of `input.scope` is placed on: named when the scope needs it, never otherwise. */
export function holdTargetIssues(input: PlaceLegalHold, facts: HoldTargetFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const named = { personId: input.personId, itemId: input.itemId } as const;
  for (const field of ['personId', 'itemId'] as const) {
    const wanted = input.scope === (field === 'personId' ? 'person' : 'item');
    const id = named[field];
    if (wanted && id === undefined)
      issues.push({ field: `/body/${field}`, message: `a hold on a ${input.scope} names it` });
    if (!wanted && id !== undefined) {
      issues.push({
        field: `/body/${field}`,
        message: `a hold on a ${input.scope} names no ${field.slice(0, -2)}`,
      });
    }
  }
  if (input.scope === 'person' && input.personId !== undefined && !facts.persons.has(input.personId)) {
    issues.push({ field: '/body/personId', message: 'is not a person of this case' });
  }
  if (input.scope === 'item' && input.itemId !== undefined) {
    const item = facts.items.get(input.itemId);
    if (!item) issues.push({ field: '/body/itemId', message: 'is not an item of this case' });
    // Nothing is left to preserve of an erased item (its content was wiped, SPEC ROL-09).
    else if (item.erased)
      issues.push({ field: '/body/itemId', message: 'was erased already: nothing is left to preserve' });
  }
  return issues;
}

/** A hold standing on a case, as the check reads it: ids and the court order's reference only. */
export interface StandingHold {
  holdId: string;
  scope: 'case' | 'person' | 'item';
  personId: string | null;
  itemId: string | null;
  reference: string;
}

/** What an erasure would take: an item (with the persons it is about) or persons of the case. */
export interface HoldTarget {
  itemId?: string;
  personIds?: readonly string[];
}

/** The first of `holds` (oldest first) that covers `target`, or undefined. */
export function coveringHold(holds: readonly StandingHold[], target: HoldTarget): StandingHold | undefined {
  const persons = new Set(target.personIds ?? []);
  return holds.find(
    (hold) =>
      hold.scope === 'case' ||
      (hold.scope === 'item' && target.itemId !== undefined && hold.itemId === target.itemId) ||
      (hold.scope === 'person' && hold.personId !== null && persons.has(hold.personId)),
  );
}
