/**
 * The supervisory cases of a controller, the Commission's repeat instructions and the inspector
 * grants (migration 0035), in SQL. Row-level security shows a controller's rows to its DPO, the
 * repeat instructions also to its rights desk, and an inspector what its grant lets it read.
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  CommissionRepeatInstructionsTable,
  InspectorGrantsTable,
  SupervisoryActionsTable,
  SupervisoryCasesTable,
  SupervisoryEntriesTable,
  SupervisoryPositionsTable,
  UsersTable,
} from '../../db/schema.js';

export type SupervisoryCaseRow = Selectable<SupervisoryCasesTable>;
export type SupervisoryEntryRow = Selectable<SupervisoryEntriesTable>;
export type SupervisoryActionRow = Selectable<SupervisoryActionsTable>;
export type SupervisoryPositionRow = Selectable<SupervisoryPositionsTable>;
export type InspectorGrantRow = Selectable<InspectorGrantsTable>;
export type RepeatInstructionRow = Selectable<CommissionRepeatInstructionsTable>;
export type UserRow = Selectable<UsersTable>;

/** An open action or an awaited position (SUP-01), as the dashboard's function returns it. */
export interface OpenItemRow {
  item: 'action' | 'position';
  item_id: string;
  case_id: string;
  commission_reference: string;
  due_on: string;
}

