/**
 * What a restore reads and settles to re-apply the destructions made after its backup (SPEC RET-07;
 * migration 0040). It runs inside the restore's transaction as the database owner (db/restore.ts), so
 * these reads see every restored case: ids, states and whether a data key or a tombstone exists, never
 * content.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CaseState } from '../../db/schema.js';

export interface RestoredCase {
  caseId: string;
  state: CaseState;
  /** The case has wrapped data keys: its scope key must be in the key provider unless it was destroyed. */
  hasKeys: boolean;
  /** A tombstone of the case is in the backup: its purge committed, and its rows should be gone. */
  tombstoned: boolean;
}

export function createRestoreDestructionsRepository() {
  return {
    async restoredCases(tx: Tx): Promise<RestoredCase[]> {
      const { rows } = await sql<{
        case_id: string;
        state: CaseState;
        has_keys: boolean;
        tombstoned: boolean;
      }>`
        SELECT c.id AS case_id, c.state,
          EXISTS (SELECT 1 FROM data_keys k WHERE k.scope = 'case:' || c.id::text) AS has_keys,
          EXISTS (SELECT 1 FROM case_tombstones t WHERE t.case_id = c.id) AS tombstoned
        FROM cases c ORDER BY c.id`.execute(tx);
      return rows.map((row) => ({
        caseId: row.case_id,
        state: row.state,
        hasKeys: row.has_keys,
        tombstoned: row.tombstoned,
      }));
    },

    /** A pending entry of a list the backup had unapproved gives way to the restore's own list. */
    async withdrawForRestore(tx: Tx, listId: string, caseId: string, at: Date): Promise<void> {
      await tx
        .updateTable('destruction_list_entries')
        .set({ status: 'withdrawn', withdrawn_because: 'restore', settled_at: at })
        .where('list_id', '=', listId)
        .where('case_id', '=', caseId)
        .where('status', '=', 'pending')
        .execute();
    },
  };
}

export type RestoreDestructionsRepository = ReturnType<typeof createRestoreDestructionsRepository>;
