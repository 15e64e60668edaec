/**
 * The prosecutor's list (migration 0024), as the runtime role under row-level security: the acting
 * office reads and keeps its own entries only (SPEC LST-01).
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  ProsecutorListEntriesTable,
  ProsecutorListLookupsTable,
  ProsecutorListRemovalsTable,
} from '../../db/schema.js';

export type ListEntryRow = Selectable<ProsecutorListEntriesTable>;

export function createProsecutorListRepository() {
  return {
    /** The office's entries not past their erasure date, newest first (LST-03: never shown after it). */
    ofOffice: (tx: Tx, organisationId: string, at: Date): Promise<ListEntryRow[]> =>
      tx
        .selectFrom('prosecutor_list_entries')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where((eb) => eb.or([eb('erase_by', 'is', null), eb('erase_by', '>', at)]))
        .orderBy('proposed_at', 'desc')
        .orderBy('id')
        .execute(),

    byId: (tx: Tx, organisationId: string, id: string): Promise<ListEntryRow | undefined> =>
      tx
        .selectFrom('prosecutor_list_entries')
        .selectAll()
        .where('id', '=', id)
        .where('organisation_id', '=', organisationId)
        .forUpdate()
        .executeTakeFirst(),

    update: async (tx: Tx, id: string, change: Updateable<ProsecutorListEntriesTable>): Promise<void> => {
      await tx.updateTable('prosecutor_list_entries').set(change).where('id', '=', id).execute();
    },

    remove: async (tx: Tx, id: string): Promise<void> => {
      await tx.deleteFrom('prosecutor_list_entries').where('id', '=', id).execute();
    },

    removal: async (tx: Tx, row: Insertable<ProsecutorListRemovalsTable>): Promise<void> => {
      await tx.insertInto('prosecutor_list_removals').values(row).execute();
    },

    /** LST-02: the office's entries whose blind index matches. */
    matching: (tx: Tx, organisationId: string, index: { nrn?: Buffer; nameDob?: Buffer }, at: Date) =>
      tx
        .selectFrom('prosecutor_list_entries')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where((eb) => eb.or([eb('erase_by', 'is', null), eb('erase_by', '>', at)]))
        .where((eb) =>
          index.nrn
            ? eb('nrn_index', '=', index.nrn)
            : eb('name_dob_index', '=', index.nameDob ?? Buffer.alloc(0)),
        )
        .orderBy('proposed_at')
        .execute(),

    logLookup: async (tx: Tx, row: Insertable<ProsecutorListLookupsTable>): Promise<string> =>
      (await tx.insertInto('prosecutor_list_lookups').values(row).returning('id').executeTakeFirstOrThrow())
        .id,

    /** The acting office's restriction (row-level security hides the others'). */
    restrictionOfOffice: (tx: Tx, id: string) =>
      tx.selectFrom('restrictions').select('id').where('id', '=', id).executeTakeFirst(),

    /**
     * A rights request routed to the office (bill art. 7 al. 2; migration 0023): row-level security
     * shows an office the parts on its route.
     */
    async officeHandlesRequest(tx: Tx, officeId: string, requestId: string): Promise<boolean> {
      const found = await tx
        .selectFrom('rights_request_parts')
        .select('id')
        .where('request_id', '=', requestId)
        .where('prosecutor_office_id', '=', officeId)
        .executeTakeFirst();
      return found !== undefined;
    },

    /** LST-03: deletes the entries past their erasure date, returning ids and offices only. */
    eraseExpired: async (tx: Tx, at: Date) =>
      (
        await sql<{ entry_id: string; organisation_id: string }>`
          SELECT entry_id, organisation_id FROM concerto_erase_expired_list_entries(${at})`.execute(tx)
      ).rows,
  };
}

export type ProsecutorListRepository = ReturnType<typeof createProsecutorListRepository>;
