/**
 * The compliance evidence (migration 0036) and the facts the gate and the dashboard read: none of
 * them case content. The open rights requests are counted through the SECURITY DEFINER function of
 * migration 0036, which returns clock facts without any id or name.
 */
import { type Insertable, type Selectable, sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { ControlStatus } from '../../../contracts/compliance.js';
import type {
  ComplianceOwnerAccountsTable,
  NormControlsTable,
  NormSetsTable,
  RestoreTestsTable,
  SecurityPlanReviewsTable,
} from '../../db/schema.js';
import type { RightsRequestKind, RightsRoute } from '../../../contracts/rights.js';

export type SecurityPlanReviewRow = Selectable<SecurityPlanReviewsTable> & {
  recorder_name: string;
  recorder_organisation: string;
};
export type RestoreTestRow = Selectable<RestoreTestsTable> & {
  recorder_name: string;
  recorder_organisation: string;
};
export type NormSetRow = Selectable<NormSetsTable> & { importer_name: string };
export type NormControlRow = Selectable<NormControlsTable> & { changer_name: string | null };

export interface OpenRightsClockFacts {
  kind: RightsRequestKind;
  route: RightsRoute;
  regime: string;
  received_at: Date;
  dated_on: string;
  /** The controller answers this part as the prosecutor's office of its route. */
  as_office: boolean;
}

export function createComplianceRepository() {
  return {
    // --- SEC-03 ---------------------------------------------------------------------------
    insertPlanReview: (tx: Tx, row: Insertable<SecurityPlanReviewsTable>): Promise<{ id: string }> =>
      tx.insertInto('security_plan_reviews').values(row).returning('id').executeTakeFirstOrThrow(),

    /** Every review, the latest (by review date, then by recording) first. */
    planReviews: (tx: Tx): Promise<SecurityPlanReviewRow[]> =>
      tx
        .selectFrom('security_plan_reviews as r')
        .innerJoin('users as u', 'u.id', 'r.recorded_by')
        .innerJoin('organisations as o', 'o.id', 'r.recorded_by_organisation_id')
        .selectAll('r')
        .select(['u.display_name as recorder_name', 'o.legal_name as recorder_organisation'])
        .orderBy('r.reviewed_on', 'desc')
        .orderBy('r.recorded_at', 'desc')
        .execute(),

    latestPlanReview: (tx: Tx) =>
      tx
        .selectFrom('security_plan_reviews')
        .select(['plan_version', 'reviewed_on'])
        .orderBy('reviewed_on', 'desc')
        .orderBy('recorded_at', 'desc')
        .limit(1)
        .executeTakeFirst(),

    insertRestoreTest: (tx: Tx, row: Insertable<RestoreTestsTable>): Promise<{ id: string }> =>
      tx.insertInto('restore_tests').values(row).returning('id').executeTakeFirstOrThrow(),

    restoreTests: (tx: Tx): Promise<RestoreTestRow[]> =>
      tx
        .selectFrom('restore_tests as t')
        .innerJoin('users as u', 'u.id', 't.recorded_by')
        .innerJoin('organisations as o', 'o.id', 't.recorded_by_organisation_id')
        .selectAll('t')
        .select(['u.display_name as recorder_name', 'o.legal_name as recorder_organisation'])
        .orderBy('t.tested_on', 'desc')
        .orderBy('t.recorded_at', 'desc')
        .execute(),

    /** The latest test, and the latest successful one (the evidence SEC-03 asks for). */
    async latestRestoreTests(tx: Tx) {
      const latest = (outcome?: 'succeeded') =>
        tx
          .selectFrom('restore_tests')
          .select(['tested_on', 'outcome'])
          .$if(outcome !== undefined, (query) => query.where('outcome', '=', outcome!))
          .orderBy('tested_on', 'desc')
          .orderBy('recorded_at', 'desc')
          .limit(1)
          .executeTakeFirst();
      const [any, succeeded] = await Promise.all([latest(), latest('succeeded')]);
      return { latest: any, latestSuccess: succeeded };
    },

    // --- SCO-08: the gate's facts ------------------------------------------------------------
    activeFrameworkRetentions: (tx: Tx) =>
      tx
        .selectFrom('frameworks')
        .select(['default_retention_months', 'default_retention_other_rule'])
        .where('state', '=', 'active')
        .execute(),

    async runtimeRoleBypassesRls(tx: Tx): Promise<boolean> {
      const { rows } = await sql<{ bypasses: boolean }>`SELECT rolsuper OR rolbypassrls AS bypasses
        FROM pg_roles WHERE rolname = current_user`.execute(tx);
      return rows[0]?.bypasses ?? true;
    },

    async operatorsWithSecondFactor(tx: Tx): Promise<number> {
      const row = await tx
        .selectFrom('users as u')
        .innerJoin('user_credentials as c', 'c.user_id', 'u.id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('u.active', '=', true)
        .where(sql<boolean>`'operator' = ANY (u.roles)`)
        .where('c.mfa_enrolled_at', 'is not', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    activeAccountEmails: async (tx: Tx): Promise<string[]> =>
      (await tx.selectFrom('users').select('email').where('active', '=', true).execute()).map(
        (row) => row.email,
      ),

    async enabledTriggers(tx: Tx, names: readonly string[]): Promise<string[]> {
      const { rows } = await sql<{ name: string }>`SELECT t.tgname AS name FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal AND t.tgenabled <> 'D'
          AND t.tgname = ANY (${[...names]}::text[])`.execute(tx);
      return rows.map((row) => row.name);
    },

    async rlsForcedTables(tx: Tx, names: readonly string[]): Promise<string[]> {
      const { rows } = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relrowsecurity AND c.relforcerowsecurity
          AND c.relname = ANY (${[...names]}::text[])`.execute(tx);
      return rows.map((row) => row.name);
    },

    // --- SCO-12: the controller and its dashboard's facts ------------------------------------
    organisation: (tx: Tx, id: string) =>
      tx
        .selectFrom('organisations')
        .select([
          'id',
          'legal_name',
          'kind',
          'dp_regime',
          'lawful_ground',
          'mission_basis',
          'compliance_owner',
        ])
        .where('id', '=', id)
        .executeTakeFirst(),

    complianceOwner: (tx: Tx, organisationId: string) =>
      tx
        .selectFrom('compliance_owner_accounts as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.organisation_id', 'a.user_id', 'a.designated_at', 'u.display_name', 'u.active'])
        .where('a.organisation_id', '=', organisationId)
        .executeTakeFirst(),

    async designateComplianceOwner(tx: Tx, row: Insertable<ComplianceOwnerAccountsTable>): Promise<void> {
      await tx
        .insertInto('compliance_owner_accounts')
        .values(row)
        .onConflict((oc) =>
          oc.column('organisation_id').doUpdateSet({
            user_id: row.user_id,
            designated_by: row.designated_by,
            designated_at: row.designated_at,
          }),
        )
        .execute();
    },

    member: (tx: Tx, userId: string) =>
      tx
        .selectFrom('users')
        .select(['id', 'organisation_id', 'active'])
        .where('id', '=', userId)
        .executeTakeFirst(),

    async openRightsClockFacts(tx: Tx, controllerId: string): Promise<OpenRightsClockFacts[]> {
      const { rows } =
        await sql<OpenRightsClockFacts>`SELECT kind, route, regime, received_at, dated_on, as_office
        FROM concerto_open_rights_clock_facts(${controllerId}::uuid)`.execute(tx);
      return rows;
    },

    // --- SEC-04 ---------------------------------------------------------------------------
    normSetExists: async (tx: Tx, organisationId: string, code: string, version: string): Promise<boolean> =>
      (await tx
        .selectFrom('norm_sets')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('code', '=', code)
        .where('version', '=', version)
        .executeTakeFirst()) !== undefined,

    insertNormSet: (tx: Tx, row: Insertable<NormSetsTable>): Promise<{ id: string }> =>
      tx.insertInto('norm_sets').values(row).returning('id').executeTakeFirstOrThrow(),

    async insertControls(tx: Tx, rows: readonly Insertable<NormControlsTable>[]): Promise<void> {
      await tx
        .insertInto('norm_controls')
        .values([...rows])
        .execute();
    },

    normSets: (tx: Tx, organisationId: string, id?: string): Promise<NormSetRow[]> =>
      tx
        .selectFrom('norm_sets as s')
        .innerJoin('users as u', 'u.id', 's.imported_by')
        .selectAll('s')
        .select('u.display_name as importer_name')
        .where('s.organisation_id', '=', organisationId)
        .$if(id !== undefined, (query) => query.where('s.id', '=', id!))
        .orderBy('s.imported_at')
        .orderBy('s.id')
        .execute(),

    controlsOf: (tx: Tx, normSetIds: readonly string[]): Promise<NormControlRow[]> =>
      normSetIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('norm_controls as c')
            .leftJoin('users as u', 'u.id', 'c.status_changed_by')
            .selectAll('c')
            .select('u.display_name as changer_name')
            .where('c.norm_set_id', 'in', normSetIds)
            .orderBy('c.position')
            .execute(),

    /** The control of one of the organisation's norm sets, locked for its assessment. */
    controlForUpdate: (tx: Tx, organisationId: string, normSetId: string, controlId: string) =>
      tx
        .selectFrom('norm_controls as c')
        .innerJoin('norm_sets as s', 's.id', 'c.norm_set_id')
        .select(['c.id', 'c.status'])
        .where('c.id', '=', controlId)
        .where('c.norm_set_id', '=', normSetId)
        .where('s.organisation_id', '=', organisationId)
        .forUpdate('c')
        .executeTakeFirst(),

    async assessControl(
      tx: Tx,
      id: string,
      change: {
        status: ControlStatus;
        status_note: string;
        status_changed_by: string;
        status_changed_at: Date;
      },
    ): Promise<void> {
      await tx.updateTable('norm_controls').set(change).where('id', '=', id).execute();
    },

    /** Every control status of the organisation's norm sets, and how many sets it has. */
    async controlStatuses(
      tx: Tx,
      organisationId: string,
    ): Promise<{ normSets: number; statuses: ControlStatus[] }> {
      const [sets, controls] = await Promise.all([
        tx
          .selectFrom('norm_sets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('organisation_id', '=', organisationId)
          .executeTakeFirstOrThrow(),
        tx
          .selectFrom('norm_controls as c')
          .innerJoin('norm_sets as s', 's.id', 'c.norm_set_id')
          .select('c.status')
          .where('s.organisation_id', '=', organisationId)
          .execute(),
      ]);
      return { normSets: Number(sets.n), statuses: controls.map((row) => row.status) };
    },
  };
}

export type ComplianceRepository = ReturnType<typeof createComplianceRepository>;
