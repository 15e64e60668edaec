import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { inTransaction } from '../../db/database.js';
import { ManualClock } from '../clock.js';
import { type Checkpoint, type CheckpointSigner, issueCheckpoint, latestCheckpoint } from './checkpoint.js';
import { verifyCheckpointNote } from './checkpoint-note.js';
import { startCheckpointSchedule } from './checkpoint-schedule.js';
import type { AuditEvent } from './events.js';
import { createMemorySigner } from './memory-signer.js';
import { verifyConsistency } from './merkle.js';
import { createAuditLog } from './record.js';
import { consistencyProofBetween, rootAt } from './tree-store.js';

const ORIGIN = 'concerto.test/audit';
let db: TestDatabase;
const signer = createMemorySigner();
const audit = createAuditLog({ clock: new ManualClock('2025-01-01T00:00:00Z') });
const login: AuditEvent = {
  actor: { userId: 'u-1', organisationId: 'org-1', role: 'participant' },
  action: 'auth.login',
  outcome: 'success',
};

async function append(count: number): Promise<void> {
  await inTransaction(db.appDb, (tx) =>
    audit.recordMany(
      tx,
      Array.from({ length: count }, () => login),
    ),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe('checkpoints', () => {
  it('issues nothing for an empty log', async () => {
    expect(await issueCheckpoint(db.appDb, signer, ORIGIN)).toBeNull();
    expect(await latestCheckpoint(db.appDb)).toBeNull();
  });

  it('signs the current size and root as a C2SP checkpoint the log key verifies', async () => {
    await append(5);
    const checkpoint = (await issueCheckpoint(db.appDb, signer, ORIGIN))!;
    expect(checkpoint.size).toBe(5);
    expect(Buffer.from(checkpoint.root)).toEqual(Buffer.from(await rootAt(db.appDb, 5)));
    const [body, signature] = checkpoint.note.split('\n\n');
    expect(body).toBe(`${ORIGIN}\n5\n${Buffer.from(checkpoint.root).toString('base64')}`);
    expect(signature).toMatch(new RegExp(`^— ${ORIGIN} [A-Za-z0-9+/]{91}=\\n$`));
    expect(verifyCheckpointNote(checkpoint.note, await signer.checkpointPublicKey(), ORIGIN)).toMatchObject({
      size: 5,
    });
    expect(await latestCheckpoint(db.appDb)).toEqual({ ...checkpoint, root: Buffer.from(checkpoint.root) });
  });

  it('fails verification with another key', async () => {
    const { note } = (await latestCheckpoint(db.appDb))!;
    expect(verifyCheckpointNote(note, await createMemorySigner().checkpointPublicKey(), ORIGIN)).toBeNull();
  });

  it('issues again only when the log grew, consistent with the previous checkpoint', async () => {
    const previous = (await latestCheckpoint(db.appDb))!;
    expect(await issueCheckpoint(db.appDb, signer, ORIGIN)).toBeNull();
    await append(8);
    const next = (await issueCheckpoint(db.appDb, signer, ORIGIN))!;
    expect(next.size).toBe(13);
    const proof = await consistencyProofBetween(db.appDb, previous.size, next.size);
    expect(verifyConsistency(previous.size, next.size, previous.root, next.root, proof)).toBe(true);
  });

  it('lets only one of several instances issue a given checkpoint', async () => {
    await append(3);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => issueCheckpoint(db.appDb, signer, ORIGIN)),
    );
    expect(results.filter((r) => r !== null).map((r) => r!.size)).toEqual([16]);
    const sizes = await db.appDb.selectFrom('audit_checkpoints').select('size').orderBy('size').execute();
    expect(sizes.map((r) => r.size)).toEqual([5, 13, 16]);
  });

  it('refuses to store a checkpoint its provider’s public key cannot verify', async () => {
    await append(1);
    const mismatched: CheckpointSigner = {
      signCheckpoint: signer.signCheckpoint,
      checkpointPublicKey: createMemorySigner().checkpointPublicKey,
    };
    await expect(issueCheckpoint(db.appDb, mismatched, ORIGIN)).rejects.toThrow(/does not verify/);
    expect((await latestCheckpoint(db.appDb))!.size).toBe(16);
  });
});

describe('checkpoint schedule', () => {
  it('issues when the log grew, reports failures without stopping, and stops cleanly', async () => {
    const issued: Checkpoint[] = [];
    const errors: unknown[] = [];
    let failNext = true;
    const flaky: CheckpointSigner = {
      checkpointPublicKey: signer.checkpointPublicKey,
      signCheckpoint: async (message) => {
        if (failNext) {
          failNext = false;
          throw new Error('key provider unavailable');
        }
        return signer.signCheckpoint(message);
      },
    };
    const stop = startCheckpointSchedule({
      db: db.appDb,
      signer: flaky,
      origin: ORIGIN,
      intervalSeconds: 0.05,
      onIssued: (checkpoint) => issued.push(checkpoint),
      onError: (error) => errors.push(error),
    });
    for (let i = 0; i < 100 && issued.length === 0; i++) await sleep(20);
    await stop();
    expect(errors.map((e) => (e as Error).message)).toEqual(['key provider unavailable']);
    expect(issued.map((c) => c.size)).toEqual([17]);
    const after = issued.length;
    await append(1);
    await sleep(150);
    expect(issued).toHaveLength(after);
  });

  it('refuses a non-positive interval', () => {
    expect(() =>
      startCheckpointSchedule({
        db: db.appDb,
        signer,
        origin: ORIGIN,
        intervalSeconds: 0,
        onError: () => undefined,
      }),
    ).toThrow(RangeError);
  });
});
