/**
 * Audit verify: events/s through `verifyAuditLog` (read, recompute every leaf and the whole
 * tree, check every checkpoint) against raw SHA-256 leaf hashing of the same payloads in
 * the same process, with the payloads already in memory (issue 2, aim ≥ 30 %).
 */
import { inTransaction } from '../src/server/db/database.js';
import { issueCheckpoint } from '../src/server/kernel/audit/checkpoint.js';
import { createMemorySigner } from '../src/server/kernel/audit/memory-signer.js';
import { leafHash } from '../src/server/kernel/audit/merkle.js';
import { createAuditLog } from '../src/server/kernel/audit/record.js';
import { verifyAuditLog } from '../src/server/kernel/audit/verify.js';
import { systemClock } from '../src/server/kernel/clock.js';
import { consultEvent as event } from './audit-events.js';
import type { BenchContext, BenchRow } from './types.js';

const EVENTS = 100_000;
const BATCH = 1_000;
const CHECKPOINT_EVERY = 10_000;
const ORIGIN = 'bench.concerto/audit';
const RUNS = 3;


export async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const database = await ctx.createDatabase();
  const db = database.appDb;
  const signer = createMemorySigner();
  const audit = createAuditLog({ clock: systemClock });
  for (let start = 0; start < EVENTS; start += BATCH) {
    const batch = Array.from({ length: BATCH }, (_, i) => event(start + i));
    await inTransaction(db, (tx) => audit.recordMany(tx, batch));
    if ((start + BATCH) % CHECKPOINT_EVERY === 0) await issueCheckpoint(db, signer, ORIGIN);
  }
  const publicKey = await signer.checkpointPublicKey();
  const payloads = (await db.selectFrom('audit_events').select('payload').orderBy('position').execute()).map(
    (r) => r.payload,
  );

  // Interleaved runs, so that noise from the rest of the machine hits both sides alike;
  // the best run of each side is kept.
  let value = 0;
  let baseline = 0;
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    const result = await verifyAuditLog(db, publicKey, ORIGIN);
    if (!result.ok || result.size !== EVENTS) throw new Error(`verify failed: ${JSON.stringify(result)}`);
    value = Math.max(value, EVENTS / ((performance.now() - start) / 1000));
    start = performance.now();
    for (const payload of payloads) leafHash(payload);
    baseline = Math.max(baseline, EVENTS / ((performance.now() - start) / 1000));
  }
  return [
    {
      scenario: 'audit verify',
      unit: 'events/s',
      value,
      baseline,
      ratio: value / baseline,
      note: `${EVENTS} events, ${EVENTS / CHECKPOINT_EVERY} checkpoints, best of ${RUNS}, vs raw SHA-256 leaf hashing`,
    },
  ];
}
