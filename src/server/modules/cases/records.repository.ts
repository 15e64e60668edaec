/**
 * Persons and information items of a case (migration 0016), as the runtime role under row-level
 * security. The list reads compile the visibility rule to SQL (`visibleOnly`): a relation that
 * does not see the compartment sees shared records only; the policies apply the same rule again.
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  ItemAttachmentsTable,
  ItemsTable,
  ItemVersionsTable,
  PersonsTable,
  PersonVersionsTable,
} from '../../db/schema.js';
import { createMinimisationRepository } from './minimisation.repository.js';
import { createItemReviewsRepository } from './item-reviews.repository.js';
import { createPriorNoticesRepository } from './prior-notices.repository.js';
import { asOf, controllerSexLifeDecrees, type ItemRow } from './items-as-of.js';

export type { ItemRow };

export type PersonRow = Selectable<PersonsTable>;
/** A person with the subjects a relation/contact relates to (DAT-17). */
export type LinkedPersonRow = PersonRow & { subject_ids: string[] };
/** An item with the persons it is about. */
export type LinkedItemRow = ItemRow & { person_ids: string[] };
export type AttachmentMeta = Omit<Selectable<ItemAttachmentsTable>, 'content'>;

const attachmentColumns = [
  'id',
  'item_id',
  'case_id',
  'filename',
  'media_type',
  'size_bytes',
  'sha256',
  'created_by',
  'created_at',
  'erased_at',
] as const;

