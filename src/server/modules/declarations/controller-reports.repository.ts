/**
 * What the controller's reports read of its processing (SPEC SEC-13, DCL-16, DCL-26), at the
 * controller's desk (migration 0023: row-level security shows this controller's items, paper parts
 * and the keys of their cases, nothing of another): counts from its items and the audit log, never
 * content, and the location of its paper parts. A period of the audit log is read from each event's
 * own instant (its payload's `at`, from the injected clock), not from the row's insertion time.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

export interface PeriodBounds {
  /** Inclusive, as instants: the start of the first day and of the day after the last, in Brussels. */
  from: Date;
  until: Date;
}

export function createControllerReportsRepository() {
  return {
    /** DCL-16 (SCO-05): the controller's items by category and provenance. */
    provenance: async (tx: Tx, organisationId: string) => {
      const { rows } = await sql<{ category: string; provenance: string; count: number }>`
        SELECT category, provenance, count(*)::int AS count FROM items
        WHERE controller_organisation_id = ${organisationId}::uuid
        GROUP BY 1, 2 ORDER BY 1, 2`.execute(tx);
      return rows;
    },

    /** DCL-26: the controller's paper parts, with their case's framework; the custody is decrypted by the caller. */
    paperParts: (tx: Tx, organisationId: string) =>
      tx
        .selectFrom('paper_parts as p')
        .innerJoin('cases as c', 'c.id', 'p.case_id')
        .select([
          'p.id',
          'p.case_id',
          'c.framework_id',
          'p.categories',
          'p.page_count',
          'p.custody',
          'p.version',
          'p.registered_at',
          'p.destroyed_on',
        ])
        .where('p.controller_organisation_id', '=', organisationId)
        .orderBy('p.registered_at')
        .orderBy('p.id')
        .execute(),

    /**
     * SEC-13: per category, the controller's items collected in the period (its own `collect`
     * events) and the consultations of its items (every `consult` event that named one).
     */
    categoryCounts: async (tx: Tx, organisationId: string, period: PeriodBounds) => {
      const { rows } = await sql<{ category: number; recorded: number; consulted: number }>`
        WITH touched AS (
          SELECT e.position, e.action, (r ->> 'category')::int AS category,
            coalesce(e.payload::jsonb #>> '{actor,representing}', e.actor_organisation_id) AS actor_organisation
          FROM audit_events e
          CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.payload::jsonb -> 'records', '[]'::jsonb)) r
          JOIN items i ON i.id::text = r ->> 'id'
          WHERE r ->> 'type' = 'item' AND e.action IN ('collect', 'consult')
            AND e.payload::jsonb ->> 'outcome' = 'success'
            AND (e.payload::jsonb ->> 'at')::timestamptz >= ${period.from} AND (e.payload::jsonb ->> 'at')::timestamptz < ${period.until}
            AND i.controller_organisation_id = ${organisationId}::uuid
        )
        SELECT category,
          count(DISTINCT position) FILTER (WHERE action = 'collect' AND actor_organisation = ${organisationId})::int AS recorded,
          count(DISTINCT position) FILTER (WHERE action = 'consult')::int AS consulted
        FROM touched WHERE category IS NOT NULL GROUP BY 1 ORDER BY 1`.execute(tx);
      return rows;
    },

    /** SEC-13: the consult events that named one of the controller's items, by its own staff or others. */
    consultations: async (tx: Tx, organisationId: string, period: PeriodBounds) => {
      const { rows } = await sql<{ events: number; own: number }>`
        WITH consults AS (
          SELECT DISTINCT e.position,
            coalesce(e.payload::jsonb #>> '{actor,representing}', e.actor_organisation_id) AS actor_organisation
          FROM audit_events e
          CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.payload::jsonb -> 'records', '[]'::jsonb)) r
          JOIN items i ON i.id::text = r ->> 'id'
          WHERE r ->> 'type' = 'item' AND e.action = 'consult'
            AND e.payload::jsonb ->> 'outcome' = 'success'
            AND (e.payload::jsonb ->> 'at')::timestamptz >= ${period.from} AND (e.payload::jsonb ->> 'at')::timestamptz < ${period.until}
            AND i.controller_organisation_id = ${organisationId}::uuid
        )
        SELECT count(*)::int AS events, count(*) FILTER (WHERE actor_organisation = ${organisationId})::int AS own
        FROM consults`.execute(tx);
      return rows[0] ?? { events: 0, own: 0 };
    },

    /**
     * SEC-13 (the disclosure log, contested/disclosure-log.ts, over a period): the other
     * organisations that consulted, received or used the controller's items in the period, those
     * that copied them to their own file, and the communications outside Concerto it recorded.
     */
    recipients: async (tx: Tx, organisationId: string, period: PeriodBounds) => {
      const { rows } = await sql<{
        organisation_id: string | null;
        legal_name: string | null;
        kind: string | null;
        recipient_class: string | null;
        count: number;
      }>`
        WITH shared AS (
          SELECT DISTINCT e.position,
            coalesce(e.payload::jsonb #>> '{actor,representing}', e.actor_organisation_id)::uuid AS organisation_id
          FROM audit_events e
          CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.payload::jsonb -> 'records', '[]'::jsonb)) r
          JOIN items i ON i.id::text = r ->> 'id'
          WHERE r ->> 'type' = 'item' AND e.action IN ('consult', 'disclose', 'use')
            AND e.payload::jsonb ->> 'outcome' = 'success'
            AND (e.payload::jsonb ->> 'at')::timestamptz >= ${period.from} AND (e.payload::jsonb ->> 'at')::timestamptz < ${period.until}
            AND i.controller_organisation_id = ${organisationId}::uuid
        ),
        exported AS (
          SELECT x.id, t.requester_organisation_id AS organisation_id
          FROM own_file_exports x JOIN own_file_transfers t ON t.id = x.transfer_id
          WHERE x.exported_at >= ${period.from} AND x.exported_at < ${period.until}
            AND EXISTS (SELECT 1 FROM items i WHERE i.id = ANY (x.item_ids)
              AND i.controller_organisation_id = ${organisationId}::uuid)
        ),
        counted AS (
          SELECT organisation_id, count(*)::int AS count FROM (
            SELECT organisation_id FROM shared WHERE organisation_id IS DISTINCT FROM ${organisationId}::uuid
            UNION ALL SELECT organisation_id FROM exported
          ) t GROUP BY 1
        )
        SELECT o.id AS organisation_id, o.legal_name, o.kind, NULL AS recipient_class, s.count
        FROM counted s JOIN organisations o ON o.id = s.organisation_id
        UNION ALL
        SELECT NULL, NULL, NULL, d.recipient_class, count(*)::int
        FROM external_disclosures d
        WHERE d.controller_organisation_id = ${organisationId}::uuid
          AND d.disclosed_at >= ${period.from} AND d.disclosed_at < ${period.until}
        GROUP BY d.recipient_class
        ORDER BY 3, 2, 4`.execute(tx);
      return rows;
    },
  };
}

export type ControllerReportsRepository = ReturnType<typeof createControllerReportsRepository>;
