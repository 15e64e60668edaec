/**
 * RET-08 (L2007 art. 14 §7): whether a legal hold stands on what an erasure would take, for the
 * modules that must respect it: the controller's erasure of an item on the case route, the rights
 * desk's erasure for a request, and the retention job of issue 6, which skips a held case. The
 * holds are read through the SECURITY DEFINER function of migration 0029, which returns their ids,
 * scopes, targets and court order references, never the measure ordered: the desk and the job act
 * for no case, so row-level security hides the table from them. The persons an item is about are
 * read under the caller's own row-level security (it is erasing that item, so it sees it).
 * This file imports neither the cases nor the rights module: both call it.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { LegalHoldScope } from '../../db/schema.js';
import { DomainError } from '../../kernel/errors.js';
import { coveringHold, type HoldTarget, LEGAL_HOLD_RULE } from './legal-hold-rules.js';

export async function activeLegalHold(
  tx: Tx,
  { caseId, itemId, personIds = [] }: { caseId: string } & HoldTarget,
): Promise<{ holdId: string; reference: string } | undefined> {
  const { rows } = await sql<{
    hold_id: string;
    scope: LegalHoldScope;
    person_id: string | null;
    item_id: string | null;
    court_order_reference: string;
  }>`SELECT hold_id, scope, person_id, item_id, court_order_reference
    FROM concerto_active_legal_holds(${caseId}::uuid)`.execute(tx);
  if (rows.length === 0) return undefined;
  // A hold on a person covers the items about that person (item_persons).
  const itemPersons =
    itemId === undefined
      ? []
      : (await tx.selectFrom('item_persons').select('person_id').where('item_id', '=', itemId).execute()).map(
          (row) => row.person_id,
        );
  const hold = coveringHold(
    rows.map((row) => ({
      holdId: row.hold_id,
      scope: row.scope,
      personId: row.person_id,
      itemId: row.item_id,
      reference: row.court_order_reference,
    })),
    { ...(itemId !== undefined && { itemId }), personIds: [...personIds, ...itemPersons] },
  );
  return hold && { holdId: hold.holdId, reference: hold.reference };
}

/** Manual erasure is refused (409) while a hold covers `target`; a block stays allowed: it preserves the evidence. */
export async function refuseErasureWhileHeld(tx: Tx, target: { caseId: string } & HoldTarget): Promise<void> {
  const hold = await activeLegalHold(tx, target);
  if (hold) {
    throw new DomainError('conflict', {
      detail: `A legal hold under court order ${hold.reference} prevents the erasure until it is released`,
      rule: LEGAL_HOLD_RULE,
    });
  }
}
