/**
 * `audit history <record-id>` (SPEC PEN-20; L2007 art. 15bis: the controller is exonerated if it
 * proves the damage is not attributable to it): the history of one record — an information item,
 * a person, a transfer, a case — from the audit log alone, in the order of the log: every event
 * that names the record (its creation, each change, each consultation and disclosure, its erasure),
 * then, for the cases those events belong to, the erasure and destruction of the whole case at the
 * end of its retention, which names the case and not each of its records.
 *
 * Each entry says when, who (user, organisation, role, or the system job), what, with which outcome,
 * through which channel (SEC-05; null for events written before the channel was recorded), and to
 * whom for a disclosure. The justification's text is not repeated, only whether there was one: the
 * operator who runs the command is the host, not a participant (ARCHITECTURE §3.6).
 *
 * The log has no index on the records an event names: the search reads every payload once, in one
 * snapshot. A history is asked for rarely (a dispute, an inspection), so no cost is added to each
 * append for it.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { DomainError } from '../errors.js';
import type { AuditChannel } from './channel.js';
import { isAuditId } from './event-payload.js';
import type { AuditRecipient, AuditRecordRef } from './events.js';
import {
  readAuditPayload,
  type StoredActor,
  type StoredAuditEvent,
  UnreadablePayload,
} from './stored-event.js';

export interface HistoryEntry {
  position: number;
  at: string;
  action: string;
  outcome: string;
  actor: StoredActor;
  channel: AuditChannel | null;
  caseId: string | null;
  /** `record`: the event names the record; `case`: it erased or destroyed the whole case that held it. */
  via: 'record' | 'case';
  records: AuditRecordRef[];
  recipients: AuditRecipient[];
  reason: string | null;
  justified: boolean;
}

/** What ends every record of a case at once (bill art. 2 §3 4°; retention, case-purge.service.ts). */
const CASE_WIDE = new Set(['erase', 'destroy']);

function entryOf(position: number, event: StoredAuditEvent, via: HistoryEntry['via']): HistoryEntry {
  return {
    position,
    at: event.at,
    action: event.action,
    outcome: event.outcome,
    actor: event.actor,
    channel: event.channel,
    caseId: event.caseId ?? null,
    via,
    records: event.records.map((r) => ({
      type: r.type,
      id: r.id,
      ...(r.category !== undefined && { category: r.category }),
    })),
    recipients: event.recipients,
    reason: event.reason ?? null,
    justified: event.justification !== undefined,
  };
}

/** A payload the log holds but that is no event (forged or damaged) is left to `audit verify`. */
function read(payload: string): StoredAuditEvent | undefined {
  try {
    return readAuditPayload(payload);
  } catch (error) {
    if (error instanceof UnreadablePayload) return undefined;
    throw error;
  }
}

/** Every event of the log concerning `recordId`, oldest first. */
export async function recordHistory(db: Db, recordId: string): Promise<HistoryEntry[]> {
  if (!isAuditId(recordId)) {
    throw new DomainError('validation_failed', {
      detail: 'The record id is not an id the audit log records',
      fields: [{ field: 'recordId', message: 'must be an id' }],
    });
  }
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const entries: HistoryEntry[] = [];
      // strpos narrows the rows without casting each payload (a damaged one must not stop the search);
      // the parsed payload decides.
      const { rows } = await sql<{ position: number; payload: string }>`
        SELECT position, payload FROM audit_events
        WHERE strpos(payload, ${recordId}) > 0
        ORDER BY position`.execute(tx);
      const caseIds = new Set<string>();
      for (const row of rows) {
        const event = read(row.payload);
        if (!event?.records.some((record) => record.id === recordId)) continue;
        entries.push(entryOf(Number(row.position), event, 'record'));
        if (event.caseId) caseIds.add(event.caseId);
      }
      if (caseIds.size > 0) {
        const named = new Set(entries.map((entry) => entry.position));
        const ended = await tx
          .selectFrom('audit_events')
          .select(['position', 'payload'])
          .where('case_id', 'in', [...caseIds])
          .where('action', 'in', [...CASE_WIDE])
          .orderBy('position')
          .execute();
        for (const row of ended) {
          const event = read(row.payload);
          const position = Number(row.position);
          // The query columns are copies; the payload, which the Merkle leaf covers, decides.
          if (!event || named.has(position) || !event.caseId || !caseIds.has(event.caseId)) continue;
          if (
            !CASE_WIDE.has(event.action) ||
            !event.records.some((r) => r.type === 'case' && r.id === event.caseId)
          ) {
            continue;
          }
          entries.push(entryOf(position, event, 'case'));
        }
      }
      return entries.sort((a, b) => a.position - b.position);
    });
}

/** One line of `concerto audit history`. */
export function describeHistoryEntry(entry: HistoryEntry): string {
  const { actor } = entry;
  const who =
    actor.system !== undefined
      ? `system job ${actor.system}`
      : `user ${actor.userId ?? '?'} of organisation ${actor.organisationId ?? '?'} as ${actor.role ?? '?'}` +
        (actor.representing ? ` representing ${actor.representing}` : '') +
        (actor.interconnection ? ` through interconnection ${actor.interconnection}` : '');
  const channel = entry.channel
    ? `channel ${entry.channel.type}${entry.channel.client ? ` (${entry.channel.client})` : ''}`
    : 'channel not recorded (version 1 event)';
  const parts = [`#${entry.position}`, entry.at, `${entry.action} ${entry.outcome}`, who, channel];
  if (entry.caseId) parts.push(`case ${entry.caseId}`);
  if (entry.via === 'case') parts.push('the whole case');
  if (entry.recipients.length > 0) {
    parts.push(
      `to ${entry.recipients.map((r) => (r.userId ? `${r.organisationId} (user ${r.userId})` : r.organisationId)).join(', ')}`,
    );
  }
  if (entry.reason) parts.push(`reason ${entry.reason}`);
  if (entry.justified) parts.push('justified');
  return parts.join(' · ');
}
