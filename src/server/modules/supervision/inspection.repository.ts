/**
 * What the inspection export reads of one controller (SPEC SUP-03): its configuration, its
 * declarations, its registers and its audit events, in SQL. Never a column of a shared file's
 * content: the rights requests are read for their dates, kinds, routes and outcomes only, the audit
 * log for its metadata (it holds no content). Row-level security lets an inspector read the
 * supervisory and rights registers of the controller that granted its account (migration 0035).
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

export interface AuditEventRow {
  position: number;
  payload: string;
}

export function createInspectionRepository() {
  return {
    organisation: (tx: Tx, id: string) =>
      tx.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),

    royalDecrees: (tx: Tx, organisationId: string) =>
      tx
        .selectFrom('royal_decree_authorisations')
        .select(['id', 'kind', 'reference', 'valid_from', 'valid_until'])
        .where('organisation_id', '=', organisationId)
        .orderBy('valid_from')
        .execute(),

    /** The frameworks it organises or takes part in (not removed), with their declared terms. */
    frameworks: (tx: Tx, organisationId: string) =>
      tx
        .selectFrom('frameworks as f')
        .select([
          'f.id',
          'f.name',
          'f.state',
          'f.basis_kind',
          'f.basis_title',
          'f.basis_article',
          'f.authorisation_reference',
          'f.processing_basis_kind',
          'f.purposes',
          'f.organiser_organisation_id',
          'f.allowed_categories',
          'f.default_retention_months',
          'f.activated_at',
        ])
        .where((eb) =>
          eb.or([
            eb('f.organiser_organisation_id', '=', organisationId),
            eb.exists(
              eb
                .selectFrom('framework_participants as p')
                .select('p.framework_id')
                .whereRef('p.framework_id', '=', 'f.id')
                .where('p.organisation_id', '=', organisationId)
                .where('p.removed_at', 'is', null),
            ),
          ]),
        )
        .orderBy('f.name')
        .execute(),

    /** Its accounts and what they may do: the access-permission snapshot (L1992 art. 16 §1 4°). */
    accounts: (tx: Tx, organisationId: string) =>
      tx
        .selectFrom('users as u')
        .leftJoin('user_credentials as c', 'c.user_id', 'u.id')
        .select((eb) => [
          'u.id',
          'u.display_name',
          'u.roles',
          'u.active',
          'u.cross_case_search',
          'c.mfa_enrolled_at',
          eb
            .selectFrom('special_designations as d')
            .select(sql<string[]>`coalesce(array_agg(d.scope ORDER BY d.scope), '{}')`.as('scopes'))
            .whereRef('d.user_id', '=', 'u.id')
            .where('d.revoked_at', 'is', null)
            .as('designations'),
        ])
        .where('u.organisation_id', '=', organisationId)
        .orderBy('u.display_name')
        .orderBy('u.id')
        .execute(),

    /** Its declarations and their versions as filed (SPEC DCL): numbers, kinds, dates, statuses, hashes. */
    declarationVersions: (tx: Tx, organisationId: string) =>
      tx
        .selectFrom('declaration_versions as v')
        .innerJoin('declarations as d', 'd.id', 'v.declaration_id')
        .select([
          'd.id as declaration_id',
          'd.register_number',
          'v.number',
          'v.kind',
          'v.status',
          'v.submitted_on',
          'v.acknowledged_on',
          'v.completed_on',
          'v.content_sha256',
          'v.content',
        ])
        .where('d.organisation_id', '=', organisationId)
        .orderBy('d.id')
        .orderBy('v.number')
        .execute(),

    /** The register of its rights requests: dates, kinds, routes, statuses and outcomes (SPEC PEN-06). */
    rightsRequests: (tx: Tx, organisationId: string) =>
      tx
        .selectFrom('rights_request_parts as p')
        .innerJoin('rights_requests as q', 'q.id', 'p.request_id')
        .select([
          'p.id',
          'q.kind',
          'q.channel',
          'q.received_at',
          'q.dated_on',
          'p.route',
          'p.status',
          'p.outcome',
          'p.answered_at',
        ])
        .where('p.controller_organisation_id', '=', organisationId)
        .orderBy('q.received_at')
        .execute(),

    /** Its audit events after `after`, in log order; `limit` of them. */
    async auditEvents(
      tx: Tx,
      organisationId: string,
      after: number,
      limit: number,
    ): Promise<AuditEventRow[]> {
      const rows = await tx
        .selectFrom('audit_events')
        .select(['position', 'payload'])
        .where('actor_organisation_id', '=', organisationId)
        .where('position', '>', after)
        .orderBy('position')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ position: Number(row.position), payload: row.payload }));
    },

    async auditSummary(tx: Tx, organisationId: string) {
      const row = await tx
        .selectFrom('audit_events')
        .select((eb) => [
          eb.fn.countAll<string>().as('events'),
          eb.fn.min('position').as('first'),
          eb.fn.max('position').as('last'),
        ])
        .where('actor_organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow();
      return {
        events: Number(row.events),
        firstPosition: row.first === null ? null : Number(row.first),
        lastPosition: row.last === null ? null : Number(row.last),
      };
    },
  };
}

export type InspectionRepository = ReturnType<typeof createInspectionRepository>;
