/** Case rows, read and written as the runtime role under row-level security (migration 0008). */
import type { ExpressionBuilder, Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CasesTable, DB } from '../../db/schema.js';

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
     * row-level security applies the same rows again underneath.
     */
    casesOf: (tx: Tx, organisations: readonly string[], limit: number) => {
      const audience = (eb: ExpressionBuilder<DB, 'cases'>) =>
        eb
          .selectFrom('case_audience')
          .whereRef('case_audience.case_id', '=', 'cases.id')
          .where('case_audience.organisation_id', 'in', organisations);
      if (organisations.length === 0) return Promise.resolve([]);
      return (
        tx
          .selectFrom('cases')
          .selectAll()
          // Alphabetical order is also the order of closeness: compartment, organiser, participant, reviewer.
          .select((eb) => audience(eb).select((e) => e.fn.min('case_audience.relation').as('r')).as('relation'))
          .where((eb) => eb.exists(audience(eb).select('case_audience.case_id')))
          .orderBy('cases.created_at', 'desc')
          .orderBy('cases.id')
          .limit(limit)
          .execute()
      );
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
