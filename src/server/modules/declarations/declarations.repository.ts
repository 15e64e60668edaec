/**
 * Declarations, their frameworks, versions, update items and sheet requests (migration 0031), and
 * the configuration the generator reads: the controller, the frameworks and their parties
 * (migrations 0004, 0013). None of these hold case data: no row-level security; the service
 * decides who reads them.
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  DeclarationFrameworksTable,
  DeclarationsTable,
  DeclarationUpdateCause,
  DeclarationUpdateItemsTable,
  DeclarationVersionsTable,
  FrameworksTable,
  OrganisationsTable,
} from '../../db/schema.js';
import { FRAMEWORK_COLUMNS } from '../frameworks/frameworks.repository.js';

export type DeclarationRow = Selectable<DeclarationsTable>;
export type VersionRow = Selectable<DeclarationVersionsTable>;
export type UpdateItemRow = Selectable<DeclarationUpdateItemsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type FrameworkRow = Omit<Selectable<FrameworksTable>, 'authorisation_document'>;
export type MappingRow = Selectable<DeclarationFrameworksTable> & {
  framework_name: string;
  framework_state: 'draft' | 'active';
};

/** The last version of each declaration, joined on its declaration. */
const latestVersion = sql<boolean>`declaration_versions.number = (SELECT max(v.number) FROM declaration_versions v
  WHERE v.declaration_id = declaration_versions.declaration_id)`;

