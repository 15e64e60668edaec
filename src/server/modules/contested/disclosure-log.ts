/**
 * The disclosure log of items (SPEC ROL-11, RGT-REC-04 a), RGT-REC-05, RGT-CRT-03): the other
 * organisations that consulted or received them in the case (from the audit log, which outlives
 * the item and its retention and never held its content), those that copied them to their own
 * file, and the communications outside Concerto their controller recorded. Read by the rights
 * desks (recipients of a granted change, the access answer) and by the controller carrying out a
 * court order to inform third parties (L2007 art. 14 §6), as the runtime role.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

/** One organisation that received an item, and how. */
export interface DisclosureRow {
  item_id: string;
  organisation_id: string | null;
  recipient_name: string | null;
  recipient_class:
    | 'co_participant_controller'
    | 'own_file_exporter'
    | 'third_party'
    | 'processor'
    | 'inquiry_authority';
  at: Date;
  reference: string | null;
}

/**
 * Every recipient of `itemIds` other than `controllerId`, oldest first; with `since`, only those
 * that received an item at or after it (RGT-CRT-03: "since date D"), dated by their first
 * disclosure from then on.
 */
export async function disclosureLog(
  tx: Tx,
  itemIds: readonly string[],
  controllerId: string,
  since: Date | null = null,
): Promise<DisclosureRow[]> {
  if (itemIds.length === 0) return [];
  const { rows } = await sql<DisclosureRow>`
    WITH wanted AS (SELECT unnest(${sql.val(itemIds)}::uuid[]) AS item_id),
    seen AS (
      SELECT w.item_id, coalesce(e.payload::jsonb #>> '{actor,representing}', e.actor_organisation_id)::uuid
          AS organisation_id, min(e.recorded_at) AS at
      FROM wanted w
      JOIN items i ON i.id = w.item_id
      JOIN audit_events e ON e.case_id = i.case_id::text AND e.action IN ('consult', 'disclose', 'use')
        AND e.payload::jsonb -> 'outcome' = '"success"'
        AND e.payload::jsonb -> 'records' @> jsonb_build_array(jsonb_build_object('type', 'item', 'id', w.item_id::text))
        AND (${since}::timestamptz IS NULL OR e.recorded_at >= ${since}::timestamptz)
      GROUP BY 1, 2
    )
    SELECT item_id, organisation_id, NULL AS recipient_name, 'co_participant_controller' AS recipient_class, at,
      NULL AS reference
    FROM seen WHERE organisation_id IS DISTINCT FROM ${controllerId}::uuid
    UNION ALL
    SELECT w.item_id, t.requester_organisation_id, NULL, 'own_file_exporter', min(x.exported_at), NULL
    FROM wanted w JOIN own_file_exports x ON w.item_id = ANY (x.item_ids)
      JOIN own_file_transfers t ON t.id = x.transfer_id
    WHERE ${since}::timestamptz IS NULL OR x.exported_at >= ${since}::timestamptz
    GROUP BY w.item_id, t.requester_organisation_id
    UNION ALL
    SELECT d.item_id, NULL, d.recipient_name, d.recipient_class, d.disclosed_at, d.reference
    FROM external_disclosures d JOIN wanted w ON w.item_id = d.item_id
    WHERE ${since}::timestamptz IS NULL OR d.disclosed_at >= ${since}::timestamptz
    ORDER BY 5, 1`.execute(tx);
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}
