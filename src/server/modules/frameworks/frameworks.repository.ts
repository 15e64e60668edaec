/** Frameworks and their participants (migration 0013). They hold no personal data: no RLS. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { FrameworksTable } from '../../db/schema.js';

export type FrameworkRow = Omit<Selectable<FrameworksTable>, 'authorisation_document'>;

/** Every column but the signed document itself, which is read only to be served. */
export const FRAMEWORK_COLUMNS = [
  'id',
  'name',
  'template',
  'basis_kind',
  'basis_title',
  'basis_date',
  'basis_article',
  'authorisation_reference',
  'authorisation_date',
  'authorisation_motivation',
  'authorisation_document_sha256',
  'processing_basis_kind',
  'processing_basis_citation',
  'purposes',
  'organiser_organisation_id',
  'authorising_organisation_id',
  'modalities',
  'own_file_export_disabled',
  'export_four_eyes',
  'allowed_categories',
  'default_retention_months',
  'default_retention_other_rule',
  'designated_controllers',
  'state',
  'created_by',
  'created_at',
  'updated_at',
  'activated_by',
  'activated_at',
] as const;

export interface ParticipantRef {
  framework_id: string;
  organisation_id: string;
  legal_name: string;
}

export function createFrameworksRepository() {
  return {
    insert: (tx: Tx, row: Insertable<FrameworksTable>): Promise<FrameworkRow> =>
      tx.insertInto('frameworks').values(row).returning(FRAMEWORK_COLUMNS).executeTakeFirstOrThrow(),

    byId: (tx: Tx, id: string): Promise<FrameworkRow | undefined> =>
      tx.selectFrom('frameworks').select(FRAMEWORK_COLUMNS).where('id', '=', id).executeTakeFirst(),

    forUpdate: (tx: Tx, id: string): Promise<FrameworkRow | undefined> =>
      tx
        .selectFrom('frameworks')
        .select(FRAMEWORK_COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst(),

    update: (tx: Tx, id: string, change: Updateable<FrameworksTable>): Promise<FrameworkRow> =>
      tx
        .updateTable('frameworks')
        .set(change)
        .where('id', '=', id)
        .returning(FRAMEWORK_COLUMNS)
        .executeTakeFirstOrThrow(),

    /** All frameworks, newest first (the operator's view). */
    all: (tx: Tx): Promise<FrameworkRow[]> =>
      tx.selectFrom('frameworks').select(FRAMEWORK_COLUMNS).orderBy('created_at', 'desc').execute(),

    /** Active frameworks in which one of `organisations` organises or takes part (SPEC ROL-01). */
    activeFor: (tx: Tx, organisations: readonly string[]): Promise<FrameworkRow[]> => {
      if (organisations.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('frameworks')
        .select(FRAMEWORK_COLUMNS)
        .where('state', '=', 'active')
        .where((eb) =>
          eb.or([
            eb('organiser_organisation_id', 'in', organisations),
            eb.exists(
              eb
                .selectFrom('framework_participants as p')
                .select('p.organisation_id')
                .whereRef('p.framework_id', '=', 'frameworks.id')
                .where('p.organisation_id', 'in', organisations)
                .where('p.removed_at', 'is', null),
            ),
          ]),
        )
        .orderBy('name')
        .execute();
    },

    /** The current participants of `frameworkIds`, with their names. */
    participants: (tx: Tx, frameworkIds: readonly string[]): Promise<ParticipantRef[]> => {
      if (frameworkIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('framework_participants as p')
        .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select(['p.framework_id', 'p.organisation_id', 'o.legal_name'])
        .where('p.framework_id', 'in', frameworkIds)
        .where('p.removed_at', 'is', null)
        .orderBy('o.legal_name')
        .execute();
    },

    /** Adds `organisationId` to the whitelist, or puts it back after a removal; false when already there. */
    async addParticipant(tx: Tx, frameworkId: string, organisationId: string, by: string, at: Date) {
      const row = await tx
        .insertInto('framework_participants')
        .values({ framework_id: frameworkId, organisation_id: organisationId, added_by: by, added_at: at })
        .onConflict((oc) =>
          oc
            .columns(['framework_id', 'organisation_id'])
            .doUpdateSet({ added_by: by, added_at: at, removed_by: null, removed_at: null })
            .where('framework_participants.removed_at', 'is not', null),
        )
        .returning('organisation_id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** True when it was on the whitelist. */
    async removeParticipant(tx: Tx, frameworkId: string, organisationId: string, by: string, at: Date) {
      const result = await tx
        .updateTable('framework_participants')
        .set({ removed_by: by, removed_at: at })
        .where('framework_id', '=', frameworkId)
        .where('organisation_id', '=', organisationId)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    organisationNames: async (tx: Tx, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('organisations')
        .select(['id', 'legal_name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((row) => [row.id, row.legal_name]));
    },

    /** Active organisations that take part in consultations (not the host), among `ids`. */
    participantOrganisations: async (tx: Tx, ids: readonly string[]): Promise<Set<string>> => {
      if (ids.length === 0) return new Set();
      const rows = await tx
        .selectFrom('organisations')
        .select('id')
        .where('id', 'in', ids)
        .where('active', '=', true)
        .where('kind', '!=', 'platform_operator')
        .execute();
      return new Set(rows.map((row) => row.id));
    },

    /** Active judicial authorities among `ids`: a prosecutor's office authorises (bill art. 7). */
    judicialAuthorities: async (tx: Tx, ids: readonly string[]): Promise<Set<string>> => {
      if (ids.length === 0) return new Set();
      const rows = await tx
        .selectFrom('organisations')
        .select('id')
        .where('id', 'in', ids)
        .where('active', '=', true)
        .where('kind', '=', 'judicial_authority')
        .execute();
      return new Set(rows.map((row) => row.id));
    },

    document: (tx: Tx, id: string) =>
      tx
        .selectFrom('frameworks')
        .select(['authorisation_document', 'authorisation_document_sha256'])
        .where('id', '=', id)
        .executeTakeFirst(),
  };
}

export type FrameworksRepository = ReturnType<typeof createFrameworksRepository>;
