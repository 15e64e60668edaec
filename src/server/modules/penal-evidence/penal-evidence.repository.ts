/**
 * What the penal-evidence reports read (SPEC PEN-01..PEN-10), as the runtime role at the
 * controller's desk (migration 0023: row-level security shows this controller's items, persons,
 * paper parts, exports and rights parts, and the keys of their cases; nothing of another
 * controller). Ids, codes, dates and flags; the only encrypted column read is the item's payload,
 * which the minimisation report opens to see whether a ground is there, never to show it.
 * A period of the audit log is read from each event's own instant (its payload's `at`).
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

export interface Period {
  /** Inclusive start and exclusive end, as instants (Brussels days). */
  from: Date;
  until: Date;
}

export interface ExportRow {
  id: string;
  requester_organisation_id: string;
  exported_at: Date;
  item_ids: string[];
  contested_item_ids: string[];
}

export interface ConsultRow {
  position: number;
  at: string;
  organisation_id: string;
  item_ids: string[];
  contested_ids: string[];
}

export interface MarkRow {
  item_id: string;
  set_at: Date;
  cleared_at: Date | null;
}

/** PEN-21: an export a leaked copy names. */
export interface TracedExportRow {
  id: string;
  transfer_id: string;
  case_id: string;
  requester_organisation_id: string;
  format: 'json' | 'pdf';
  exported_by: string;
  exported_at: Date;
  sha256: string;
  audit_position: number | null;
}

export interface RefusedRow {
  position: number;
  payload: string;
}

