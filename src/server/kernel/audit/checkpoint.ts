/**
 * Signed checkpoints of the audit log: a commitment to its size and root that the log
 * cannot later deny. Issued on a schedule when the log grew, and on demand.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { KeyProvider } from '../crypto/key-provider.js';
import { signCheckpoint, verifyCheckpointNote } from './checkpoint-note.js';
import { rootAt } from './tree-store.js';

export type CheckpointSigner = Pick<KeyProvider, 'signCheckpoint' | 'checkpointPublicKey'>;

export interface Checkpoint {
  size: number;
  root: Uint8Array;
  /** The whole signed note, as exported to other organisations. */
  note: string;
}

// Transaction-scoped advisory lock shared by every app instance: "concerto audit checkpoint".
const ISSUE_LOCK = 7_344_201_818;

/**
 * Signs the current tree head when the log grew since the last checkpoint. Returns null
 * when it did not, or when another instance is issuing one at this very moment.
 */
export function issueCheckpoint(
  db: Db,
  signer: CheckpointSigner,
  origin: string,
): Promise<Checkpoint | null> {
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${ISSUE_LOCK}::bigint) AS locked`.execute(tx);
    if (!rows[0]?.locked) return null;
    const { size } = await tx.selectFrom('audit_head').select('size').executeTakeFirstOrThrow();
    const last = await latestCheckpoint(tx);
    if (size === 0 || (last && last.size >= size)) return null;
    const root = await rootAt(tx, size);
    const publicKey = await signer.checkpointPublicKey();
    const note = await signCheckpoint({ origin, size, root }, publicKey, (message) =>
      signer.signCheckpoint(message),
    );
    // A key provider whose public key does not match its signing key would publish
    // checkpoints nobody can verify: refuse before storing one.
    if (!verifyCheckpointNote(note, publicKey, origin)) {
      throw new Error('the checkpoint signature does not verify with the provider’s public key');
    }
    await tx
      .insertInto('audit_checkpoints')
      .values({ size, root: Buffer.from(root), note })
      .execute();
    return { size, root, note };
  });
}

export async function latestCheckpoint(db: Db): Promise<Checkpoint | null> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .select(['size', 'root', 'note'])
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}
