/**
 * Case rows and their workflow records, read and written as the runtime role under row-level
 * security (migrations 0008, 0014). Persons and items are in `records.repository.ts`.
 */
import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CaseHistoryTable, CaseParticipantsTable, CasesTable } from '../../db/schema.js';

export type CaseRow = Selectable<CasesTable>;
export type ParticipantRow = Selectable<CaseParticipantsTable>;

export interface CaseListRow extends CaseRow {
  relation: string;
  framework_name: string;
}

export function createCasesRepository() {
  return {
    insertCase: (tx: Tx, row: Insertable<CasesTable>): Promise<CaseRow> =>
      tx.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow(),

    caseById: (tx: Tx, id: string): Promise<CaseRow | undefined> =>
      tx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst(),

    /** The case locked for a change of state: concurrent transitions wait for each other. */
    caseForUpdate: (tx: Tx, id: string): Promise<CaseRow | undefined> =>
      tx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    updateCase: (tx: Tx, id: string, change: Updateable<CasesTable>): Promise<CaseRow> =>
      tx.updateTable('cases').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

    /**
     * The cases any of `organisations` is in the audience of, newest first, with the relation.
     * This filter is `caseAudience` compiled to SQL (the audience rows are written from it);
     * row-level security applies the same rows again underneath. It reads the audience's
     * (organisation, creation time) index, so a page costs the same however many cases exist.
     * One row per case: when an organisation is in a case's audience twice, or several acting
     * organisations are, the closest relation is kept (alphabetical order is also the order of
     * closeness: compartment, organiser, participant, reviewer).
     */
    casesOf: (tx: Tx, organisations: readonly string[], limit: number): Promise<CaseListRow[]> => {
      if (organisations.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('case_audience')
        .innerJoin('cases', 'cases.id', 'case_audience.case_id')
        .innerJoin('frameworks', 'frameworks.id', 'cases.framework_id')
        .distinctOn(['case_audience.case_created_at', 'case_audience.case_id'])
        .selectAll('cases')
        .select(['case_audience.relation', 'frameworks.name as framework_name'])
        .where('case_audience.organisation_id', 'in', organisations)
        .orderBy('case_audience.case_created_at', 'desc')
        .orderBy('case_audience.case_id')
        .orderBy('case_audience.relation')
        .limit(limit)
        .execute();
    },

    participantsOf: (tx: Tx, caseId: string): Promise<ParticipantRow[]> =>
      tx.selectFrom('case_participants').selectAll().where('case_id', '=', caseId).orderBy('admitted_at').execute(),

    /** Admits `row.organisation_id`, or admits it again after a revocation. */
    async admit(tx: Tx, row: Insertable<CaseParticipantsTable>): Promise<void> {
      await tx
        .insertInto('case_participants')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['case_id', 'organisation_id']).doUpdateSet({
            justification: row.justification,
            ground: row.ground,
            admitted_by: row.admitted_by,
            admitted_at: row.admitted_at,
            revoked_by: null,
            revoked_at: null,
            revocation_reason: null,
          }),
        )
        .execute();
    },

    async revoke(tx: Tx, caseId: string, organisationId: string, by: string, at: Date, reason: Buffer) {
      const result = await tx
        .updateTable('case_participants')
        .set({ revoked_by: by, revoked_at: at, revocation_reason: reason })
        .where('case_id', '=', caseId)
        .where('organisation_id', '=', organisationId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    approvalsOf: (tx: Tx, caseId: string, proposal: number): Promise<string[]> =>
      tx
        .selectFrom('case_retention_approvals')
        .select('organisation_id')
        .where('case_id', '=', caseId)
        .where('proposal', '=', proposal)
        .execute()
        .then((rows) => rows.map((row) => row.organisation_id)),

    async approve(tx: Tx, caseId: string, proposal: number, organisationId: string, by: string, at: Date) {
      await tx
        .insertInto('case_retention_approvals')
        .values({ case_id: caseId, proposal, organisation_id: organisationId, approved_by: by, approved_at: at })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    async reopening(tx: Tx, row: { case_id: string; reopened_at: Date; reopened_by: string; previous_closed_at: Date; reason: Buffer }) {
      await tx.insertInto('case_reopenings').values(row).execute();
    },

    async history(tx: Tx, row: Insertable<CaseHistoryTable>): Promise<void> {
      await tx.insertInto('case_history').values(row).execute();
    },

    historyOf: (tx: Tx, caseId: string) =>
      tx
        .selectFrom('case_history as h')
        .leftJoin('users as u', 'u.id', 'h.user_id')
        .leftJoin('organisations as o', 'o.id', 'h.organisation_id')
        .select(['h.at', 'h.kind', 'h.state', 'u.display_name as user_name', 'o.legal_name as organisation_name'])
        .where('h.case_id', '=', caseId)
        .orderBy('h.id')
        .execute(),

    frameworkOf: (tx: Tx, frameworkId: string) =>
      tx
        .selectFrom('frameworks')
        .select([
          'id',
          'name',
          'state',
          'basis_kind',
          'purposes',
          'allowed_categories',
          'own_file_export_disabled',
          'export_four_eyes',
          'organiser_organisation_id',
          'default_retention_months',
          'default_retention_other_rule',
          // The whitelist (SPEC ROL-01), read with the framework.
          sql<string[]>`array(SELECT p.organisation_id FROM framework_participants p
            WHERE p.framework_id = frameworks.id AND p.removed_at IS NULL ORDER BY p.organisation_id)`.as('participant_ids'),
        ])
        .where('id', '=', frameworkId)
        .executeTakeFirst(),

    organisations: (tx: Tx, ids: readonly string[]) => {
      if (ids.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('organisations')
        .select(['id', 'legal_name', 'kind', 'dp_regime', 'active'])
        .where('id', 'in', [...new Set(ids)])
        .execute();
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
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
