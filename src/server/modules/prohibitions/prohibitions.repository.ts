/** Prohibitions from managing a processing and the accounts they name (migration 0035), in SQL. */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  ManagementProhibitionAccountsTable,
  ManagementProhibitionsTable,
  UsersTable,
} from '../../db/schema.js';

export type ProhibitionRow = Selectable<ManagementProhibitionsTable>;
export type LinkedAccountRow = Selectable<ManagementProhibitionAccountsTable> &
  Pick<Selectable<UsersTable>, 'display_name' | 'organisation_id' | 'roles' | 'active'>;

/** An audit event that gave, or tried to give, an account roles (PEN-18). */
export interface RoleAssignmentEvent {
  position: number;
  payload: string;
}

export function createProhibitionsRepository() {
  return {
    insert: (tx: Tx, row: Insertable<ManagementProhibitionsTable>): Promise<ProhibitionRow> =>
      tx.insertInto('management_prohibitions').values(row).returningAll().executeTakeFirstOrThrow(),

    async link(tx: Tx, rows: readonly Insertable<ManagementProhibitionAccountsTable>[]): Promise<void> {
      if (rows.length > 0) await tx.insertInto('management_prohibition_accounts').values(rows).execute();
    },

    all: (tx: Tx): Promise<ProhibitionRow[]> =>
      tx
        .selectFrom('management_prohibitions')
        .selectAll()
        .orderBy('starts_on', 'desc')
        .orderBy('id')
        .execute(),

    byId: (tx: Tx, id: string): Promise<ProhibitionRow | undefined> =>
      tx.selectFrom('management_prohibitions').selectAll().where('id', '=', id).executeTakeFirst(),

    accountsOf: (tx: Tx, prohibitionIds: readonly string[]): Promise<LinkedAccountRow[]> =>
      prohibitionIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('management_prohibition_accounts as a')
            .innerJoin('users as u', 'u.id', 'a.user_id')
            .select([
              'a.prohibition_id',
              'a.user_id',
              'a.linked_by',
              'a.linked_at',
              'u.display_name',
              'u.organisation_id',
              'u.roles',
              'u.active',
            ])
            .where('a.prohibition_id', 'in', prohibitionIds)
            .orderBy('a.linked_at')
            .orderBy('a.user_id')
            .execute(),

    /** The prohibitions naming `userId` that have not ended by `day` (running, or starting later). */
    ofAccount: (tx: Tx, userId: string, day: string): Promise<ProhibitionRow[]> =>
      tx
        .selectFrom('management_prohibitions as p')
        .innerJoin('management_prohibition_accounts as a', 'a.prohibition_id', 'p.id')
        .selectAll('p')
        .where('a.user_id', '=', userId)
        .where(sql<boolean>`p.ends_on >= ${day}::date`)
        .orderBy('p.starts_on')
        .execute(),

    /** The prohibitions running on `day`, for the daily enforcement. */
    runningOn: (tx: Tx, day: string): Promise<ProhibitionRow[]> =>
      tx
        .selectFrom('management_prohibitions')
        .selectAll()
        .where(sql<boolean>`starts_on <= ${day}::date AND ends_on >= ${day}::date`)
        .execute(),

    /** Locks the account, so that a concurrent role change waits for the withdrawal. */
    userForUpdate: (tx: Tx, userId: string) =>
      tx.selectFrom('users').selectAll().where('id', '=', userId).forUpdate().executeTakeFirst(),

    /** A change of roles or the deactivation: a privilege change, so every session of the account ends. */
    updateUserEndingSessions: (
      tx: Tx,
      userId: string,
      patch: { roles?: string[]; active?: boolean; deactivated_at?: Date; updated_at: Date },
    ) =>
      tx
        .updateTable('users')
        .set((eb) => ({ ...patch, session_epoch: eb('session_epoch', '+', 1) }))
        .where('id', '=', userId)
        .execute(),

    /**
     * The role changes the audit log records for any of `userIds` (PEN-18), granted or refused,
     * oldest first. The payload is the canonical JSON the log hashed; the caller reads its records.
     */
    roleChangesOf: async (tx: Tx, userIds: readonly string[]): Promise<RoleAssignmentEvent[]> => {
      if (userIds.length === 0) return [];
      const { rows } = await sql<{ position: string | number; payload: string }>`
        SELECT position, payload FROM audit_events
        WHERE action = 'admin.user_roles_changed'
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(payload::jsonb -> 'records') r
            WHERE r ->> 'type' = 'user' AND r ->> 'id' = ANY (${userIds as string[]}::text[]))
        ORDER BY position`.execute(tx);
      return rows.map((row) => ({ position: Number(row.position), payload: row.payload }));
    },
  };
}

export type ProhibitionsRepository = ReturnType<typeof createProhibitionsRepository>;
