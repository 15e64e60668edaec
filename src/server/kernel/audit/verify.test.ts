import { type Selectable, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { inTransaction } from '../../db/database.js';
import type { AuditEventsTable } from '../../db/schema.js';
import { ManualClock } from '../clock.js';
import { issueCheckpoint } from './checkpoint.js';
import { signCheckpoint } from './checkpoint-note.js';
import { auditVerify } from './cli-commands.js';
import type { AuditEvent } from './events.js';
import { createMemorySigner } from './memory-signer.js';
import { leafHash } from './merkle.js';
import { createAuditLog } from './record.js';
import { verifyAuditLog } from './verify.js';

const ORIGIN = 'concerto.test/audit';
const SIZE = 300;
const CHECKPOINTS = [100, 200, 290];
const signer = createMemorySigner();
let publicKey: Buffer;
let db: TestDatabase;

const event = (i: number): AuditEvent => ({
  actor: { userId: `u-${i % 5}`, organisationId: 'org-1', role: 'participant' },
  action: 'consult',
  outcome: 'success',
  caseId: `case-${i % 3}`,
  records: [{ type: 'item', id: `item-${i}`, category: 2 }],
  justification: 'Follow-up of the action plan',
});

const verify = (options?: { batchSize?: number }) => verifyAuditLog(db.appDb, publicKey, ORIGIN, options);

/** Tampers as the owner, runs `check`, then puts the rows back exactly as they were. */
async function tampered(tamper: string, restore: string, check: () => Promise<void>): Promise<void> {
  await sql.raw(tamper).execute(db.adminDb);
  try {
    await check();
  } finally {
    await sql.raw(restore).execute(db.adminDb);
  }
  expect(await verify()).toEqual({ ok: true, size: SIZE });
}

/** Puts back an event row the owner deleted, exactly as it was. */
async function restoreEvent(row: Selectable<AuditEventsTable>): Promise<void> {
  await db.adminDb.insertInto('audit_events').values(row).execute();
}

async function cliVerify(): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await auditVerify({
    db: db.appDb,
    keys: signer,
    origin: ORIGIN,
    out: (line) => lines.push(line),
  });
  return { code, output: lines.join('\n') };
}

beforeAll(async () => {
  db = await createTestDatabase();
  publicKey = await signer.checkpointPublicKey();
  expect(await verifyAuditLog(db.appDb, publicKey, ORIGIN)).toEqual({ ok: true, size: 0 });
  const audit = createAuditLog({ clock: new ManualClock('2025-06-01T12:00:00Z') });
  let appended = 0;
  for (const size of [...CHECKPOINTS, SIZE]) {
    const batch = Array.from({ length: size - appended }, (_, i) => event(appended + i));
    await inTransaction(db.appDb, (tx) => audit.recordMany(tx, batch));
    appended = size;
    if (size !== SIZE) await issueCheckpoint(db.appDb, signer, ORIGIN);
  }
});
afterAll(async () => {
  await db.drop();
});

