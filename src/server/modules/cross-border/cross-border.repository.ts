/**
 * The transfer register, its adequacy assessments, the deny-list and the blocked-transfer log
 * (migration 0032). The clauses of a D7 destination are read by their download only.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type {
  BlockedTransfersTable,
  TransferAdequacyAssessmentsTable,
  TransferDenyRulesTable,
  TransferDestinationKind,
  TransferDestinationsTable,
} from '../../db/schema.js';

export type DestinationRow = Omit<Selectable<TransferDestinationsTable>, 'clauses'> & {
  clauses_size: number | null;
};
export type AssessmentRow = Selectable<TransferAdequacyAssessmentsTable>;
export type DenyRuleRow = Selectable<TransferDenyRulesTable>;
export type BlockedRow = Selectable<BlockedTransfersTable>;

const DESTINATION_COLUMNS = [
  'id',
  'organisation_id',
  'kind',
  'name',
  'country',
  'via_destination_id',
  'operations',
  'categories',
  'basis',
  'adequacy_assessment_id',
  'derogation',
  'consent_reference',
  'consent_collected_by',
  'consent_context',
  'consent_given_on',
  'contract_reference',
  'legal_reference',
  'justification',
  'royal_decree_reference',
  'clauses_sha256',
  'registered_by',
  'registered_at',
  'ended_by',
  'ended_at',
  'end_reason',
] as const;

export function createCrossBorderRepository() {
  const destinations = (tx: Tx) =>
    tx
      .selectFrom('transfer_destinations')
      .select(DESTINATION_COLUMNS)
      .select((eb) => eb.fn<number | null>('octet_length', ['clauses']).as('clauses_size'));

  return {
    /** A controller's destinations, in force and ended, oldest first. */
    destinationsOf: (tx: Tx, organisationId: string): Promise<DestinationRow[]> =>
      destinations(tx)
        .where('organisation_id', '=', organisationId)
        .orderBy('registered_at')
        .orderBy('id')
        .execute(),

    /** The destinations in force of a controller of `kind` in `country`, oldest first. */
    inForce: (
      tx: Tx,
      organisationId: string,
      kind: TransferDestinationKind,
      country: string,
    ): Promise<DestinationRow[]> =>
      destinations(tx)
        .where('organisation_id', '=', organisationId)
        .where('kind', '=', kind)
        .where('country', '=', country)
        .where('ended_at', 'is', null)
        .orderBy('registered_at')
        .orderBy('id')
        .execute(),

    destinationById: (
      tx: Tx,
      organisationId: string,
      id: string,
      lock = false,
    ): Promise<DestinationRow | undefined> => {
      const query = destinations(tx).where('id', '=', id).where('organisation_id', '=', organisationId);
      return (lock ? query.forUpdate() : query).executeTakeFirst();
    },

    /** The country of the organisation's own-file destination in force, if it registered one. */
    ownFileCountry: async (tx: Tx, organisationId: string): Promise<string | undefined> =>
      (
        await tx
          .selectFrom('transfer_destinations')
          .select('country')
          .where('organisation_id', '=', organisationId)
          .where('kind', '=', 'own_file')
          .where('ended_at', 'is', null)
          .executeTakeFirst()
      )?.country,

    /** D7's clauses, for their download. */
    clausesOf: (
      tx: Tx,
      organisationId: string,
      id: string,
    ): Promise<{ clauses: Buffer | null } | undefined> =>
      tx
        .selectFrom('transfer_destinations')
        .select('clauses')
        .where('id', '=', id)
        .where('organisation_id', '=', organisationId)
        .executeTakeFirst(),

    insertDestination: async (tx: Tx, row: Insertable<TransferDestinationsTable>): Promise<string> =>
      (await tx.insertInto('transfer_destinations').values(row).returning('id').executeTakeFirstOrThrow()).id,

    endDestination: (tx: Tx, id: string, end: { ended_by: string; ended_at: Date; end_reason: string }) =>
      tx.updateTable('transfer_destinations').set(end).where('id', '=', id).execute(),

    /** The onward processors in force working for `id` (SPEC DCL-20). */
    onwardInForce: (tx: Tx, id: string): Promise<{ id: string; name: string }[]> =>
      tx
        .selectFrom('transfer_destinations')
        .select(['id', 'name'])
        .where('via_destination_id', '=', id)
        .where('ended_at', 'is', null)
        .execute(),

    assessmentsOf: (tx: Tx, organisationId: string): Promise<AssessmentRow[]> =>
      tx
        .selectFrom('transfer_adequacy_assessments')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('recorded_at')
        .orderBy('id')
        .execute(),

    assessmentsById: (tx: Tx, ids: readonly string[]): Promise<AssessmentRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('transfer_adequacy_assessments')
            .selectAll()
            .where('id', 'in', [...ids])
            .execute(),

    assessmentById: (
      tx: Tx,
      organisationId: string,
      id: string,
      lock = false,
    ): Promise<AssessmentRow | undefined> => {
      const query = tx
        .selectFrom('transfer_adequacy_assessments')
        .selectAll()
        .where('id', '=', id)
        .where('organisation_id', '=', organisationId);
      return (lock ? query.forUpdate() : query).executeTakeFirst();
    },

    insertAssessment: (tx: Tx, row: Insertable<TransferAdequacyAssessmentsTable>): Promise<AssessmentRow> =>
      tx.insertInto('transfer_adequacy_assessments').values(row).returningAll().executeTakeFirstOrThrow(),

    withdrawAssessment: (
      tx: Tx,
      id: string,
      withdrawal: { withdrawn_by: string; withdrawn_at: Date; withdrawal_reason: string },
    ): Promise<AssessmentRow> =>
      tx
        .updateTable('transfer_adequacy_assessments')
        .set(withdrawal)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    /** The destinations in force that rest on the assessment. */
    destinationsResting: (tx: Tx, assessmentId: string): Promise<{ id: string; name: string }[]> =>
      tx
        .selectFrom('transfer_destinations')
        .select(['id', 'name'])
        .where('adequacy_assessment_id', '=', assessmentId)
        .where('ended_at', 'is', null)
        .execute(),

    /** Every deny rule, or those in force only, oldest first. */
    denyRules: (tx: Tx, inForceOnly: boolean): Promise<DenyRuleRow[]> => {
      const query = tx.selectFrom('transfer_deny_rules').selectAll().orderBy('added_at').orderBy('id');
      return (inForceOnly ? query.where('repealed_at', 'is', null) : query).execute();
    },

    denyRuleForUpdate: (tx: Tx, id: string): Promise<DenyRuleRow | undefined> =>
      tx.selectFrom('transfer_deny_rules').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

    insertDenyRule: (tx: Tx, row: Insertable<TransferDenyRulesTable>): Promise<DenyRuleRow> =>
      tx.insertInto('transfer_deny_rules').values(row).returningAll().executeTakeFirstOrThrow(),

    repealDenyRule: (
      tx: Tx,
      id: string,
      repeal: { repealed_by: string; repealed_at: Date; repeal_reason: string },
    ): Promise<DenyRuleRow> =>
      tx
        .updateTable('transfer_deny_rules')
        .set(repeal)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),

    insertBlocked: async (tx: Tx, row: Insertable<BlockedTransfersTable>): Promise<string> =>
      (await tx.insertInto('blocked_transfers').values(row).returning('id').executeTakeFirstOrThrow()).id,

    /** A controller's refused transfers, newest first. */
    blockedOf: (tx: Tx, organisationId: string, limit: number): Promise<BlockedRow[]> =>
      tx
        .selectFrom('blocked_transfers')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('attempted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),

    /** SCO-12: how many transfers of a controller were refused since `since`, and the last one's time. */
    refusedSince: async (
      tx: Tx,
      organisationId: string,
      since: Date,
    ): Promise<{ count: number; lastAt: Date | null }> => {
      const row = await tx
        .selectFrom('blocked_transfers')
        .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('attempted_at').as('last_at')])
        .where('organisation_id', '=', organisationId)
        .where('attempted_at', '>=', since)
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), lastAt: row.last_at === null ? null : new Date(row.last_at) };
    },

    organisation: (tx: Tx, id: string) =>
      tx
        .selectFrom('organisations')
        .select(['id', 'legal_name', 'establishment_country'])
        .where('id', '=', id)
        .executeTakeFirst(),

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

export type CrossBorderRepository = ReturnType<typeof createCrossBorderRepository>;