export function createDeclarationsRepository() {
  return {
    organisation: (tx: Tx, id: string): Promise<OrganisationRow | undefined> =>
      tx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),

    /** The host of the platform (the processor, bill art. 3 §1 al. 2). */
    host: (tx: Tx): Promise<{ legal_name: string; address: string } | undefined> =>
      tx
        .selectFrom('organisations')
        .select(['legal_name', 'address'])
        .where('kind', '=', 'platform_operator')
        .where('active', '=', true)
        .orderBy('created_at')
        .executeTakeFirst(),

    organisationNames: async (tx: Tx, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('organisations')
        .select(['id', 'legal_name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((row) => [row.id, row.legal_name]));
    },

    userNames: async (tx: Tx, ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((row) => [row.id, row.display_name]));
    },

    frameworks: (tx: Tx, ids: readonly string[]): Promise<FrameworkRow[]> => {
      if (ids.length === 0) return Promise.resolve([]);
      return tx.selectFrom('frameworks').select(FRAMEWORK_COLUMNS).where('id', 'in', ids).execute();
    },

    /** The organiser and current participants of `frameworkIds`, with their kind and name. */
    parties: (tx: Tx, frameworkIds: readonly string[]) => {
      if (frameworkIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('frameworks as f')
        .innerJoin('organisations as o', (join) =>
          join.on((eb) =>
            eb.or([
              eb('o.id', '=', eb.ref('f.organiser_organisation_id')),
              eb.exists(
                eb
                  .selectFrom('framework_participants as p')
                  .select('p.organisation_id')
                  .whereRef('p.framework_id', '=', 'f.id')
                  .whereRef('p.organisation_id', '=', 'o.id')
                  .where('p.removed_at', 'is', null),
              ),
            ]),
          ),
        )
        .select([
          'f.id as framework_id',
          'o.id as organisation_id',
          'o.legal_name',
          'o.kind',
          sql<
            'organiser' | 'participant'
          >`CASE WHEN o.id = f.organiser_organisation_id THEN 'organiser' ELSE 'participant' END`.as('role'),
        ])
        .where('f.id', 'in', frameworkIds)
        .orderBy('o.legal_name')
        .execute();
    },

    /** The frameworks `organisationId` organises or takes part in (active or draft). */
    frameworksOfParty: (
      tx: Tx,
      organisationId: string,
    ): Promise<{ id: string; name: string; state: string }[]> =>
      tx
        .selectFrom('frameworks as f')
        .select(['f.id', 'f.name', 'f.state'])
        .where((eb) =>
          eb.or([
            eb('f.organiser_organisation_id', '=', organisationId),
            eb.exists(
              eb
                .selectFrom('framework_participants as p')
                .select('p.organisation_id')
                .whereRef('p.framework_id', '=', 'f.id')
                .where('p.organisation_id', '=', organisationId)
                .where('p.removed_at', 'is', null),
            ),
          ]),
        )
        .orderBy('f.name')
        .execute(),

    insert: (tx: Tx, row: Insertable<DeclarationsTable>): Promise<DeclarationRow> =>
      tx.insertInto('declarations').values(row).returningAll().executeTakeFirstOrThrow(),

    update: (tx: Tx, id: string, change: Updateable<DeclarationsTable>): Promise<DeclarationRow> =>
      tx
        .updateTable('declarations')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    byId: (tx: Tx, id: string): Promise<DeclarationRow | undefined> =>
      tx.selectFrom('declarations').selectAll().where('id', '=', id).executeTakeFirst(),

    /** DCL-24: the declaration that holds a register number (numbers are unique). */
    byRegisterNumber: (tx: Tx, registerNumber: string): Promise<{ id: string } | undefined> =>
      tx
        .selectFrom('declarations')
        .select('id')
        .where('register_number', '=', registerNumber)
        .executeTakeFirst(),

    forUpdate: (tx: Tx, id: string): Promise<DeclarationRow | undefined> =>
      tx.selectFrom('declarations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    ofOrganisation: (tx: Tx, organisationId: string): Promise<DeclarationRow[]> =>
      tx
        .selectFrom('declarations')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    /** Every declaration with at least one version, for the daily review. */
    submitted: (tx: Tx): Promise<DeclarationRow[]> =>
      tx
        .selectFrom('declarations')
        .selectAll()
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('declaration_versions as v')
              .select('v.id')
              .whereRef('v.declaration_id', '=', 'declarations.id'),
          ),
        )
        .orderBy('created_at')
        .execute(),

    /** The declarations that map `frameworkId`. */
    mappingFramework: (tx: Tx, frameworkId: string): Promise<DeclarationRow[]> =>
      tx
        .selectFrom('declarations as d')
        .innerJoin('declaration_frameworks as m', 'm.declaration_id', 'd.id')
        .selectAll('d')
        .where('m.framework_id', '=', frameworkId)
        .execute(),

    mappings: (tx: Tx, declarationIds: readonly string[]): Promise<MappingRow[]> => {
      if (declarationIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('declaration_frameworks as m')
        .innerJoin('frameworks as f', 'f.id', 'm.framework_id')
        .selectAll('m')
        .select(['f.name as framework_name', 'f.state as framework_state'])
        .where('m.declaration_id', 'in', declarationIds)
        .orderBy('m.added_at')
        .orderBy('f.name')
        .execute();
    },

    /** The controller's mappings of `frameworkIds` in declarations other than `exceptId`. */
    mappedElsewhere: async (
      tx: Tx,
      organisationId: string,
      frameworkIds: readonly string[],
      exceptId: string | null,
    ): Promise<Set<string>> => {
      if (frameworkIds.length === 0) return new Set();
      let query = tx
        .selectFrom('declaration_frameworks')
        .select('framework_id')
        .where('organisation_id', '=', organisationId)
        .where('framework_id', 'in', frameworkIds);
      if (exceptId) query = query.where('declaration_id', '!=', exceptId);
      return new Set((await query.execute()).map((row) => row.framework_id));
    },

    /** Replaces the mapping whole (an edit), keeping when each framework was first added. */
    async replaceMappings(
      tx: Tx,
      declarationId: string,
      rows: readonly Omit<Insertable<DeclarationFrameworksTable>, 'declaration_id'>[],
    ): Promise<void> {
      const kept = rows.map((row) => row.framework_id);
      let removal = tx.deleteFrom('declaration_frameworks').where('declaration_id', '=', declarationId);
      if (kept.length > 0) removal = removal.where('framework_id', 'not in', kept);
      await removal.execute();
      for (const row of rows) {
        await tx
          .insertInto('declaration_frameworks')
          .values({ ...row, declaration_id: declarationId })
          .onConflict((oc) =>
            oc
              .columns(['declaration_id', 'framework_id'])
              .doUpdateSet({ name_fr: row.name_fr, name_nl: row.name_nl }),
          )
          .execute();
      }
    },

    async removeMappings(tx: Tx, declarationId: string): Promise<void> {
      await tx.deleteFrom('declaration_frameworks').where('declaration_id', '=', declarationId).execute();
    },

    riskConditions: (tx: Tx, declarationIds: readonly string[]) => {
      if (declarationIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('declaration_risk_conditions')
        .selectAll()
        .where('declaration_id', 'in', declarationIds)
        .orderBy('position')
        .execute();
    },

    async replaceRiskConditions(tx: Tx, declarationId: string, conditions: readonly string[]): Promise<void> {
      await tx
        .deleteFrom('declaration_risk_conditions')
        .where('declaration_id', '=', declarationId)
        .execute();
      if (conditions.length === 0) return;
      await tx
        .insertInto('declaration_risk_conditions')
        .values(
          conditions.map((condition, index) => ({
            declaration_id: declarationId,
            position: index + 1,
            condition,
          })),
        )
        .execute();
    },

    async fulfilCondition(
      tx: Tx,
      declarationId: string,
      conditionId: string,
      by: string,
      at: Date,
      note: string | null,
    ): Promise<boolean> {
      const result = await tx
        .updateTable('declaration_risk_conditions')
        .set({ fulfilled_by: by, fulfilled_at: at, fulfilment_note: note })
        .where('id', '=', conditionId)
        .where('declaration_id', '=', declarationId)
        .where('fulfilled_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    condition: (tx: Tx, declarationId: string, conditionId: string) =>
      tx
        .selectFrom('declaration_risk_conditions')
        .selectAll()
        .where('id', '=', conditionId)
        .where('declaration_id', '=', declarationId)
        .executeTakeFirst(),

    versions: (tx: Tx, declarationIds: readonly string[]): Promise<VersionRow[]> => {
      if (declarationIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('declaration_versions')
        .selectAll()
        .where('declaration_id', 'in', declarationIds)
        .orderBy('declaration_id')
        .orderBy('number', 'desc')
        .execute();
    },

    version: (tx: Tx, declarationId: string, versionId: string): Promise<VersionRow | undefined> =>
      tx
        .selectFrom('declaration_versions')
        .selectAll()
        .where('id', '=', versionId)
        .where('declaration_id', '=', declarationId)
        .executeTakeFirst(),

    insertVersion: (tx: Tx, row: Insertable<DeclarationVersionsTable>): Promise<VersionRow> =>
      tx.insertInto('declaration_versions').values(row).returningAll().executeTakeFirstOrThrow(),

    updateVersion: (tx: Tx, id: string, change: Updateable<DeclarationVersionsTable>): Promise<VersionRow> =>
      tx
        .updateTable('declaration_versions')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The last version of every declaration that maps `frameworkIds` or is of `organisationIds`. */
    latestVersions: (tx: Tx, declarationIds: readonly string[]): Promise<VersionRow[]> => {
      if (declarationIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('declaration_versions')
        .selectAll()
        .where('declaration_id', 'in', declarationIds)
        .where(latestVersion)
        .execute();
    },

    /** DCL-24: the public register, the last version of every declaration still running. */
    publicEntries: (tx: Tx) =>
      tx
        .selectFrom('declaration_versions')
        .innerJoin('declarations as d', 'd.id', 'declaration_versions.declaration_id')
        .select([
          'd.id',
          'd.mode',
          'd.register_number',
          'd.sectoral_committee',
          'd.sectoral_authorisation_reference',
          'd.exemption_royal_decree',
          'declaration_versions.content',
          'declaration_versions.submitted_on',
        ])
        .where(latestVersion)
        .where('declaration_versions.kind', '!=', 'cessation')
        .orderBy('d.created_at')
        .orderBy('d.id')
        .execute(),

    /** DCL-03: versions submitted to the Commission still waiting for their acknowledgement. */
    unacknowledged: (tx: Tx) =>
      tx
        .selectFrom('declaration_versions as v')
        .innerJoin('declarations as d', 'd.id', 'v.declaration_id')
        .select(['v.id', 'v.submitted_on', 'd.id as declaration_id', 'd.organisation_id'])
        .where('v.status', '=', 'submitted')
        .where('d.mode', '=', 'commission')
        .execute(),

    updateItems: (tx: Tx, declarationIds: readonly string[]): Promise<UpdateItemRow[]> => {
      if (declarationIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('declaration_update_items')
        .selectAll()
        .where('declaration_id', 'in', declarationIds)
        .orderBy('opened_at', 'desc')
        .execute();
    },

    openItem: (
      tx: Tx,
      declarationId: string,
      cause: DeclarationUpdateCause,
    ): Promise<UpdateItemRow | undefined> =>
      tx
        .selectFrom('declaration_update_items')
        .selectAll()
        .where('declaration_id', '=', declarationId)
        .where('cause', '=', cause)
        .where('resolved_at', 'is', null)
        .forUpdate()
        .executeTakeFirst(),

    insertItem: (tx: Tx, row: Insertable<DeclarationUpdateItemsTable>): Promise<UpdateItemRow> =>
      tx.insertInto('declaration_update_items').values(row).returningAll().executeTakeFirstOrThrow(),

    updateItem: (
      tx: Tx,
      id: string,
      change: Updateable<DeclarationUpdateItemsTable>,
    ): Promise<UpdateItemRow> =>
      tx
        .updateTable('declaration_update_items')
        .set(change)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** A submission resolves every open item of its declaration (art. 17 §7 done). */
    resolveItems: (tx: Tx, declarationId: string, versionId: string, at: Date): Promise<UpdateItemRow[]> =>
      tx
        .updateTable('declaration_update_items')
        .set({ resolved_at: at, resolved_by_version_id: versionId })
        .where('declaration_id', '=', declarationId)
        .where('resolved_at', 'is', null)
        .returningAll()
        .execute(),

    sheetRequests: (tx: Tx, declarationId: string) =>
      tx
        .selectFrom('declaration_sheet_requests')
        .selectAll()
        .where('declaration_id', '=', declarationId)
        .orderBy('served_at', 'desc')
        .execute(),

    insertSheetRequest: (
      tx: Tx,
      row: {
        declaration_id: string;
        channel: 'public_page' | 'post' | 'registered_post' | 'email' | 'desk';
        received_on: string;
        served_at: Date;
        served_by: string | null;
      },
    ) => tx.insertInto('declaration_sheet_requests').values(row).returning('id').executeTakeFirstOrThrow(),
  };
}

export type DeclarationsRepository = ReturnType<typeof createDeclarationsRepository>;
