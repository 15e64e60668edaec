/**
 * The paper parts of a case (migration 0022), as the runtime role under row-level security. The
 * list compiles the visibility rule of records to SQL (`sharedOnly` for a reader that does not see
 * the compartment); the policies apply it again.
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { PaperPartsTable, PaperPartVersionsTable } from '../../db/schema.js';

export type PaperPartRow = Selectable<PaperPartsTable>;
/** A paper part with the persons of the case it is about. */
export type LinkedPaperPartRow = PaperPartRow & { person_ids: string[] };

const personIds = sql<string[]>`array(SELECT pp.person_id FROM paper_part_persons pp
  WHERE pp.paper_part_id = paper_parts.id ORDER BY pp.person_id)`.as('person_ids');

export function createPaperPartsRepository() {
  return {
    insert: (tx: Tx, row: Insertable<PaperPartsTable>): Promise<PaperPartRow> =>
      tx.insertInto('paper_parts').values(row).returningAll().executeTakeFirstOrThrow(),

    async setPersons(tx: Tx, paperPartId: string, ids: readonly string[]): Promise<void> {
      await tx.deleteFrom('paper_part_persons').where('paper_part_id', '=', paperPartId).execute();
      await tx
        .insertInto('paper_part_persons')
        .values(ids.map((personId) => ({ paper_part_id: paperPartId, person_id: personId })))
        .execute();
    },

    async version(tx: Tx, row: Insertable<PaperPartVersionsTable>): Promise<void> {
      await tx.insertInto('paper_part_versions').values(row).execute();
    },

    /** The paper parts of the case the reader sees, oldest first; `sharedOnly` outside the compartment. */
    ofCase: (tx: Tx, caseId: string, sharedOnly: boolean): Promise<LinkedPaperPartRow[]> => {
      let query = tx.selectFrom('paper_parts').selectAll().select(personIds).where('case_id', '=', caseId);
      if (sharedOnly) query = query.where('shared', '=', true);
      return query.orderBy('registered_at').orderBy('id').execute();
    },

    byId: (tx: Tx, caseId: string, id: string): Promise<LinkedPaperPartRow | undefined> =>
      tx
        .selectFrom('paper_parts')
        .selectAll()
        .select(personIds)
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst(),

    /** Locked for a change; row-level security grants the lock to its controller only. */
    async lock(tx: Tx, caseId: string, id: string): Promise<void> {
      await tx
        .selectFrom('paper_parts')
        .select('id')
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .forUpdate()
        .execute();
    },

    update: (tx: Tx, id: string, change: Updateable<PaperPartsTable>): Promise<PaperPartRow> =>
      tx.updateTable('paper_parts').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    /** An active member of the organisation (a named custodian). */
    activeMember: (tx: Tx, organisationId: string, userId: string) =>
      tx
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where('organisation_id', '=', organisationId)
        .where('active', '=', true)
        .executeTakeFirst(),
  };
}

export type PaperPartsRepository = ReturnType<typeof createPaperPartsRepository>;