export function createSupervisionRepository() {
  return {
    insertCase: (tx: Tx, row: Insertable<SupervisoryCasesTable>): Promise<SupervisoryCaseRow> =>
      tx.insertInto('supervisory_cases').values(row).returningAll().executeTakeFirstOrThrow(),

    casesOf: (tx: Tx, controllerId: string): Promise<SupervisoryCaseRow[]> =>
      tx
        .selectFrom('supervisory_cases')
        .selectAll()
        .where('controller_organisation_id', '=', controllerId)
        .orderBy('opened_on', 'desc')
        .orderBy('created_at', 'desc')
        .execute(),

    caseById: (tx: Tx, controllerId: string, id: string): Promise<SupervisoryCaseRow | undefined> =>
      tx
        .selectFrom('supervisory_cases')
        .selectAll()
        .where('id', '=', id)
        .where('controller_organisation_id', '=', controllerId)
        .executeTakeFirst(),

    /** Locked, so that two changes of one case are made one after the other. */
    caseForUpdate: (tx: Tx, controllerId: string, id: string): Promise<SupervisoryCaseRow | undefined> =>
      tx
        .selectFrom('supervisory_cases')
        .selectAll()
        .where('id', '=', id)
        .where('controller_organisation_id', '=', controllerId)
        .forUpdate()
        .executeTakeFirst(),

    referenceInUse: async (tx: Tx, controllerId: string, reference: string): Promise<boolean> =>
      (await tx
        .selectFrom('supervisory_cases')
        .select('id')
        .where('controller_organisation_id', '=', controllerId)
        .where('commission_reference', '=', reference)
        .executeTakeFirst()) !== undefined,

    updateCase: (
      tx: Tx,
      id: string,
      change: Updateable<SupervisoryCasesTable>,
    ): Promise<SupervisoryCaseRow> =>
      tx
        .updateTable('supervisory_cases')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    insertEntry: (tx: Tx, row: Insertable<SupervisoryEntriesTable>): Promise<SupervisoryEntryRow> =>
      tx.insertInto('supervisory_entries').values(row).returningAll().executeTakeFirstOrThrow(),

    entriesOf: (tx: Tx, caseId: string): Promise<SupervisoryEntryRow[]> =>
      tx
        .selectFrom('supervisory_entries')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('dated_on')
        .orderBy('recorded_at')
        .execute(),

    insertAction: (tx: Tx, row: Insertable<SupervisoryActionsTable>): Promise<SupervisoryActionRow> =>
      tx.insertInto('supervisory_actions').values(row).returningAll().executeTakeFirstOrThrow(),

    actionsOf: (tx: Tx, caseIds: readonly string[]): Promise<SupervisoryActionRow[]> =>
      caseIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('supervisory_actions')
            .selectAll()
            .where('case_id', 'in', caseIds)
            .orderBy('due_on')
            .orderBy('created_at')
            .execute(),

    actionForUpdate: (tx: Tx, caseId: string, id: string): Promise<SupervisoryActionRow | undefined> =>
      tx
        .selectFrom('supervisory_actions')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .forUpdate()
        .executeTakeFirst(),

    updateAction: (tx: Tx, id: string, change: Updateable<SupervisoryActionsTable>): Promise<void> =>
      tx
        .updateTable('supervisory_actions')
        .set(change)
        .where('id', '=', id)
        .execute()
        .then(() => undefined),

    insertPosition: (tx: Tx, row: Insertable<SupervisoryPositionsTable>): Promise<SupervisoryPositionRow> =>
      tx.insertInto('supervisory_positions').values(row).returningAll().executeTakeFirstOrThrow(),

    positionsOf: (tx: Tx, caseIds: readonly string[]): Promise<SupervisoryPositionRow[]> =>
      caseIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('supervisory_positions')
            .selectAll()
            .where('case_id', 'in', caseIds)
            .orderBy('invited_on')
            .orderBy('created_at')
            .execute(),

    positionForUpdate: (tx: Tx, caseId: string, id: string): Promise<SupervisoryPositionRow | undefined> =>
      tx
        .selectFrom('supervisory_positions')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .forUpdate()
        .executeTakeFirst(),

    updatePosition: (tx: Tx, id: string, change: Updateable<SupervisoryPositionsTable>): Promise<void> =>
      tx
        .updateTable('supervisory_positions')
        .set(change)
        .where('id', '=', id)
        .execute()
        .then(() => undefined),

    /** SUP-01: the controller's open actions and awaited positions, ids and dates only (any reader). */
    async openItems(tx: Tx, controllerId: string): Promise<OpenItemRow[]> {
      const { rows } = await sql<OpenItemRow>`
        SELECT item, item_id, case_id, commission_reference, due_on
        FROM concerto_open_supervisory_items(${controllerId}::uuid)`.execute(tx);
      return rows;
    },

    userNames: async (tx: Tx, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((row) => [row.id, row.display_name]));
    },

    // --- SUP-05 ------------------------------------------------------------------------------

    /** The blind indexes of a part's request: the person, never named in clear (controller desk). */
    partPerson: (tx: Tx, partId: string) =>
      tx
        .selectFrom('rights_request_parts as p')
        .innerJoin('rights_requests as q', 'q.id', 'p.request_id')
        .select(['p.id', 'p.controller_organisation_id', 'q.kind', 'q.nrn_index', 'q.name_dob_index'])
        .where('p.id', '=', partId)
        .executeTakeFirst(),

    insertInstruction: (
      tx: Tx,
      row: Insertable<CommissionRepeatInstructionsTable>,
    ): Promise<RepeatInstructionRow> =>
      tx.insertInto('commission_repeat_instructions').values(row).returningAll().executeTakeFirstOrThrow(),

    instructionsOf: (tx: Tx, controllerId: string): Promise<RepeatInstructionRow[]> =>
      tx
        .selectFrom('commission_repeat_instructions')
        .selectAll()
        .where('controller_organisation_id', '=', controllerId)
        .orderBy('recorded_at', 'desc')
        .execute(),

    // --- SUP-03 ------------------------------------------------------------------------------

    insertGrant: (tx: Tx, row: Insertable<InspectorGrantsTable>): Promise<InspectorGrantRow> =>
      tx.insertInto('inspector_grants').values(row).returningAll().executeTakeFirstOrThrow(),

    grantsOf: (tx: Tx, controllerId: string): Promise<InspectorGrantRow[]> =>
      tx
        .selectFrom('inspector_grants')
        .selectAll()
        .where('controller_organisation_id', '=', controllerId)
        .orderBy('granted_at', 'desc')
        .execute(),

    /** The grants of an inspector's account, the latest first (RLS: its own, or its controller's DPO). */
    grantsOfInspector: (tx: Tx, userId: string): Promise<InspectorGrantRow[]> =>
      tx
        .selectFrom('inspector_grants')
        .selectAll()
        .where('inspector_user_id', '=', userId)
        .orderBy('granted_at', 'desc')
        .execute(),

    grantForUpdate: (tx: Tx, controllerId: string, id: string): Promise<InspectorGrantRow | undefined> =>
      tx
        .selectFrom('inspector_grants')
        .selectAll()
        .where('id', '=', id)
        .where('controller_organisation_id', '=', controllerId)
        .forUpdate()
        .executeTakeFirst(),

    updateGrant: (tx: Tx, id: string, change: Updateable<InspectorGrantsTable>): Promise<InspectorGrantRow> =>
      tx
        .updateTable('inspector_grants')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** SUP-03: marks the grants that ended by `at` closed; returns them and whether their account has another running. */
    async closeEndedGrants(
      tx: Tx,
      at: Date,
    ): Promise<{ grant_id: string; inspector_user_id: string; still_running: boolean }[]> {
      const { rows } = await sql<{ grant_id: string; inspector_user_id: string; still_running: boolean }>`
        SELECT grant_id, inspector_user_id, still_running FROM concerto_close_ended_inspector_grants(${at})`.execute(
        tx,
      );
      return rows;
    },

    userByEmail: (tx: Tx, email: string): Promise<UserRow | undefined> =>
      tx.selectFrom('users').selectAll().where('email', '=', email).forUpdate().executeTakeFirst(),

    users: (tx: Tx, ids: readonly string[]): Promise<UserRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('users')
            .selectAll()
            .where('id', 'in', [...new Set(ids)])
            .execute(),

    insertUser: (tx: Tx, row: Insertable<UsersTable>): Promise<UserRow> =>
      tx.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow(),

    /** Activation, deactivation or renaming of an inspector's account: every older session ends. */
    updateUserEndingSessions: (
      tx: Tx,
      id: string,
      patch: { active?: boolean; deactivated_at?: Date | null; display_name?: string; updated_at: Date },
    ): Promise<void> =>
      tx
        .updateTable('users')
        .set((eb) => ({ ...patch, session_epoch: eb('session_epoch', '+', 1) }))
        .where('id', '=', id)
        .execute()
        .then(() => undefined),

    organisationName: async (tx: Tx, id: string): Promise<string> =>
      (
        await tx
          .selectFrom('organisations')
          .select('legal_name')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).legal_name,
  };
}

export type SupervisionRepository = ReturnType<typeof createSupervisionRepository>;
