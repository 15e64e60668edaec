/**
 * Audit append: events/s through `audit.record`, each event in its own transaction, against
 * a raw INSERT of a row of the same size through the same driver and pool, each in its own
 * transaction (issue 2, aim ≥ 50 %).
 */
import { sql } from 'kysely';
import { type Db, inTransaction } from '../src/server/db/database.js';
import { eventPayload } from '../src/server/kernel/audit/event-payload.js';
import { leafHash } from '../src/server/kernel/audit/merkle.js';
import { createAuditLog } from '../src/server/kernel/audit/record.js';
import { systemClock } from '../src/server/kernel/clock.js';
import { consultEvent as event } from './audit-events.js';
import type { BenchContext, BenchRow } from './types.js';

const EVENTS = 5_000;
const WARM_UP = 300;
const ROUND = 250;


/** Seconds spent running `one` for indexes [from, to), one after the other. */
async function elapsed(from: number, to: number, one: (i: number) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = from; i < to; i++) await one(i);
  return (performance.now() - start) / 1000;
}

export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const database = await ctx.createDatabase();
  const db: Db = database.appDb;
  // The baseline table has the audit row's shape, without the sequencer, tree or indexes.
  await sql`CREATE TABLE bench_raw_events (position bigint PRIMARY KEY, recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    payload text NOT NULL, leaf_hash bytea NOT NULL)`.execute(database.adminDb);
  await sql`GRANT INSERT ON bench_raw_events TO concerto_app`.execute(database.adminDb);
  const payload = eventPayload(event(0), systemClock.now());
  const leaf = Buffer.from(leafHash(payload));
  const audit = createAuditLog({ clock: systemClock });

  let next = 0;
  const rawInsert = () => {
    const position = next++;
    return inTransaction(db, (tx) =>
      sql`INSERT INTO bench_raw_events (position, payload, leaf_hash) VALUES (${position}, ${payload}, ${leaf})`.execute(
        tx,
      ),
    );
  };
  const auditRecord = (i: number) => inTransaction(db, (tx) => audit.record(tx, event(i)));

  await elapsed(0, WARM_UP, rawInsert);
  await elapsed(0, WARM_UP, auditRecord);
  // Interleaved rounds, so that noise from the rest of the machine hits both sides alike.
  let rawSeconds = 0;
  let auditSeconds = 0;
  for (let from = 0; from < EVENTS; from += ROUND) {
    rawSeconds += await elapsed(from, from + ROUND, rawInsert);
    auditSeconds += await elapsed(from, from + ROUND, auditRecord);
  }
  const raw = EVENTS / rawSeconds;
  const appended = EVENTS / auditSeconds;
  return [
    {
      scenario: 'audit append (1 writer, 1 event per transaction)',
      unit: 'events/s',
      value: appended,
      baseline: raw,
      ratio: appended / raw,
      note: `${EVENTS} events vs raw INSERT of the same row size`,
    },
  ];
}
