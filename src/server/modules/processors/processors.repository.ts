/**
 * The processor registry (migration 0034): records, their immutable document versions and the
 * controller's reviews. No row here is case data; the access module decides who reads what.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  ProcessorDocumentsTable,
  ProcessorRecordsTable,
  ProcessorReviewsTable,
} from '../../db/schema.js';

export type ProcessorRecordRow = Selectable<ProcessorRecordsTable>;
export type ProcessorDocumentMeta = Omit<Selectable<ProcessorDocumentsTable>, 'content'>;
export type ProcessorReviewRow = Selectable<ProcessorReviewsTable>;

const documentColumns = [
  'id',
  'record_id',
  'kind',
  'version',
  'filename',
  'media_type',
  'size_bytes',
  'sha256',
  'document_date',
  'uploaded_by',
  'uploaded_at',
] as const;

export interface OrganisationFacts {
  id: string;
  kind: string;
  active: boolean;
  legal_name: string;
  address: string;
  enterprise_number: string | null;
}

export function createProcessorsRepository() {
  return {
    insertRecord: (tx: Tx, row: Insertable<ProcessorRecordsTable>): Promise<ProcessorRecordRow> =>
      tx.insertInto('processor_records').values(row).returningAll().executeTakeFirstOrThrow(),

    recordById: (tx: Tx, id: string): Promise<ProcessorRecordRow | undefined> =>
      tx.selectFrom('processor_records').selectAll().where('id', '=', id).executeTakeFirst(),

    /** Locked for a change, an approval or a new document version. */
    recordForUpdate: (tx: Tx, id: string): Promise<ProcessorRecordRow | undefined> =>
      tx.selectFrom('processor_records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    updateRecord: (
      tx: Tx,
      id: string,
      change: Updateable<ProcessorRecordsTable>,
    ): Promise<ProcessorRecordRow> =>
      tx
        .updateTable('processor_records')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The records of `controllerIds` (all controllers when undefined), oldest first. */
    recordsOf: (tx: Tx, controllerIds?: readonly string[]): Promise<ProcessorRecordRow[]> => {
      let query = tx.selectFrom('processor_records').selectAll();
      if (controllerIds) {
        if (controllerIds.length === 0) return Promise.resolve([]);
        query = query.where('controller_organisation_id', 'in', [...controllerIds]);
      }
      return query.orderBy('controller_organisation_id').orderBy('created_at').orderBy('id').execute();
    },

    insertDocument: (tx: Tx, row: Insertable<ProcessorDocumentsTable>): Promise<ProcessorDocumentMeta> =>
      tx.insertInto('processor_documents').values(row).returning(documentColumns).executeTakeFirstOrThrow(),

    documentsOf: (tx: Tx, recordIds: readonly string[]): Promise<ProcessorDocumentMeta[]> => {
      if (recordIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('processor_documents')
        .select(documentColumns)
        .where('record_id', 'in', [...recordIds])
        .orderBy('kind')
        .orderBy('version')
        .execute();
    },

    document: (tx: Tx, recordId: string, id: string) =>
      tx
        .selectFrom('processor_documents')
        .selectAll()
        .where('record_id', '=', recordId)
        .where('id', '=', id)
        .executeTakeFirst(),

    insertReview: (tx: Tx, row: Insertable<ProcessorReviewsTable>): Promise<ProcessorReviewRow> =>
      tx.insertInto('processor_reviews').values(row).returningAll().executeTakeFirstOrThrow(),

    reviewsOf: (tx: Tx, recordIds: readonly string[]): Promise<ProcessorReviewRow[]> => {
      if (recordIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('processor_reviews')
        .selectAll()
        .where('record_id', 'in', [...recordIds])
        .orderBy('reviewed_on')
        .orderBy('recorded_at')
        .execute();
    },

    organisations: (tx: Tx, ids: readonly string[]): Promise<OrganisationFacts[]> => {
      if (ids.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('organisations')
        .select(['id', 'kind', 'active', 'legal_name', 'address', 'enterprise_number'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
    },

    /** The host of the instance: the active platform operator organisation (the first, if several). */
    platformOperator: (tx: Tx): Promise<OrganisationFacts | undefined> =>
      tx
        .selectFrom('organisations')
        .select(['id', 'kind', 'active', 'legal_name', 'address', 'enterprise_number'])
        .where('kind', '=', 'platform_operator')
        .where('active', '=', true)
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst(),

    /** The active controllers of the instance (every organisation but the host), by name. */
    controllers: (tx: Tx): Promise<OrganisationFacts[]> =>
      tx
        .selectFrom('organisations')
        .select(['id', 'kind', 'active', 'legal_name', 'address', 'enterprise_number'])
        .where('kind', '!=', 'platform_operator')
        .where('active', '=', true)
        .orderBy('legal_name')
        .execute(),

    async userNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
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

export type ProcessorsRepository = ReturnType<typeof createProcessorsRepository>;