describe('audit verify', () => {
  it('passes on an intact log, whatever the page size', async () => {
    expect(await verify()).toEqual({ ok: true, size: SIZE });
    expect(await verify({ batchSize: 7 })).toEqual({ ok: true, size: SIZE });
    expect(await verify({ batchSize: 100 })).toEqual({ ok: true, size: SIZE });
    expect(await cliVerify()).toEqual({ code: 0, output: `audit log verified: ${SIZE} events` });
  });

  it('names the position of an event whose payload the owner updated', async () => {
    await tampered(
      `UPDATE audit_events SET payload = replace(payload, '"u-3"', '"u-4"') WHERE position = 123`,
      `UPDATE audit_events SET payload = replace(payload, '"u-4"', '"u-3"') WHERE position = 123`,
      async () => {
        expect(await verify()).toMatchObject({
          ok: false,
          position: 123,
          reason: expect.stringMatching(/leaf hash/),
        });
        const cli = await cliVerify();
        expect(cli.code).toBe(1);
        expect(cli.output).toMatch(/FAILED at position 123:/);
      },
    );
  });

  it('fails when the last event was deleted', async () => {
    const last = await db.adminDb
      .selectFrom('audit_events')
      .selectAll()
      .where('position', '=', SIZE - 1)
      .executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_events WHERE position = ${SIZE - 1}`.execute(db.adminDb);
    try {
      expect(await verify()).toMatchObject({ ok: false, position: SIZE - 1 });
      const cli = await cliVerify();
      expect(cli.code).toBe(1);
      expect(cli.output).toMatch(new RegExp(`FAILED at position ${SIZE - 1}:`));
      // Hiding the deletion by shrinking the head still leaves the tree leaf behind.
      await sql`UPDATE audit_head SET size = size - 1`.execute(db.adminDb);
      expect(await verify()).toMatchObject({
        ok: false,
        position: SIZE - 1,
        reason: expect.stringMatching(/no event/),
      });
    } finally {
      await sql`UPDATE audit_head SET size = ${SIZE}`.execute(db.adminDb);
      await restoreEvent(last);
    }
    expect(await verify()).toEqual({ ok: true, size: SIZE });
  });

  it('names the first missing event in the middle of the log', async () => {
    const row = await db.adminDb
      .selectFrom('audit_events')
      .selectAll()
      .where('position', '=', 57)
      .executeTakeFirstOrThrow();
    await sql`DELETE FROM audit_events WHERE position = 57`.execute(db.adminDb);
    try {
      expect(await verify({ batchSize: 50 })).toMatchObject({
        ok: false,
        position: 57,
        reason: expect.stringMatching(/missing/),
      });
    } finally {
      await restoreEvent(row);
    }
  });

  it('catches a rewrite that recomputed the leaf hashes, through the signed checkpoints', async () => {
    const row = await db.adminDb
      .selectFrom('audit_events')
      .select('payload')
      .where('position', '=', 150)
      .executeTakeFirstOrThrow();
    const forged = row.payload.replace('"item-150"', '"item-999"');
    const forgedLeaf = Buffer.from(leafHash(forged));
    const originalLeaf = Buffer.from(leafHash(row.payload));
    await sql`UPDATE audit_events SET payload = ${forged}, leaf_hash = ${forgedLeaf} WHERE position = 150`.execute(
      db.adminDb,
    );
    await sql`UPDATE audit_nodes SET hash = ${forgedLeaf} WHERE level = 0 AND idx = 150`.execute(db.adminDb);
    try {
      // Every row agrees with itself; only the checkpoint at 200 still commits to the original.
      expect(await verify()).toMatchObject({
        ok: false,
        position: 100,
        reason: expect.stringMatching(/checkpoint at size 200: the recomputed root differs/),
      });
    } finally {
      await sql`UPDATE audit_events SET payload = ${row.payload}, leaf_hash = ${originalLeaf} WHERE position = 150`.execute(
        db.adminDb,
      );
      await sql`UPDATE audit_nodes SET hash = ${originalLeaf} WHERE level = 0 AND idx = 150`.execute(
        db.adminDb,
      );
    }
    expect(await verify()).toEqual({ ok: true, size: SIZE });
  });

  it('fails when a tree leaf differs from its event', async () => {
    await tampered(
      `UPDATE audit_nodes SET hash = sha256(hash) WHERE level = 0 AND idx = 42`,
      `UPDATE audit_nodes n SET hash = e.leaf_hash FROM audit_events e WHERE n.level = 0 AND n.idx = 42 AND e.position = 42`,
      async () => {
        expect(await verify()).toMatchObject({
          ok: false,
          position: 42,
          reason: expect.stringMatching(/tree leaf/),
        });
      },
    );
  });

  it('fails when a stored inner node, which proofs are served from, was altered', async () => {
    // Node (level 6, idx 2) covers leaves 128..191: part of the proof between checkpoints 100 and 200.
    const node = await db.adminDb
      .selectFrom('audit_nodes')
      .select('hash')
      .where('level', '=', 6)
      .where('idx', '=', 2)
      .executeTakeFirstOrThrow();
    await sql`UPDATE audit_nodes SET hash = sha256(hash) WHERE level = 6 AND idx = 2`.execute(db.adminDb);
    try {
      expect(await verify()).toMatchObject({
        ok: false,
        position: 100,
        reason: expect.stringMatching(/checkpoint at size 200: the stored tree does not prove consistency/),
      });
    } finally {
      await sql`UPDATE audit_nodes SET hash = ${node.hash} WHERE level = 6 AND idx = 2`.execute(db.adminDb);
    }
  });

  it('fails on a checkpoint whose signature or stored root was altered', async () => {
    await tampered(
      `UPDATE audit_checkpoints SET note = replace(note, '${ORIGIN}\n200\n', '${ORIGIN}\n201\n') WHERE size = 200`,
      `UPDATE audit_checkpoints SET note = replace(note, '${ORIGIN}\n201\n', '${ORIGIN}\n200\n') WHERE size = 200`,
      async () => {
        expect(await verify()).toMatchObject({
          ok: false,
          position: 100,
          reason: expect.stringMatching(/does not verify/),
        });
      },
    );
    const row = await db.adminDb
      .selectFrom('audit_checkpoints')
      .select('root')
      .where('size', '=', 290)
      .executeTakeFirstOrThrow();
    await sql`UPDATE audit_checkpoints SET root = sha256(root) WHERE size = 290`.execute(db.adminDb);
    try {
      expect(await verify()).toMatchObject({
        ok: false,
        position: 200,
        reason: expect.stringMatching(/stored size or root/),
      });
    } finally {
      await sql`UPDATE audit_checkpoints SET root = ${row.root} WHERE size = 290`.execute(db.adminDb);
    }
  });

  it('fails against another log key or origin', async () => {
    const otherKey = await createMemorySigner().checkpointPublicKey();
    expect(await verifyAuditLog(db.appDb, otherKey, ORIGIN)).toMatchObject({ ok: false, position: 0 });
    expect(await verifyAuditLog(db.appDb, publicKey, 'other.test/audit')).toMatchObject({
      ok: false,
      position: 0,
    });
  });

  it('fails when the log counts more events than it holds', async () => {
    await tampered(
      `UPDATE audit_head SET size = ${SIZE + 1}`,
      `UPDATE audit_head SET size = ${SIZE}`,
      async () => {
        expect(await verify()).toMatchObject({
          ok: false,
          position: SIZE,
          reason: expect.stringMatching(/missing/),
        });
      },
    );
  });

  it('fails when a validly signed checkpoint covers events the log does not hold', async () => {
    const root = Buffer.alloc(32, 1);
    const note = await signCheckpoint(
      { origin: ORIGIN, size: SIZE + 5, root },
      publicKey,
      signer.signCheckpoint,
    );
    await tampered(
      `INSERT INTO audit_checkpoints (size, root, note) VALUES (${SIZE + 5}, '\\x${root.toString('hex')}', '${note}')`,
      `DELETE FROM audit_checkpoints WHERE size = ${SIZE + 5}`,
      async () => {
        expect(await verify()).toMatchObject({
          ok: false,
          position: SIZE,
          reason: expect.stringMatching(/covers events that are missing/),
        });
      },
    );
  });
});
