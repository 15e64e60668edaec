/**
 * Break-glass grants and their reads (migration 0034). The grants hold no content; the records a
 * grant shows are read as the runtime role under the grant's row-level security, which the access
 * module set for the transaction (`enterBreakGlass`).
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { BreakGlassGrantsTable, BreakGlassReadsTable } from '../../db/schema.js';

export type BreakGlassGrantRow = Selectable<BreakGlassGrantsTable>;
export type BreakGlassReadRow = Selectable<BreakGlassReadsTable>;

export function createBreakGlassRepository() {
  return {
    insertGrant: (tx: Tx, row: Insertable<BreakGlassGrantsTable>): Promise<BreakGlassGrantRow> =>
      tx.insertInto('break_glass_grants').values(row).returningAll().executeTakeFirstOrThrow(),

    grantById: (tx: Tx, id: string): Promise<BreakGlassGrantRow | undefined> =>
      tx.selectFrom('break_glass_grants').selectAll().where('id', '=', id).executeTakeFirst(),

    grantForUpdate: (tx: Tx, id: string): Promise<BreakGlassGrantRow | undefined> =>
      tx.selectFrom('break_glass_grants').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    updateGrant: (
      tx: Tx,
      id: string,
      change: Updateable<BreakGlassGrantsTable>,
    ): Promise<BreakGlassGrantRow> =>
      tx
        .updateTable('break_glass_grants')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The grants of `controllerId` (every controller's when undefined), newest first. */
    grantsOf: (tx: Tx, controllerId?: string): Promise<BreakGlassGrantRow[]> => {
      let query = tx.selectFrom('break_glass_grants').selectAll();
      if (controllerId) query = query.where('controller_organisation_id', '=', controllerId);
      return query.orderBy('requested_at', 'desc').orderBy('id').execute();
    },

    insertRead: (tx: Tx, row: Insertable<BreakGlassReadsTable>): Promise<void> =>
      tx
        .insertInto('break_glass_reads')
        .values(row)
        .execute()
        .then(() => undefined),

    readsOf: (tx: Tx, grantIds: readonly string[]): Promise<BreakGlassReadRow[]> => {
      if (grantIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('break_glass_reads')
        .selectAll()
        .where('grant_id', 'in', [...grantIds])
        .orderBy('read_at')
        .orderBy('audit_position')
        .execute();
    },

    /** How many persons and items `controllerId` holds in the case, counts only (migration 0034). */
    async controllerRecordsInCase(
      tx: Tx,
      caseId: string,
      controllerId: string,
    ): Promise<{ persons: number; items: number }> {
      const { rows } = await sql<{ persons: number; items: number }>`
        SELECT persons, items FROM concerto_controller_records_in_case(${caseId}::uuid, ${controllerId}::uuid)`.execute(
        tx,
      );
      return { persons: Number(rows[0]?.persons ?? 0), items: Number(rows[0]?.items ?? 0) };
    },

    /** The controller's persons of the case that the grant's row-level security shows. */
    personsUnderGrant: (tx: Tx, caseId: string, controllerId: string) =>
      tx
        .selectFrom('persons')
        .select(['id', 'role', 'identity', 'version'])
        .where('case_id', '=', caseId)
        .where('controller_organisation_id', '=', controllerId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    /** The controller's items of the case that the grant's row-level security shows, with the persons each is about. */
    itemsUnderGrant: (tx: Tx, caseId: string, controllerId: string) =>
      tx
        .selectFrom('items')
        .select([
          'id',
          'category',
          'version',
          'payload',
          'genetic_biometric',
          'reveals_sensitive',
          'criminal_related',
          'blocked_at',
          'erased_at',
          'created_at',
        ])
        .select(
          sql<
            string[]
          >`array(SELECT ip.person_id FROM item_persons ip WHERE ip.item_id = items.id ORDER BY ip.person_id)`.as(
            'person_ids',
          ),
        )
        .where('case_id', '=', caseId)
        .where('controller_organisation_id', '=', controllerId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    organisationNames: async (tx: Tx, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('organisations')
        .select(['id', 'legal_name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((row) => [row.id, row.legal_name]));
    },

    organisation: (tx: Tx, id: string) =>
      tx.selectFrom('organisations').select(['id', 'kind', 'active']).where('id', '=', id).executeTakeFirst(),

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

export type BreakGlassRepository = ReturnType<typeof createBreakGlassRepository>;
