/** Case rows, read and written as the runtime role under row-level security (migration 0008). */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CasesTable } from '../../db/schema.js';

export type CaseRow = Selectable<CasesTable>;

export function createCasesRepository() {
  return {
    insertCase: (tx: Tx, row: Insertable<CasesTable>): Promise<CaseRow> =>
      tx.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow(),

    caseById: (tx: Tx, id: string): Promise<CaseRow | undefined> =>
      tx.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst(),

    /**
     * The cases any of `organisations` is in the audience of, newest first, with the relation.
     * This filter is `caseAudience` compiled to SQL (the audience rows are written from it);
     * row-level security applies the same rows again underneath. It reads the audience's
     * (organisation, creation time) index, so a page costs the same however many cases exist.
     * One row per case: when an organisation is in a case's audience twice, or several acting
     * organisations are, the closest relation is kept (alphabetical order is also the order of
     * closeness: compartment, organiser, participant, reviewer).
     */
    casesOf: (tx: Tx, organisations: readonly string[], limit: number) => {
      if (organisations.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('case_audience')
        .innerJoin('cases', 'cases.id', 'case_audience.case_id')
        .distinctOn(['case_audience.case_created_at', 'case_audience.case_id'])
        .selectAll('cases')
        .select('case_audience.relation')
        .where('case_audience.organisation_id', 'in', organisations)
        .orderBy('case_audience.case_created_at', 'desc')
        .orderBy('case_audience.case_id')
        .orderBy('case_audience.relation')
        .limit(limit)
        .execute();
    },

    /** An organisation that can organise consultations: active and not the platform host. */
    async isParticipantOrganisation(tx: Tx, id: string): Promise<boolean> {
      const row = await tx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', id)
        .where('active', '=', true)
        .where('kind', '!=', 'platform_operator')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
