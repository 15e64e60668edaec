/**
 * Restrictions of bill art. 7 (migration 0024), as the runtime role under row-level security:
 * the office that decided them reads and changes them, nobody else (SPEC RST-08). The items of a
 * person are read under the case's own policies, as the office sees them.
 */
import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { RestrictionReviewsTable, RestrictionsTable } from '../../db/schema.js';

export type RestrictionRow = Selectable<RestrictionsTable> & { item_ids: string[] };
export type RestrictionReviewRow = Selectable<RestrictionReviewsTable>;

const itemIds = sql<string[]>`array(SELECT ri.item_id FROM restriction_items ri
  WHERE ri.restriction_id = restrictions.id ORDER BY ri.item_id)`.as('item_ids');

export function createRestrictionsRepository() {
  return {
    async insert(tx: Tx, row: Insertable<RestrictionsTable>, items: readonly string[]): Promise<void> {
      await tx.insertInto('restrictions').values(row).execute();
      if (items.length > 0) {
        await tx
          .insertInto('restriction_items')
          .values(items.map((itemId) => ({ restriction_id: row.id!, item_id: itemId })))
          .execute();
      }
    },

    async replaceItems(tx: Tx, restrictionId: string, items: readonly string[]): Promise<void> {
      await tx.deleteFrom('restriction_items').where('restriction_id', '=', restrictionId).execute();
      if (items.length > 0) {
        await tx
          .insertInto('restriction_items')
          .values(items.map((itemId) => ({ restriction_id: restrictionId, item_id: itemId })))
          .execute();
      }
    },

    async review(tx: Tx, row: Insertable<RestrictionReviewsTable>): Promise<void> {
      await tx.insertInto('restriction_reviews').values(row).execute();
    },

    reviewsOf: (tx: Tx, ids: readonly string[]): Promise<RestrictionReviewRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('restriction_reviews')
            .selectAll()
            .where('restriction_id', 'in', ids)
            .orderBy('restriction_id')
            .orderBy('version')
            .execute(),

    /** The office's restrictions, newest first (row-level security: the acting office only). */
    ofOffice: (tx: Tx, organisationId: string): Promise<RestrictionRow[]> =>
      tx
        .selectFrom('restrictions')
        .selectAll()
        .select(itemIds)
        .where('organisation_id', '=', organisationId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute(),

    byId: (tx: Tx, id: string, forUpdate = false): Promise<RestrictionRow | undefined> => {
      const query = tx.selectFrom('restrictions').selectAll().select(itemIds).where('id', '=', id);
      return (forUpdate ? query.forUpdate() : query).executeTakeFirst();
    },

    update: async (tx: Tx, id: string, change: Updateable<RestrictionsTable>): Promise<void> => {
      await tx.updateTable('restrictions').set(change).where('id', '=', id).execute();
    },

    /** The framework facts art. 7 needs about a case. */
    frameworkOfCase: (tx: Tx, caseId: string) =>
      tx
        .selectFrom('cases')
        .innerJoin('frameworks', 'frameworks.id', 'cases.framework_id')
        .select(['frameworks.basis_kind', 'frameworks.authorising_organisation_id'])
        .where('cases.id', '=', caseId)
        .executeTakeFirst(),

    /** The persons of the case the reader sees (row-level security; `sharedOnly` outside the compartment). */
    async personsOf(tx: Tx, caseId: string, sharedOnly: boolean): Promise<Set<string>> {
      let query = tx.selectFrom('persons').select('id').where('case_id', '=', caseId);
      if (sharedOnly) query = query.where('shared', '=', true);
      return new Set((await query.execute()).map((row) => row.id));
    },

    /** The items of a person in the case the reader sees, not erased, with their art. 6 flag. */
    async itemsOfPerson(tx: Tx, caseId: string, personId: string, sharedOnly: boolean) {
      let query = tx
        .selectFrom('items')
        .innerJoin('item_persons', 'item_persons.item_id', 'items.id')
        .select(['items.id', 'items.judicial'])
        .where('items.case_id', '=', caseId)
        .where('item_persons.person_id', '=', personId)
        .where('items.erased_at', 'is', null);
      if (sharedOnly) query = query.where('items.shared', '=', true);
      const rows = await query.orderBy('items.id').execute();
      return new Map(rows.map((row) => [row.id, { judicial: row.judicial }]));
    },

    /** The items of the case the reader sees (row-level security; `sharedOnly` outside the compartment). */
    async itemIdsOfCase(tx: Tx, caseId: string, sharedOnly: boolean): Promise<string[]> {
      let query = tx
        .selectFrom('items')
        .select('id')
        .where('case_id', '=', caseId)
        .where('erased_at', 'is', null);
      if (sharedOnly) query = query.where('shared', '=', true);
      return (await query.orderBy('id').execute()).map((row) => row.id);
    },

    organisationName: async (tx: Tx, id: string): Promise<string> =>
      (await tx.selectFrom('organisations').select('legal_name').where('id', '=', id).executeTakeFirst())
        ?.legal_name ?? '',

    userNames: async (tx: Tx, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((row) => [row.id, row.display_name]));
    },
  };
}

export type RestrictionsRepository = ReturnType<typeof createRestrictionsRepository>;
