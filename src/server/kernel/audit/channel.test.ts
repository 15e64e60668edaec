import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { inTransaction } from '../../db/database.js';
import { ManualClock } from '../clock.js';
import { attributionProblem, checkAttribution } from './attribution.js';
import { canonicalJson } from './canonical-json.js';
import { type AuditChannel, runInAuditChannel } from './channel.js';
import { issueCheckpoint } from './checkpoint.js';
import { PAYLOAD_VERSION } from './event-payload.js';
import type { AuditEvent } from './events.js';
import { recordHistory } from './history.js';
import { createMemorySigner } from './memory-signer.js';
import { createAuditLog } from './record.js';
import { readAuditPayload } from './stored-event.js';
import { verifyAuditLog } from './verify.js';

const ORIGIN = 'concerto.test/audit';
const signer = createMemorySigner();
const clock = new ManualClock('2026-03-02T09:00:00Z');
const audit = createAuditLog({ clock });
let db: TestDatabase;

const consult = (itemId: string): AuditEvent => ({
  actor: { userId: 'u-1', organisationId: 'org-1', role: 'participant' },
  action: 'consult',
  outcome: 'success',
  caseId: 'case-1',
  records: [{ type: 'item', id: itemId, category: 11 }],
  justification: 'Preparing the consultation',
});

async function record(event: AuditEvent): Promise<number> {
  return inTransaction(db.appDb, (tx) => audit.record(tx, event));
}

async function channelAt(position: number): Promise<AuditChannel | null> {
  const row = await db.adminDb
    .selectFrom('audit_events')
    .select('payload')
    .where('position', '=', position)
    .executeTakeFirstOrThrow();
  return readAuditPayload(row.payload).channel;
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('the channel of audit events (SPEC SEC-05)', () => {
  it('SEC-05 stamps each event with the channel its entry point entered, across awaits, and internal outside any', async () => {
    const job: AuditChannel = { type: 'job', client: 'prosecutor-list-erasure' };
    const cli: AuditChannel = { type: 'cli', client: 'demo' };
    // Two entry points interleaved: each event keeps its own, also after a timer.
    const [inJob, inCli] = await Promise.all([
      runInAuditChannel(job, async () => {
        await sleep(20);
        return record(consult('item-job'));
      }),
      runInAuditChannel(cli, async () => {
        const first = await record(consult('item-cli'));
        // An inner entry point (a job a command runs) replaces the outer one for its own work.
        const inner = await runInAuditChannel(job, () => record(consult('item-inner')));
        return [first, inner] as const;
      }),
    ]);
    expect(await channelAt(inJob)).toEqual(job);
    expect(await channelAt(inCli[0])).toEqual(cli);
    expect(await channelAt(inCli[1])).toEqual(job);
    // A service called directly, as this test does, says so rather than guess.
    expect(await channelAt(await record(consult('item-direct')))).toEqual({ type: 'internal' });
    // Resolved when the event is recorded: an HTTP request learns its session after it entered.
    let session: string | undefined;
    const position = await runInAuditChannel(
      () => (session ? { type: 'web', client: session } : { type: 'web' }),
      async () => {
        session = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
        return record(consult('item-web'));
      },
    );
    expect(await channelAt(position)).toEqual({ type: 'web', client: session });
  });

  it('SEC-05 version-1 events, written before the channel, still verify and read, beside version-2 events', async () => {
    expect(PAYLOAD_VERSION).toBe(2);
    // A version-1 event exactly as Concerto wrote it before (canonical JSON, "v":1, no channel).
    const v1 = canonicalJson({
      v: 1,
      at: '2025-11-03T08:00:00.000Z',
      actor: { userId: 'u-old', organisationId: 'org-1', role: 'participant' },
      action: 'adapt',
      outcome: 'success',
      caseId: 'case-1',
      records: [{ type: 'item', id: 'item-old', category: 11 }],
    });
    const { rows } = await sql<{ first: number }>`SELECT audit_append(${[v1]}::text[]) AS first`.execute(
      db.appDb,
    );
    const old = Number(rows[0]!.first);
    const recent = await runInAuditChannel({ type: 'web', client: 'session-1' }, () =>
      record(consult('item-old')),
    );
    expect(await issueCheckpoint(db.appDb, signer, ORIGIN)).toBeDefined();
    const verified = await verifyAuditLog(db.appDb, await signer.checkpointPublicKey(), ORIGIN);
    expect(verified).toEqual({ ok: true, size: recent + 1 });

    const stored = await db.adminDb
      .selectFrom('audit_events')
      .select(['position', 'payload'])
      .where('position', 'in', [old, recent])
      .orderBy('position')
      .execute();
    expect(stored[0]!.payload).toBe(v1);
    expect(readAuditPayload(stored[0]!.payload)).toMatchObject({ v: 1, action: 'adapt', channel: null });
    expect(readAuditPayload(stored[1]!.payload)).toMatchObject({
      v: 2,
      action: 'consult',
      channel: { type: 'web', client: 'session-1' },
    });
    // The readers of the log take both: the item's history and the attribution check.
    const history = await recordHistory(db.appDb, 'item-old');
    expect(history.map((entry) => [entry.position, entry.action, entry.channel])).toEqual([
      [old, 'adapt', null],
      [recent, 'consult', { type: 'web', client: 'session-1' }],
    ]);
    expect(attributionProblem(readAuditPayload(v1), new Set())).toBeUndefined();
    expect((await checkAttribution(db.appDb, { systemActors: new Set() })).findings).toEqual([]);
  });
});
