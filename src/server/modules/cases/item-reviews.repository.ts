/**
 * The data-quality reads of the controller's items (SPEC SEC-11) and what the exporters of an item
 * were told of its changes (SPEC FIL-08; migration 0021), under row-level security: an organisation
 * finds the items of cases in whose audience it is.
 */
import { type Insertable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { ExportedItemNoticesTable } from '../../db/schema.js';
import type { StateGrant } from './prior-notices.repository.js';
import { controllerSexLifeDecrees } from './items-as-of.js';
import { expiredAuthorisationBlock } from './royal-decree-item-rules.js';

export interface ReviewCandidateRow {
  id: string;
  case_id: string;
  controller_organisation_id: string;
  category: string;
  checked_at: Date;
}

export interface ErasureReviewRow {
  id: string;
  case_id: string;
  controller_organisation_id: string;
  blocked_at: Date;
}

export function createItemReviewsRepository() {
  return {
    /**
     * Items controlled by `organisations`, neither erased nor blocked, last confirmed accurate (or
     * recorded) before `checkedBefore`, in cases where their controller may still add and confirm
     * information (`grants`, the rule of `case.contribute` compiled to SQL), and not blocked on
     * `today` because their controller's decree ended (DAT-33, as every read of items).
     */
    reviewCandidates: async (
      tx: Tx,
      organisations: readonly string[],
      grants: readonly StateGrant[],
      checkedBefore: Date,
      today: string,
      limit: number,
    ): Promise<ReviewCandidateRow[]> => {
      if (organisations.length === 0 || grants.length === 0) return Promise.resolve([]);
      const rows = await tx
        .selectFrom('items')
        .innerJoin('case_audience as a', (join) =>
          join
            .onRef('a.case_id', '=', 'items.case_id')
            .onRef('a.organisation_id', '=', 'items.controller_organisation_id'),
        )
        .innerJoin('cases as c', 'c.id', 'items.case_id')
        .select(['items.id', 'items.case_id', 'items.controller_organisation_id', 'items.category'])
        .select(sql<Date>`coalesce(items.last_verified_at, items.created_at)`.as('checked_at'))
        .select(controllerSexLifeDecrees)
        .where('items.controller_organisation_id', 'in', organisations)
        .where('items.erased_at', 'is', null)
        .where('items.blocked_at', 'is', null)
        .where(sql<boolean>`coalesce(items.last_verified_at, items.created_at) < ${checkedBefore}`)
        .where((eb) =>
          eb.or(
            grants.map((grant) =>
              eb.and([
                eb('a.relation', 'in', [...grant.relations]),
                sql<boolean>`c.state = ANY (${[...grant.states]}::text[])`,
              ]),
            ),
          ),
        )
        .orderBy('checked_at')
        .orderBy('items.id')
        .limit(limit)
        .execute();
      return rows
        .filter((row) => expiredAuthorisationBlock(row.category, row.controller_sex_life_decrees ?? [], today) === null)
        .map(({ controller_sex_life_decrees: _decrees, ...row }) => row);
    },

    /** Items controlled by `organisations` blocked as unlawfully obtained and not erased yet, oldest first. */
    erasureReviews: (
      tx: Tx,
      organisations: readonly string[],
      limit: number,
    ): Promise<ErasureReviewRow[]> => {
      if (organisations.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('items')
        .select(['id', 'case_id', 'controller_organisation_id', 'blocked_at'])
        .where('controller_organisation_id', 'in', organisations)
        .where('blocked_reason', '=', 'unlawfully_obtained')
        .where('erased_at', 'is', null)
        .orderBy('blocked_at')
        .orderBy('id')
        .limit(limit)
        .execute()
        .then((rows) => rows.map((row) => ({ ...row, blocked_at: new Date(row.blocked_at!) })));
    },

    /** FIL-08: what each notification told an exporter about the item. */
    async exportedItemNotices(tx: Tx, rows: readonly Insertable<ExportedItemNoticesTable>[]): Promise<void> {
      if (rows.length === 0) return;
      await tx.insertInto('exported_item_notices').values(rows).execute();
    },
  };
}
