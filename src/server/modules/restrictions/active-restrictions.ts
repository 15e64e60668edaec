/**
 * RST-08, RST-09, INF-07: which of `itemIds` an art. 7 restriction covers at `at`, for the modules
 * that must respect it without learning why: the rights requests route corrections and deletions
 * of covered items to the office (`organisationId`), the information notices are suspended. Read
 * through the SECURITY DEFINER function of migration 0024, which returns the restriction id, the
 * rights and the office, never the grounds or the person; a judicial item is never covered (bill
 * art. 6; SPEC RGT-JUD-02). Several restrictions on one item: their rights are merged, the first
 * restriction (by id) is named.
 */
import { sql } from 'kysely';
import type { RestrictedRight } from '../../../contracts/restrictions.js';
import type { Tx } from '../../db/database.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';

export interface ActiveRestriction {
  restrictionId: string;
  rights: ('information' | 'correction' | 'deletion')[];
  organisationId: string;
}

const ORDER: readonly RestrictedRight[] = ['information', 'correction', 'deletion'];

export async function activeRestrictions(
  tx: Tx,
  itemIds: readonly string[],
  at: Date,
): Promise<
  Map<
    string,
    { restrictionId: string; rights: ('information' | 'correction' | 'deletion')[]; organisationId: string }
  >
> {
  const covered = new Map<string, ActiveRestriction>();
  if (itemIds.length === 0) return covered;
  // A restriction runs by civil dates in Brussels, like every legal period (ARCHITECTURE §3.5).
  const { rows } = await sql<{
    item_id: string;
    restriction_id: string;
    rights: RestrictedRight[];
    organisation_id: string;
  }>`
    SELECT item_id, restriction_id, rights, organisation_id
    FROM concerto_active_restrictions(${[...itemIds]}::uuid[], ${brusselsDateOf(at)}::date)`.execute(tx);
  for (const row of rows) {
    const known = covered.get(row.item_id);
    const rights = new Set([...(known?.rights ?? []), ...row.rights]);
    covered.set(row.item_id, {
      restrictionId: known?.restrictionId ?? row.restriction_id,
      rights: ORDER.filter((right) => rights.has(right)),
      organisationId: known?.organisationId ?? row.organisation_id,
    });
  }
  return covered;
}