export function createRecordsRepository() {
  return {
    // The prior written notices to the persons of a case (SPEC DAT-32).
    ...createPriorNoticesRepository(),
    // The review reminders and erasure reviews of the controller's items, and the exporters' notices (SPEC SEC-11, FIL-08).
    ...createItemReviewsRepository(),
    // The last reads of items and the catch-all reviews of the minimisation review (SPEC PUR-04, DAT-16).
    ...createMinimisationRepository(),

    insertPerson: (tx: Tx, row: Insertable<PersonsTable>): Promise<PersonRow> =>
      tx.insertInto('persons').values(row).returningAll().executeTakeFirstOrThrow(),

    async linkPerson(tx: Tx, relationId: string, subjectIds: readonly string[]): Promise<void> {
      if (subjectIds.length === 0) return;
      await tx
        .insertInto('person_links')
        .values(subjectIds.map((subjectId) => ({ relation_id: relationId, subject_id: subjectId })))
        .execute();
    },

    /**
     * The persons of the case the reader sees, with the subjects each relates to;
     * `sharedOnly` when it does not see the compartment.
     */
    personsOf: (tx: Tx, caseId: string, sharedOnly: boolean): Promise<LinkedPersonRow[]> => {
      let query = tx
        .selectFrom('persons')
        .selectAll()
        .select(
          sql<string[]>`array(SELECT l.subject_id FROM person_links l WHERE l.relation_id = persons.id ORDER BY l.subject_id)`.as(
            'subject_ids',
          ),
        )
        .where('case_id', '=', caseId);
      if (sharedOnly) query = query.where('shared', '=', true);
      return query.orderBy('created_at').orderBy('id').execute();
    },

    personForUpdate: (tx: Tx, caseId: string, id: string): Promise<PersonRow | undefined> =>
      tx
        .selectFrom('persons')
        .selectAll()
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .forUpdate()
        .executeTakeFirst(),

    updatePerson: (tx: Tx, id: string, change: Updateable<PersonsTable>): Promise<PersonRow> =>
      tx.updateTable('persons').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    async personVersion(tx: Tx, row: Insertable<PersonVersionsTable>): Promise<void> {
      await tx.insertInto('person_versions').values(row).execute();
    },

    /** SPEC SEC-07: persons whose blind index matches, among the cases row-level security shows. */
    personsByIndex: (tx: Tx, column: 'nrn_index' | 'name_dob_index', index: Buffer) =>
      tx
        .selectFrom('persons')
        .select(['id', 'case_id', 'role'])
        .where(column, '=', index)
        .orderBy('created_at')
        .execute(),

    insertItem: (tx: Tx, row: Insertable<ItemsTable>): Promise<ItemRow> =>
      tx.insertInto('items').values(row).returningAll().executeTakeFirstOrThrow(),

    async setItemPersons(tx: Tx, itemId: string, personIds: readonly string[]): Promise<void> {
      await tx.deleteFrom('item_persons').where('item_id', '=', itemId).execute();
      await tx
        .insertInto('item_persons')
        .values(personIds.map((personId) => ({ item_id: itemId, person_id: personId })))
        .execute();
    },

    /** The items of the case the reader sees, with the persons each is about, as of `today` (Brussels). */
    itemsOf: async (tx: Tx, caseId: string, sharedOnly: boolean, today: string): Promise<LinkedItemRow[]> => {
      let query = tx
        .selectFrom('items')
        .selectAll()
        .select(
          sql<string[]>`array(SELECT ip.person_id FROM item_persons ip WHERE ip.item_id = items.id ORDER BY ip.person_id)`.as(
            'person_ids',
          ),
        )
        .select(controllerSexLifeDecrees)
        .where('case_id', '=', caseId);
      if (sharedOnly) query = query.where('shared', '=', true);
      return (await query.orderBy('created_at').orderBy('id').execute()).map((row) => asOf(row, today));
    },

    itemById: async (tx: Tx, caseId: string, id: string, today: string): Promise<LinkedItemRow | undefined> => {
      const row = await tx
        .selectFrom('items')
        .selectAll()
        .select(
          sql<string[]>`array(SELECT ip.person_id FROM item_persons ip WHERE ip.item_id = items.id ORDER BY ip.person_id)`.as(
            'person_ids',
          ),
        )
        .select(controllerSexLifeDecrees)
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .executeTakeFirst();
      return row && asOf(row, today);
    },

    itemForUpdate: async (tx: Tx, caseId: string, id: string, today: string): Promise<ItemRow | undefined> => {
      const row = await tx
        .selectFrom('items')
        .selectAll()
        .select(controllerSexLifeDecrees)
        .where('id', '=', id)
        .where('case_id', '=', caseId)
        .forUpdate()
        .executeTakeFirst();
      return row && asOf(row, today);
    },

    updateItem: (tx: Tx, id: string, change: Updateable<ItemsTable>): Promise<ItemRow> =>
      tx.updateTable('items').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    async itemVersion(tx: Tx, row: Insertable<ItemVersionsTable>): Promise<void> {
      await tx.insertInto('item_versions').values(row).execute();
    },

    versionsOf: (tx: Tx, itemId: string) =>
      tx
        .selectFrom('item_versions as v')
        .innerJoin('users as u', 'u.id', 'v.changed_by')
        .select(['v.version', 'v.category', 'v.reveals_sensitive', 'v.criminal_related', 'v.payload', 'v.changed_at', 'v.reason', 'u.display_name'])
        .where('v.item_id', '=', itemId)
        .orderBy('v.version', 'desc')
        .execute(),

    /** Erasure wipes the content of every version and attachment; the shell stays as evidence. */
    async wipeItem(tx: Tx, itemId: string, at: Date): Promise<void> {
      await tx.updateTable('item_versions').set({ payload: null }).where('item_id', '=', itemId).execute();
      await tx
        .updateTable('item_attachments')
        .set({ content: null, erased_at: at })
        .where('item_id', '=', itemId)
        .where('erased_at', 'is', null)
        .execute();
    },

    /** Shares the controller's unshared records among `ids`; returns those it shared. */
    async share(tx: Tx, table: 'persons' | 'items', caseId: string, ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await tx
        .updateTable(table)
        .set({ shared: true })
        .where('case_id', '=', caseId)
        .where('id', 'in', ids)
        .where('shared', '=', false)
        .returning('id')
        .execute();
      return rows.map((row) => row.id);
    },

    /** The reviewer's signal shares compartment records through the one narrow door of migration 0016. */
    async shareForReviewerSignal(tx: Tx, caseId: string, personIds: readonly string[], itemIds: readonly string[]) {
      await sql`SELECT concerto_signal_reviewed_records(${caseId}::uuid, ${[...personIds]}::uuid[], ${[...itemIds]}::uuid[])`.execute(tx);
    },

    /** SCO-05: the consultation had this case on its agenda and took place (it was opened). */
    consultationDiscussed: async (tx: Tx, consultationId: string, caseId: string): Promise<boolean> =>
      (await tx
        .selectFrom('consultation_agenda as a')
        .innerJoin('consultations as c', 'c.id', 'a.consultation_id')
        .select('a.case_id')
        .where('a.consultation_id', '=', consultationId)
        .where('a.case_id', '=', caseId)
        .where('c.opened_at', 'is not', null)
        .executeTakeFirst()) !== undefined,

    /** FIL-08: the organisations that exported the item to their own file (the export register). */
    exportersOf: (tx: Tx, itemId: string): Promise<string[]> =>
      tx
        .selectFrom('own_file_exports as e')
        .innerJoin('own_file_transfers as t', 't.id', 'e.transfer_id')
        .select('t.requester_organisation_id')
        .distinct()
        .where(sql<boolean>`${itemId}::uuid = ANY (e.item_ids)`)
        .execute()
        .then((rows) => rows.map((row) => row.requester_organisation_id)),

    insertAttachment: (tx: Tx, row: Insertable<ItemAttachmentsTable>): Promise<AttachmentMeta> =>
      tx.insertInto('item_attachments').values(row).returning(attachmentColumns).executeTakeFirstOrThrow(),

    attachmentsOf: (tx: Tx, caseId: string): Promise<AttachmentMeta[]> =>
      tx
        .selectFrom('item_attachments')
        .select(attachmentColumns)
        .where('case_id', '=', caseId)
        .where('erased_at', 'is', null)
        .orderBy('created_at')
        .execute(),

    /** Bytes stored for the case so far (the per-case quota). */
    attachmentBytes: (tx: Tx, caseId: string): Promise<number> =>
      tx
        .selectFrom('item_attachments')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.lit(0)).as('total'))
        .where('case_id', '=', caseId)
        .where('erased_at', 'is', null)
        .executeTakeFirstOrThrow()
        .then((row) => Number(row.total)),

    attachment: (tx: Tx, itemId: string, id: string) =>
      tx
        .selectFrom('item_attachments')
        .selectAll()
        .where('id', '=', id)
        .where('item_id', '=', itemId)
        .where('erased_at', 'is', null)
        .executeTakeFirst(),

    async correctionRequest(
      tx: Tx,
      row: {
        id: string;
        case_id: string;
        item_id: string;
        organisation_id: string;
        requested_by: string;
        text: Buffer;
        created_at: Date;
      },
    ): Promise<void> {
      await tx.insertInto('correction_requests').values(row).execute();
    },
  };
}

export type RecordsRepository = ReturnType<typeof createRecordsRepository>;
