import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { inTransaction } from '../../db/database.js';
import { ManualClock } from '../clock.js';
import { verifyCheckpointNote } from './checkpoint-note.js';
import { type AuditCliContext, auditCheckpoint, auditProof, auditPublicKey } from './cli-commands.js';
import type { AuditEvent } from './events.js';
import { createMemorySigner } from './memory-signer.js';
import { leafHash, verifyInclusion } from './merkle.js';
import { createAuditLog } from './record.js';
import { ed25519KeyId } from './signed-note.js';

const ORIGIN = 'concerto.test/audit';
const signer = createMemorySigner();
let db: TestDatabase;
let lines: string[];
let context: AuditCliContext;

const audit = createAuditLog({ clock: new ManualClock('2025-01-01T00:00:00Z') });
const erase = (i: number): AuditEvent => ({
  actor: { system: 'retention' },
  action: 'erase',
  outcome: 'success',
  caseId: `case-${i}`,
});

async function append(count: number): Promise<void> {
  await inTransaction(db.appDb, (tx) =>
    audit.recordMany(
      tx,
      Array.from({ length: count }, (_, i) => erase(i)),
    ),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

function run(): AuditCliContext {
  lines = [];
  context = { db: db.appDb, keys: signer, origin: ORIGIN, out: (line) => lines.push(line) };
  return context;
}

describe('audit CLI commands', () => {
  it('audit checkpoint says so, and exits 1, while the log is empty', async () => {
    expect(await auditCheckpoint(run())).toBe(1);
    expect(lines).toEqual(['no checkpoint: the audit log is empty']);
  });

  it('audit checkpoint issues and prints the signed note, or the latest one when the log did not grow', async () => {
    await append(11);
    expect(await auditCheckpoint(run())).toBe(0);
    const [note] = lines;
    expect(verifyCheckpointNote(note!, await signer.checkpointPublicKey(), ORIGIN)).toMatchObject({
      size: 11,
    });
    expect(await auditCheckpoint(run())).toBe(0);
    expect(lines).toEqual([note]);
  });

  it('audit proof prints JSON that another organisation can check with the public key alone', async () => {
    await append(4);
    expect(await auditProof({ ...run(), position: 6 })).toBe(0);
    const exported = JSON.parse(lines.join('\n'));
    expect(exported).toMatchObject({ position: 6, treeSize: 11 });
    const checkpoint = verifyCheckpointNote(exported.checkpoint, await signer.checkpointPublicKey(), ORIGIN)!;
    const proof = exported.proof.map((p: string) => Buffer.from(p, 'base64'));
    const leaf = Buffer.from(exported.leafHash, 'base64');
    expect(verifyInclusion(exported.position, exported.treeSize, leaf, proof, checkpoint.root)).toBe(true);
    const stored = await db.appDb
      .selectFrom('audit_events')
      .select('payload')
      .where('position', '=', 6)
      .executeTakeFirstOrThrow();
    expect(Buffer.compare(leaf, leafHash(stored.payload))).toBe(0);
  });

  it('audit proof exits 1 for a position no checkpoint covers yet, and 2 for a bad position', async () => {
    expect(await auditProof({ ...run(), position: 12 })).toBe(1);
    expect(lines).toEqual(['No checkpoint covers position 12 yet']);
    expect(await auditProof({ ...run(), position: -1 })).toBe(2);
    expect(await auditProof({ ...run(), position: Number.NaN })).toBe(2);
  });

  it('audit public-key prints the C2SP verifier key', async () => {
    expect(await auditPublicKey(run())).toBe(0);
    const publicKey = await signer.checkpointPublicKey();
    expect(lines).toEqual([
      `${ORIGIN}+${ed25519KeyId(ORIGIN, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([1]), publicKey]).toString('base64')}`,
    ]);
  });
});