export function createPenalEvidenceRepository() {
  return {
    organisation: (tx: Tx, id: string) =>
      tx
        .selectFrom('organisations')
        .select(['id', 'legal_name', 'kind', 'dp_regime'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),

    // --- PEN-01 (RGT-CON-04): the communications of the period and their contested flags --------

    /** Own-file exports of the period that carried items of the controller (FIL-08's register). */
    async exportsOf(tx: Tx, controllerId: string, period: Period): Promise<ExportRow[]> {
      const { rows } = await sql<ExportRow>`
        SELECT x.id, t.requester_organisation_id, x.exported_at, x.contested_item_ids,
          ARRAY(SELECT i.id FROM items i WHERE i.id = ANY (x.item_ids)
            AND i.controller_organisation_id = ${controllerId}::uuid ORDER BY i.id) AS item_ids
        FROM own_file_exports x JOIN own_file_transfers t ON t.id = x.transfer_id
        WHERE x.exported_at >= ${period.from} AND x.exported_at < ${period.until}
          AND EXISTS (SELECT 1 FROM items i WHERE i.id = ANY (x.item_ids)
            AND i.controller_organisation_id = ${controllerId}::uuid)
        ORDER BY x.exported_at, x.id`.execute(tx);
      return rows.map((row) => ({ ...row, exported_at: new Date(row.exported_at) }));
    },

    /**
     * PEN-21: the own-file exports carrying the controller's items that `userId` made at `at`, or
     * whose file has this SHA-256 (FIL-08's register), each with the position of its disclose event.
     */
    async exportsMatching(
      tx: Tx,
      controllerId: string,
      match: { userId: string | null; at: Date | null; sha256: string | null },
    ): Promise<TracedExportRow[]> {
      const { rows } = await sql<TracedExportRow>`
        SELECT x.id, x.transfer_id, t.case_id, t.requester_organisation_id, x.format, x.exported_by,
          x.exported_at, x.sha256,
          (SELECT e.position FROM audit_events e
            WHERE e.action = 'disclose' AND e.actor_user_id = x.exported_by::text
              AND e.payload::jsonb ->> 'outcome' = 'success'
              AND e.payload::jsonb -> 'records' @> jsonb_build_array(
                jsonb_build_object('type', 'transfer', 'id', x.transfer_id::text))
            ORDER BY abs(extract(epoch FROM (e.payload::jsonb ->> 'at')::timestamptz - x.exported_at)), e.position
            LIMIT 1) AS audit_position
        FROM own_file_exports x JOIN own_file_transfers t ON t.id = x.transfer_id
        WHERE EXISTS (SELECT 1 FROM items i WHERE i.id = ANY (x.item_ids)
            AND i.controller_organisation_id = ${controllerId}::uuid)
          AND ((x.exported_by = ${match.userId}::uuid AND x.exported_at = ${match.at}::timestamptz)
            OR x.sha256 = ${match.sha256})
        ORDER BY x.exported_at, x.id
        LIMIT 100`.execute(tx);
      return rows.map((row) => ({
        ...row,
        exported_at: new Date(row.exported_at),
        audit_position: row.audit_position === null ? null : Number(row.audit_position),
      }));
    },

    /**
     * The consultations of the controller's items by other organisations in the period (the other
     * participants are third parties to it, bill art. 3 §1 al. 2), with the items each consult
     * event showed as contested (its `contested_item` records, case-reading.service.ts).
     */
    async consultationsOf(tx: Tx, controllerId: string, period: Period): Promise<ConsultRow[]> {
      const { rows } = await sql<ConsultRow>`
        WITH events AS (
          SELECT e.position, e.payload::jsonb AS p FROM audit_events e
          WHERE e.action = 'consult' AND e.payload::jsonb ->> 'outcome' = 'success'
            AND (e.payload::jsonb ->> 'at')::timestamptz >= ${period.from}
            AND (e.payload::jsonb ->> 'at')::timestamptz < ${period.until}
        )
        SELECT ev.position, ev.p ->> 'at' AS at,
          coalesce(ev.p #>> '{actor,representing}', ev.p #>> '{actor,organisationId}') AS organisation_id,
          array_agg(DISTINCT i.id::text) FILTER (WHERE i.id IS NOT NULL) AS item_ids,
          coalesce(array_agg(DISTINCT r ->> 'id') FILTER (WHERE r ->> 'type' = 'contested_item'), '{}') AS contested_ids
        FROM events ev
        CROSS JOIN LATERAL jsonb_array_elements(coalesce(ev.p -> 'records', '[]'::jsonb)) r
        LEFT JOIN items i ON r ->> 'type' = 'item' AND i.id::text = r ->> 'id'
          AND i.controller_organisation_id = ${controllerId}::uuid
        GROUP BY ev.position, ev.p
        HAVING count(i.id) > 0
          AND coalesce(ev.p #>> '{actor,representing}', ev.p #>> '{actor,organisationId}') <> ${controllerId}
        ORDER BY ev.position`.execute(tx);
      return rows.map((row) => ({ ...row, position: Number(row.position) }));
    },

    /** The communications outside Concerto its controller recorded (SPEC ROL-11). */
    externalDisclosuresOf: (tx: Tx, controllerId: string, period: Period) =>
      tx
        .selectFrom('external_disclosures')
        .select(['id', 'item_id', 'recipient_class', 'disclosed_at'])
        .where('controller_organisation_id', '=', controllerId)
        .where('disclosed_at', '>=', period.from)
        .where('disclosed_at', '<', period.until)
        .orderBy('disclosed_at')
        .orderBy('id')
        .execute(),

    /** Every contested mark of `itemIds`, standing or cleared, with when Concerto knew of it. */
    async marksOf(tx: Tx, itemIds: readonly string[]): Promise<MarkRow[]> {
      if (itemIds.length === 0) return [];
      const rows = await tx
        .selectFrom('contested_marks')
        .select(['item_id', 'set_at', 'cleared_at'])
        .where('item_id', 'in', [...itemIds])
        .execute();
      return rows.map((row) => ({
        item_id: row.item_id,
        set_at: new Date(row.set_at),
        cleared_at: row.cleared_at === null ? null : new Date(row.cleared_at),
      }));
    },

    // --- PEN-01 (SEC-06, SEC-07): who may reach what -------------------------------------------

    members: (tx: Tx, controllerId: string) =>
      tx
        .selectFrom('users as u')
        .select((eb) => [
          'u.id',
          'u.roles',
          'u.active',
          'u.cross_case_search',
          eb
            .selectFrom('special_designations as d')
            .select(sql<string[]>`coalesce(array_agg(d.scope ORDER BY d.scope), '{}')`.as('scopes'))
            .whereRef('d.user_id', '=', 'u.id')
            .where('d.revoked_at', 'is', null)
            .as('designations'),
        ])
        .where('u.organisation_id', '=', controllerId)
        .orderBy('u.id')
        .execute(),

    representatives: (tx: Tx, controllerId: string) =>
      tx
        .selectFrom('representations')
        .select(['id', 'representative_id', 'valid_from', 'valid_to'])
        .where('authority_id', '=', controllerId)
        .where('ended_at', 'is', null)
        .orderBy('valid_from')
        .orderBy('id')
        .execute(),

    /** The audience of every case the controller is in (case_audience holds ids and places only). */
    async caseAudiences(tx: Tx, controllerId: string) {
      const { rows } = await sql<{ case_id: string; organisation_id: string; relation: string }>`
        SELECT a.case_id, a.organisation_id, a.relation FROM case_audience a
        WHERE a.case_id IN (SELECT o.case_id FROM case_audience o WHERE o.organisation_id = ${controllerId}::uuid)
        ORDER BY a.case_created_at, a.case_id, a.relation, a.organisation_id`.execute(tx);
      return rows;
    },

    /** The state of the controller's cases it has records in (the desk sees those). */
    caseStates: async (tx: Tx, caseIds: readonly string[]): Promise<Map<string, string>> => {
      if (caseIds.length === 0) return new Map();
      const rows = await tx
        .selectFrom('cases')
        .select(['id', 'state'])
        .where('id', 'in', [...caseIds])
        .execute();
      return new Map(rows.map((row) => [row.id, row.state]));
    },

    // --- PEN-01 (SEC-08): the communications refused in the period -----------------------------

    /**
     * Denied `disclose` events of the period that concern the controller: attempted by its staff
     * (or for it), naming one of its items, or in a case it takes part in.
     */
    async refusedDisclosures(tx: Tx, controllerId: string, period: Period): Promise<RefusedRow[]> {
      const { rows } = await sql<RefusedRow>`
        SELECT e.position, e.payload FROM audit_events e
        WHERE e.action = 'disclose' AND e.payload::jsonb ->> 'outcome' = 'denied'
          AND (e.payload::jsonb ->> 'at')::timestamptz >= ${period.from}
          AND (e.payload::jsonb ->> 'at')::timestamptz < ${period.until}
          AND (
            coalesce(e.payload::jsonb #>> '{actor,representing}', e.actor_organisation_id) = ${controllerId}
            OR e.case_id IN (SELECT a.case_id::text FROM case_audience a WHERE a.organisation_id = ${controllerId}::uuid)
            OR EXISTS (
              SELECT 1 FROM jsonb_array_elements(coalesce(e.payload::jsonb -> 'records', '[]'::jsonb)) r
              JOIN items i ON r ->> 'type' = 'item' AND i.id::text = r ->> 'id'
              WHERE i.controller_organisation_id = ${controllerId}::uuid)
          )
        ORDER BY e.position`.execute(tx);
      return rows.map((row) => ({ ...row, position: Number(row.position) }));
    },

    // --- PEN-02, PEN-05: the information obligations -------------------------------------------

    /** Every person the controller recorded, with its information obligation (none: a gap). */
    async personsWithObligations(tx: Tx, controllerId: string) {
      const { rows } = await sql<{
        person_id: string;
        case_id: string;
        role: string;
        obligation_id: string | null;
        collection: string | null;
        status: string | null;
        recorded_on: string | null;
        informed_on: string | null;
      }>`
        SELECT p.id AS person_id, p.case_id, p.role, o.id AS obligation_id, o.collection, o.status,
          o.recorded_on, o.informed_on
        FROM persons p
        LEFT JOIN information_obligations o ON o.person_id = p.id
          AND o.controller_organisation_id = p.controller_organisation_id
        WHERE p.controller_organisation_id = ${controllerId}::uuid
        ORDER BY p.created_at, p.id`.execute(tx);
      return rows;
    },

    obligations: (tx: Tx, controllerId: string) =>
      tx
        .selectFrom('information_obligations')
        .select([
          'id',
          'person_id',
          'case_id',
          'person_role',
          'collection',
          'status',
          'recorded_on',
          'disclosure_envisaged_at',
          'exemption_ground',
          'exemption_reference',
          'closed_by',
          'closed_at',
        ])
        .where('controller_organisation_id', '=', controllerId)
        .orderBy('recorded_on')
        .orderBy('created_at')
        .orderBy('id')
        .execute(),

    // --- PEN-04: the items and their grounds ---------------------------------------------------

    /** The controller's items that still hold data, with their case's purposes. */
    itemsWithPurposes: (tx: Tx, controllerId: string) =>
      tx
        .selectFrom('items as i')
        .innerJoin('cases as c', 'c.id', 'i.case_id')
        .innerJoin('frameworks as f', 'f.id', 'c.framework_id')
        .select([
          'i.id',
          'i.case_id',
          'i.category',
          'i.version',
          'i.payload',
          'i.genetic_biometric',
          'i.reveals_sensitive',
          'i.criminal_related',
          'i.police_mission',
          'i.classification',
          'c.purposes as case_purposes',
          'f.purposes as framework_purposes',
        ])
        .where('i.controller_organisation_id', '=', controllerId)
        .where('i.erased_at', 'is', null)
        .where('i.payload', 'is not', null)
        .orderBy('i.created_at')
        .orderBy('i.id')
        .execute(),

    async personIdsOfItems(tx: Tx, itemIds: readonly string[]): Promise<Map<string, string[]>> {
      if (itemIds.length === 0) return new Map();
      const rows = await tx
        .selectFrom('item_persons')
        .select(['item_id', 'person_id'])
        .where('item_id', 'in', [...itemIds])
        .execute();
      const map = new Map<string, string[]>();
      for (const row of rows) map.set(row.item_id, [...(map.get(row.item_id) ?? []), row.person_id]);
      return map;
    },

    // --- PEN-06: the access requests and the archive of their answers --------------------------

    async accessParts(tx: Tx, controllerId: string, period: Partial<Period>) {
      const { rows } = await sql<{
        id: string;
        request_id: string;
        kind: string;
        route: string;
        regime: string;
        received_at: Date;
        status: string;
        outcome: string | null;
        answered_at: Date | null;
      }>`
        SELECT p.id, p.request_id, q.kind, p.route, o.dp_regime AS regime, q.received_at, p.status,
          p.outcome, p.answered_at
        FROM rights_request_parts p
        JOIN rights_requests q ON q.id = p.request_id
        JOIN organisations o ON o.id = p.controller_organisation_id
        WHERE p.controller_organisation_id = ${controllerId}::uuid
          AND q.kind IN ('access', 'information')
          AND (${period.from ?? null}::timestamptz IS NULL OR q.received_at >= ${period.from ?? null}::timestamptz)
          AND (${period.until ?? null}::timestamptz IS NULL OR q.received_at < ${period.until ?? null}::timestamptz)
        ORDER BY q.received_at, p.id`.execute(tx);
      return rows.map((row) => ({
        ...row,
        received_at: new Date(row.received_at),
        answered_at: row.answered_at === null ? null : new Date(row.answered_at),
      }));
    },

    answerDocuments: (tx: Tx, partIds: readonly string[]) =>
      partIds.length === 0
        ? Promise.resolve([])
        : tx
            .selectFrom('rights_answer_documents')
            .select(['part_id', 'kind', 'sha256', 'size_bytes', 'issued_at'])
            .where('part_id', 'in', [...partIds])
            .orderBy('issued_at')
            .orderBy('id')
            .execute(),

    // --- PEN-08: the frameworks the controller takes part in, and its declarations -------------

    /** Active frameworks it organises or takes part in, with the day it could start processing there. */
    async activeFrameworks(tx: Tx, controllerId: string) {
      const { rows } = await sql<{ id: string; name: string; activated_at: Date; joined_at: Date | null }>`
        SELECT f.id, f.name, f.activated_at,
          (SELECT min(p.added_at) FROM framework_participants p
            WHERE p.framework_id = f.id AND p.organisation_id = ${controllerId}::uuid AND p.removed_at IS NULL) AS joined_at
        FROM frameworks f
        WHERE f.state = 'active' AND f.activated_at IS NOT NULL
          AND (f.organiser_organisation_id = ${controllerId}::uuid OR EXISTS (
            SELECT 1 FROM framework_participants p WHERE p.framework_id = f.id
              AND p.organisation_id = ${controllerId}::uuid AND p.removed_at IS NULL))
        ORDER BY f.name, f.id`.execute(tx);
      return rows.map((row) => ({
        ...row,
        activated_at: new Date(row.activated_at),
        joined_at: row.joined_at === null ? null : new Date(row.joined_at),
      }));
    },

    /** Every submitted version of the controller's declarations (the declaration history). */
    versionsOf: (tx: Tx, controllerId: string) =>
      tx
        .selectFrom('declaration_versions as v')
        .innerJoin('declarations as d', 'd.id', 'v.declaration_id')
        .select(['v.declaration_id', 'v.number', 'v.kind', 'v.framework_ids', 'v.submitted_on'])
        .where('d.organisation_id', '=', controllerId)
        .orderBy('v.declaration_id')
        .orderBy('v.number')
        .execute(),

    /** The first record of the controller in a case of each framework (its first data entry). */
    async firstRecords(tx: Tx, controllerId: string): Promise<Map<string, Date>> {
      const { rows } = await sql<{ framework_id: string; first: Date }>`
        SELECT c.framework_id, min(r.created_at) AS first FROM (
          SELECT case_id, created_at FROM items WHERE controller_organisation_id = ${controllerId}::uuid
          UNION ALL
          SELECT case_id, created_at FROM persons WHERE controller_organisation_id = ${controllerId}::uuid
        ) r JOIN cases c ON c.id = r.case_id
        GROUP BY c.framework_id`.execute(tx);
      return new Map(rows.map((row) => [row.framework_id, new Date(row.first)]));
    },
  };
}

export type PenalEvidenceRepository = ReturnType<typeof createPenalEvidenceRepository>;
