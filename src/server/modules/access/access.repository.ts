/** The facts the access rules read, and the settings row-level security reads (ARCHITECTURE §3.2). */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { CaseState } from '../../db/schema.js';
import {
  type RepresentationRow,
  representationColumns,
} from '../representation/representation.repository.js';
import type { AudienceEntry, CaseFacts } from './case-audience.js';

export function createAccessRepository() {
  return {
    /**
     * Tells PostgreSQL, for this transaction only, whom it acts for: the policies of migration
     * 0008 show a case only to these organisations. Without it a connection sees no case.
     */
    async actFor(tx: Tx, userId: string, organisationIds: readonly string[]): Promise<void> {
      await sql`SELECT set_config('concerto.user_id', ${userId}, true),
        set_config('concerto.acting_organisations', ${organisationIds.join(',')}, true)`.execute(tx);
    },

    /**
     * The controller's rights desk (migration 0023): for this transaction, the actor works the
     * requests and reads the records of `organisationId` as their controller, and nothing else.
     */
    async actAsControllerDesk(tx: Tx, userId: string, organisationId: string): Promise<void> {
      await sql`SELECT set_config('concerto.user_id', ${userId}, true),
        set_config('concerto.acting_organisations', '', true),
        set_config('concerto.controller_desk', ${organisationId}, true)`.execute(tx);
    },

    async leaveControllerDesk(tx: Tx, userId: string, organisationIds: readonly string[]): Promise<void> {
      await sql`SELECT set_config('concerto.user_id', ${userId}, true),
        set_config('concerto.acting_organisations', ${organisationIds.join(',')}, true),
        set_config('concerto.controller_desk', '', true)`.execute(tx);
    },

    /**
     * The retention desk (migration 0030): for this transaction, the actor reads the retention
     * records (lists, tombstones, tasks, reviews) of `organisationId` only, and acts for no case.
     */
    async actAsRetentionDesk(tx: Tx, userId: string, organisationId: string): Promise<void> {
      await sql`SELECT set_config('concerto.user_id', ${userId}, true),
        set_config('concerto.acting_organisations', '', true),
        set_config('concerto.controller_desk', '', true),
        set_config('concerto.retention_desk', ${organisationId}, true)`.execute(tx);
    },

    /**
     * A designated authority of L1992 art. 45 (migration 0039): for this transaction, the actor sees
     * the emergency destruction orders, acts for no case and for no desk.
     */
    async actAsEmergencyAuthority(tx: Tx, userId: string, designationId: string): Promise<void> {
      await sql`SELECT set_config('concerto.user_id', ${userId}, true),
        set_config('concerto.acting_organisations', '', true),
        set_config('concerto.controller_desk', '', true),
        set_config('concerto.retention_desk', '', true),
        set_config('concerto.emergency_authority', ${designationId}, true)`.execute(tx);
    },

    /**
     * The retention records of `organisationId` as its retention desk sees them, for `read` only
     * (the counts of its compliance dashboard, whose reader the compliance module admitted for that
     * organisation): the desk is then cleared, so the transaction's other reads see what they saw.
     */
    async readAsRetentionDeskOf<T>(tx: Tx, organisationId: string, read: () => Promise<T>): Promise<T> {
      await sql`SELECT set_config('concerto.retention_desk', ${organisationId}, true)`.execute(tx);
      const result = await read();
      await sql`SELECT set_config('concerto.retention_desk', '', true)`.execute(tx);
      return result;
    },

    /**
     * A break-glass read (migration 0034): for this transaction, the user acts for no organisation
     * and reads only what the grant's policies show, which they do to its grantee while it is
     * approved and not ended.
     */
    async actUnderBreakGlass(tx: Tx, userId: string, grantId: string): Promise<void> {
      await sql`SELECT set_config('concerto.user_id', ${userId}, true),
        set_config('concerto.acting_organisations', '', true),
        set_config('concerto.controller_desk', '', true),
        set_config('concerto.break_glass', ${grantId}, true)`.execute(tx);
    },

    /** The user's own permissions: cross-case search (SEC-07) and special-category designations (DAT-19). */
    async permissionsOf(tx: Tx, userId: string): Promise<{ crossCaseSearch: boolean; designations: string[] }> {
      const row = await tx
        .selectFrom('users')
        .select((eb) => [
          'cross_case_search',
          eb
            .selectFrom('special_designations')
            .select(sql<string[]>`coalesce(array_agg(scope), '{}')`.as('scopes'))
            .where('special_designations.user_id', '=', userId)
            .where('special_designations.revoked_at', 'is', null)
            .as('scopes'),
        ])
        .where('id', '=', userId)
        .executeTakeFirst();
      return { crossCaseSearch: row?.cross_case_search ?? false, designations: row?.scopes ?? [] };
    },

    representationsHeldBy(tx: Tx, userId: string): Promise<RepresentationRow[]> {
      return tx
        .selectFrom('representations')
        .select(representationColumns)
        .where('representative_id', '=', userId)
        .execute();
    },

    /** State and organisation ids of a case, even one hidden from the asker (never content). */
    async caseFacts(tx: Tx, caseId: string): Promise<CaseFacts | undefined> {
      const { rows } = await sql<{
        state: CaseState;
        compartment_organisation_id: string;
        reviewer_organisation_id: string | null;
        organiser_organisation_id: string;
        participant_ids: string[];
        revoked_ids: string[];
      }>`SELECT * FROM concerto_case_access_facts(${caseId}::uuid)`.execute(tx);
      const row = rows[0];
      if (!row) return undefined;
      return {
        id: caseId,
        state: row.state,
        compartmentOrganisationId: row.compartment_organisation_id,
        reviewerOrganisationId: row.reviewer_organisation_id,
        organiserOrganisationId: row.organiser_organisation_id,
        // A case without participants aggregates its LEFT JOIN's null row: those are no participants.
        participants: [
          ...row.participant_ids.filter(Boolean).map((organisationId) => ({ organisationId, revoked: false })),
          ...row.revoked_ids.filter(Boolean).map((organisationId) => ({ organisationId, revoked: true })),
        ],
      };
    },

    /** Replaces the case's audience rows with `entries`, in the transaction that changed the case. */
    async replaceAudience(
      tx: Tx,
      caseId: string,
      caseCreatedAt: Date,
      entries: readonly AudienceEntry[],
    ): Promise<void> {
      await tx.deleteFrom('case_audience').where('case_id', '=', caseId).execute();
      if (entries.length === 0) return;
      await tx
        .insertInto('case_audience')
        .values(
          entries.map((e) => ({
            case_id: caseId,
            organisation_id: e.organisationId,
            relation: e.relation,
            case_created_at: caseCreatedAt,
          })),
        )
        .execute();
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;
