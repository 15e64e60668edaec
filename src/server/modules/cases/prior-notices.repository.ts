/**
 * The royal decrees an organisation of a case processes data under, and the prior written notices
 * it gave the persons of a case (migration 0018; SPEC DAT-32, DAT-33), under row-level security:
 * a notice is read and written by the notifying organisation only.
 */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { AudienceRelation, CaseState, PriorWrittenNoticesTable } from '../../db/schema.js';
import type { DecreePeriod } from '../identity/royal-decree-rules.js';

export type PriorNoticeRow = Selectable<PriorWrittenNoticesTable>;

/** Which relations may act in which states (a grant of case-actions.ts). */
export interface StateGrant {
  relations: readonly AudienceRelation[];
  states: readonly CaseState[];
}

export function createPriorNoticesRepository() {
  return {
    /** Every royal decree of the organisation, past and future ones included. */
    decreesOf: async (tx: Tx, organisationId: string): Promise<(DecreePeriod & { id: string })[]> =>
      (
        await tx
          .selectFrom('royal_decree_authorisations')
          .select(['id', 'kind', 'valid_from', 'valid_until'])
          .where('organisation_id', '=', organisationId)
          .orderBy('valid_from')
          .execute()
      ).map((row) => ({
        id: row.id,
        kind: row.kind,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
      })),

    /** The notices `organisationId` gave persons of the case. */
    priorNoticesOf: (tx: Tx, caseId: string, organisationId: string): Promise<PriorNoticeRow[]> =>
      tx
        .selectFrom('prior_written_notices')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('organisation_id', '=', organisationId)
        .execute(),

    insertPriorNotice: (tx: Tx, row: Insertable<PriorWrittenNoticesTable>): Promise<PriorNoticeRow> =>
      tx.insertInto('prior_written_notices').values(row).returningAll().executeTakeFirstOrThrow(),

    /**
     * Per case and organisation among `organisations`: the persons it sees, in a case it may add
     * information to (`grants`, the rule of `case.contribute` compiled to SQL), whom it has not
     * notified while a decree of L1992 art. 8 §5 is in force for it on `today` (`inForce`).
     */
    duePriorNotices: (
      tx: Tx,
      organisations: readonly string[],
      grants: readonly StateGrant[],
      today: string,
      limit: number,
    ): Promise<{ case_id: string; organisation_id: string; persons: number }[]> => {
      if (organisations.length === 0 || grants.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom('persons as p')
        .innerJoin('case_audience as a', 'a.case_id', 'p.case_id')
        .innerJoin('cases as c', 'c.id', 'p.case_id')
        .select(['p.case_id', 'a.organisation_id'])
        .select(sql<number>`count(DISTINCT p.id)::int`.as('persons'))
        .where('a.organisation_id', 'in', organisations)
        .where((eb) =>
          eb.or([eb('p.shared', '=', true), eb('a.relation', 'in', ['compartment', 'reviewer'])]),
        )
        .where((eb) =>
          eb.or(
            grants.map((grant) =>
              eb.and([
                eb('a.relation', 'in', [...grant.relations]),
                sql<boolean>`c.state = ANY (${[...grant.states]}::text[])`,
              ]),
            ),
          ),
        )
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('royal_decree_authorisations as r')
              .select('r.id')
              .whereRef('r.organisation_id', '=', 'a.organisation_id')
              .where('r.kind', '=', 'judicial_data_prior_notice')
              .where('r.valid_from', '<=', today)
              .where((inner) =>
                inner.or([inner('r.valid_until', 'is', null), inner('r.valid_until', '>=', today)]),
              ),
          ),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('prior_written_notices as n')
                .select('n.id')
                .whereRef('n.person_id', '=', 'p.id')
                .whereRef('n.organisation_id', '=', 'a.organisation_id'),
            ),
          ),
        )
        .groupBy(['p.case_id', 'a.organisation_id', 'c.created_at'])
        .orderBy('c.created_at', 'desc')
        .orderBy('p.case_id')
        .limit(limit)
        .execute();
    },
  };
}
