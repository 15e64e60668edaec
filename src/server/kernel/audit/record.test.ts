import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { inTransaction } from '../../db/database.js';
import { ManualClock } from '../clock.js';
import { DomainError } from '../errors.js';
import { type AuditEvent, PROCESSING_OPERATIONS, type ProcessingOperation } from './events.js';
import { leafHash, rootHash } from './merkle.js';
import { createAuditLog } from './record.js';
import { rootAt } from './tree-store.js';

let db: TestDatabase;
const clock = new ManualClock('2025-03-01T10:00:00Z');
const audit = createAuditLog({ clock });

const consult = (userId: string, recordId: string): AuditEvent => ({
  actor: { userId, organisationId: 'org-1', role: 'participant' },
  action: 'consult',
  outcome: 'success',
  caseId: 'case-1',
  records: [{ type: 'item', id: recordId, category: 1 }],
  justification: 'Preparing the consultation',
});

async function head(): Promise<number> {
  const row = await db.adminDb.selectFrom('audit_head').select('size').executeTakeFirstOrThrow();
  return row.size;
}

async function eventCount(): Promise<number> {
  const row = await db.adminDb
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('audit.record', () => {
  it('gives 8 concurrent writers × 1,000 events the positions 0..7999, no gap, no duplicate', async () => {
    const writers = Array.from({ length: 8 }, async (_, w) => {
      const positions: number[] = [];
      for (let i = 0; i < 1_000; i++) {
        positions.push(
          await inTransaction(db.appDb, (tx) => audit.record(tx, consult(`user-${w}`, `item-${i}`))),
        );
      }
      return positions;
    });
    const positions = (await Promise.all(writers)).flat().sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 8_000 }, (_, i) => i));

    const stored = await db.adminDb
      .selectFrom('audit_events')
      .select(['position', 'payload'])
      .orderBy('position')
      .execute();
    expect(stored.map((row) => row.position)).toEqual(positions);
    expect(await head()).toBe(8_000);
    // The tree the appends built is the RFC 9162 tree of the stored payloads.
    const leaves = stored.map((row) => leafHash(row.payload));
    expect(Buffer.from(await rootAt(db.appDb, 8_000)).toString('hex')).toBe(
      Buffer.from(rootHash(leaves)).toString('hex'),
    );
  });

  it('leaves no trace of a rolled-back transaction, and the next event takes its position', async () => {
    const before = await head();
    let releaseFirst!: () => void;
    const firstMayEnd = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstRecorded!: () => void;
    const firstHasRecorded = new Promise<void>((resolve) => {
      firstRecorded = resolve;
    });
    const rolledBack = inTransaction(db.appDb, async (tx) => {
      expect(await audit.record(tx, consult('user-a', 'item-a'))).toBe(before);
      firstRecorded();
      await firstMayEnd;
      throw new Error('the access failed after its audit event');
    });
    await firstHasRecorded;
    // This writer waits on the sequencer until the first transaction ends.
    const next = inTransaction(db.appDb, (tx) => audit.record(tx, consult('user-b', 'item-b')));
    releaseFirst();
    await expect(rolledBack).rejects.toThrow('the access failed');
    expect(await next).toBe(before);
    expect(await head()).toBe(before + 1);
    const rows = await db.adminDb
      .selectFrom('audit_events')
      .select('actor_user_id')
      .where('position', '>=', before)
      .execute();
    expect(rows).toEqual([{ actor_user_id: 'user-b' }]);
    const nodes = await db.adminDb
      .selectFrom('audit_nodes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('level', '=', 0)
      .executeTakeFirstOrThrow();
    expect(Number(nodes.n)).toBe(before + 1);
  });

  it('records several events in order, stamped with the injected clock', async () => {
    const before = await head();
    clock.set('2025-03-02T08:30:00.000Z');
    const positions = await inTransaction(db.appDb, (tx) =>
      audit.recordMany(tx, [consult('user-c', 'item-1'), consult('user-c', 'item-2')]),
    );
    expect(positions).toEqual([before, before + 1]);
    const rows = await db.adminDb
      .selectFrom('audit_events')
      .select(['payload', 'action', 'case_id'])
      .where('position', '>=', before)
      .orderBy('position')
      .execute();
    expect(rows.map((row) => JSON.parse(row.payload).at)).toEqual([
      '2025-03-02T08:30:00.000Z',
      '2025-03-02T08:30:00.000Z',
    ]);
    expect(rows.map((row) => JSON.parse(row.payload).records[0].id)).toEqual(['item-1', 'item-2']);
    expect(rows[0]).toMatchObject({ action: 'consult', case_id: 'case-1' });
  });

  it('writes nothing when one event of a batch is invalid', async () => {
    const before = await head();
    const invalid = { ...consult('user-d', 'item-1'), justification: undefined };
    const attempt = inTransaction(db.appDb, (tx) =>
      audit.recordMany(tx, [consult('user-d', 'item-0'), invalid]),
    );
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    expect(await head()).toBe(before);
    expect(await eventCount()).toBe(before);
  });

  it('refuses to record outside a transaction', async () => {
    // A Db passed where a transaction belongs would commit the event on its own.
    const notATransaction = db.appDb as unknown as Parameters<typeof audit.record>[0];
    await expect(audit.record(notATransaction, consult('user-e', 'item-1'))).rejects.toThrow(/transaction/);
  });
});

