/**
 * `audit.record(tx, event)`: appends inside the caller's transaction (ARCHITECTURE §3,
 * law 1), so an access and its audit event commit or vanish together.
 *
 * The append takes the log's single sequencer lock until the transaction ends: record the
 * audit events as the last step of a service transaction to keep that lock short. Under
 * REPEATABLE READ or SERIALIZABLE, a concurrent append makes the transaction fail with a
 * serialisation error: services run at the default READ COMMITTED.
 *
 * Each event is stamped with the channel of the entry point the caller runs in (SPEC SEC-05,
 * channel.ts, ADR 0019): services do not pass it.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { currentAuditChannel } from './channel.js';
import { eventPayload } from './event-payload.js';
import type { AuditEvent } from './events.js';

export interface AuditLog {
  /** Appends one event; returns its position in the log. */
  record(tx: Tx, event: AuditEvent): Promise<number>;
  /** Appends events in order, all or none; returns their positions. */
  recordMany(tx: Tx, events: readonly AuditEvent[]): Promise<number[]>;
}

export interface AuditLogDeps {
  clock: Clock;
}

export function createAuditLog({ clock }: AuditLogDeps): AuditLog {
  async function recordMany(tx: Tx, events: readonly AuditEvent[]): Promise<number[]> {
    // Outside a transaction the event would commit even if the access it records did not.
    if (!tx.isTransaction) throw new TypeError('audit events are recorded inside the caller’s transaction');
    if (events.length === 0) return [];
    const at = clock.now();
    const channel = currentAuditChannel();
    // Every event is validated before anything is written: bad input changes nothing.
    const payloads = events.map((event) => eventPayload(event, at, channel));
    const { rows } = await sql<{ first: number }>`SELECT audit_append(${payloads}::text[]) AS first`.execute(
      tx,
    );
    const first = rows[0]!.first;
    return payloads.map((_, i) => first + i);
  }

  return {
    recordMany,
    async record(tx, event) {
      const [position] = await recordMany(tx, [event]);
      return position!;
    },
  };
}
