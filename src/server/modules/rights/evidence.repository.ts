/**
 * What the evidence pack of a request reads beyond the desk's own tables (SPEC RGT-CRT-01): the
 * audit events about the request, as the runtime role (the audit log holds no content).
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';

export interface AuditEventRow {
  position: number;
  recorded_at: Date;
  payload: string;
  leaf_hash: Buffer;
}

/**
 * The events that list the part, and those that list its request made by the desk itself (the
 * identity check, the intake): another desk's events about its own part of the same request stay
 * out, since a desk may not learn of another controller's part.
 */
export async function auditEventsAboutPart(
  tx: Tx,
  ids: { requestId: string; partId: string; deskId: string },
): Promise<AuditEventRow[]> {
  const ref = (type: string, id: string) => JSON.stringify([{ type, id }]);
  const { rows } = await sql<AuditEventRow>`
    SELECT position, recorded_at, payload, leaf_hash FROM audit_events
    WHERE payload::jsonb -> 'records' @> ${ref('rights_part', ids.partId)}::jsonb
      OR (payload::jsonb -> 'records' @> ${ref('rights_request', ids.requestId)}::jsonb
        AND coalesce(payload::jsonb #>> '{actor,representing}', actor_organisation_id) = ${ids.deskId})
    ORDER BY position`.execute(tx);
  return rows.map((row) => ({
    ...row,
    position: Number(row.position),
    recorded_at: new Date(row.recorded_at),
  }));
}
