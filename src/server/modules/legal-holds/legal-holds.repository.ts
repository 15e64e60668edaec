/**
 * The legal holds of a case (migration 0029), as the runtime role under row-level security: the
 * case's audience sees them, a hold on a person or an item only who sees that record; the placing
 * organisation alone locks and releases one.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { LegalHoldsTable } from '../../db/schema.js';

export type LegalHoldRow = Selectable<LegalHoldsTable>;

export function createLegalHoldsRepository() {
  return {
    insert: (tx: Tx, row: Insertable<LegalHoldsTable>): Promise<LegalHoldRow> =>
      tx.insertInto('legal_holds').values(row).returningAll().executeTakeFirstOrThrow(),

    /** The holds of the case the reader sees, oldest first. */
    ofCase: (tx: Tx, caseId: string): Promise<LegalHoldRow[]> =>
      tx
        .selectFrom('legal_holds')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('placed_at')
        .orderBy('id')
        .execute(),

    byId: (tx: Tx, caseId: string, id: string): Promise<LegalHoldRow | undefined> =>
      tx
        .selectFrom('legal_holds')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst(),

    /** Locked for its release; row-level security grants the lock to the placing organisation only. */
    forUpdate: (tx: Tx, caseId: string, id: string): Promise<LegalHoldRow | undefined> =>
      tx
        .selectFrom('legal_holds')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .forUpdate()
        .executeTakeFirst(),

    update: (tx: Tx, id: string, change: Updateable<LegalHoldsTable>): Promise<LegalHoldRow> =>
      tx.updateTable('legal_holds').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
  };
}

export type LegalHoldsRepository = ReturnType<typeof createLegalHoldsRepository>;