describe('processing operations (SPEC SCO-14)', () => {
  it('SCO-14 has one audit event type per processing operation of art. 1 §2', async () => {
    // Law of 8 December 1992 (2007 text), art. 1 §2, in the order of the law.
    expect(Object.entries(PROCESSING_OPERATIONS)).toEqual([
      ['collect', 'collecte'],
      ['record', 'enregistrement'],
      ['organise', 'organisation'],
      ['store', 'conservation'],
      ['adapt', 'adaptation ou modification'],
      ['retrieve', 'extraction'],
      ['consult', 'consultation'],
      ['use', 'utilisation'],
      ['disclose', 'communication par transmission, diffusion ou toute autre forme de mise à disposition'],
      ['match', 'rapprochement ou interconnexion'],
      ['block', 'verrouillage'],
      ['erase', 'effacement'],
      ['destroy', 'destruction'],
    ]);
    const operations = Object.keys(PROCESSING_OPERATIONS) as ProcessingOperation[];
    const events: AuditEvent[] = operations.map((action) => ({
      ...consult('user-sco14', `item-${action}`),
      action,
      recipients: action === 'disclose' ? [{ organisationId: 'org-2' }] : undefined,
    }));
    const positions = await inTransaction(db.appDb, (tx) => audit.recordMany(tx, events));
    const rows = await db.appDb
      .selectFrom('audit_events')
      .select(['position', 'action'])
      .where('position', 'in', positions)
      .orderBy('position')
      .execute();
    expect(rows.map((row) => row.action)).toEqual(operations);
  });
});

describe('audit tables for the runtime role', () => {
  const denied = /permission denied/;

  it('SEC-05 the runtime role cannot UPDATE, DELETE or TRUNCATE audit rows', async () => {
    await expect(
      sql`UPDATE audit_events SET payload = '{}' WHERE position = 0`.execute(db.appDb),
    ).rejects.toThrow(denied);
    await expect(sql`DELETE FROM audit_events WHERE position = 0`.execute(db.appDb)).rejects.toThrow(denied);
    await expect(
      sql`UPDATE audit_nodes SET hash = hash WHERE level = 0 AND idx = 0`.execute(db.appDb),
    ).rejects.toThrow(denied);
    await expect(sql`DELETE FROM audit_nodes`.execute(db.appDb)).rejects.toThrow(denied);
    await expect(sql`UPDATE audit_head SET size = 0`.execute(db.appDb)).rejects.toThrow(denied);
    await expect(sql`UPDATE audit_checkpoints SET note = ''`.execute(db.appDb)).rejects.toThrow(denied);
    await expect(sql`DELETE FROM audit_checkpoints`.execute(db.appDb)).rejects.toThrow(denied);
    await expect(sql`TRUNCATE audit_events`.execute(db.appDb)).rejects.toThrow(denied);
  });

  it('cannot insert events or nodes around the sequencer', async () => {
    const position = await head();
    const leaf = Buffer.alloc(32);
    await expect(
      sql`INSERT INTO audit_events (position, payload, leaf_hash) VALUES (${position}, '{}', ${leaf})`.execute(
        db.appDb,
      ),
    ).rejects.toThrow(denied);
    await expect(
      sql`INSERT INTO audit_nodes (level, idx, hash) VALUES (0, ${position}, ${leaf})`.execute(db.appDb),
    ).rejects.toThrow(denied);
  });

  it('runs as a role that is neither superuser nor exempt from row-level security', async () => {
    const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`.execute(db.appDb);
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });
});
