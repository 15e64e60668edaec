/**
 * `audit verify`: trusts nothing derived. It streams the log once, recomputes every leaf
 * from the stored payload and the whole tree from the leaves, and checks each signed
 * checkpoint against the recomputed root, and consistency between successive checkpoints
 * through the stored nodes that serve proofs. The answer names the first bad position.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import { verifyCheckpointNote } from './checkpoint-note.js';
import { Frontier } from './frontier.js';
import { bytesEqual, EMPTY_ROOT, leafHash, verifyConsistency } from './merkle.js';
import { consistencyProofBetween } from './tree-store.js';

export type AuditVerification = { ok: true; size: number } | { ok: false; position: number; reason: string };

export interface VerifyOptions {
  /** Events per query (keyset pagination). */
  batchSize?: number;
}

interface StoredCheckpoint {
  size: number;
  root: Buffer;
  note: string;
}

const CHECKPOINT_PAGE = 1_000;

async function* checkpointsBySize(tx: Tx): AsyncGenerator<StoredCheckpoint> {
  let after = 0;
  for (;;) {
    const page = await tx
      .selectFrom('audit_checkpoints')
      .select(['size', 'root', 'note'])
      .where('size', '>', after)
      .orderBy('size')
      .limit(CHECKPOINT_PAGE)
      .execute();
    yield* page;
    if (page.length < CHECKPOINT_PAGE) return;
    after = page[page.length - 1]!.size;
  }
}

/**
 * A page of events. The stored leaf hash is compared with the recomputed one here, and
 * with its tree leaf (level-0 node) by the server: a boolean costs less to ship and parse
 * than a second hash, and transitivity makes the tree leaf equal the recomputed one.
 */
function eventsFrom(tx: Tx, position: number, limit: number) {
  return tx
    .selectFrom('audit_events as e')
    .leftJoin('audit_nodes as n', (join) => join.on('n.level', '=', 0).onRef('n.idx', '=', 'e.position'))
    .select([
      'e.position',
      'e.payload',
      'e.leaf_hash',
      sql<boolean>`coalesce(n.hash = e.leaf_hash, false)`.as('in_tree'),
    ])
    .where('e.position', '>=', position)
    .orderBy('e.position')
    .limit(limit)
    .execute();
}

type EventPage = Awaited<ReturnType<typeof eventsFrom>>;

class Failure {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {}
}

async function verifySnapshot(
  tx: Tx,
  publicKey: Uint8Array,
  origin: string,
  batchSize: number,
): Promise<number> {
  const { size: headSize } = await tx.selectFrom('audit_head').select('size').executeTakeFirstOrThrow();
  const checkpoints = checkpointsBySize(tx);
  let pending = (await checkpoints.next()).value as StoredCheckpoint | undefined;
  let vouched = { size: 0, root: EMPTY_ROOT };
  const frontier = new Frontier();

  // A failed checkpoint names the first position it should have vouched for.
  const checkCheckpoint = async (checkpoint: StoredCheckpoint) => {
    const fail = (reason: string) =>
      new Failure(vouched.size, `checkpoint at size ${checkpoint.size}: ${reason}`);
    const body = verifyCheckpointNote(checkpoint.note, publicKey, origin);
    if (!body) throw fail('the signed note does not verify with the log key');
    if (body.size !== checkpoint.size || !bytesEqual(body.root, checkpoint.root)) {
      throw fail('the stored size or root differs from the signed note');
    }
    if (!bytesEqual(frontier.root(), body.root)) {
      throw fail(`the recomputed root differs: an event from position ${vouched.size} on was rewritten`);
    }
    const proof = await consistencyProofBetween(tx, vouched.size, body.size);
    if (!verifyConsistency(vouched.size, body.size, vouched.root, body.root, proof)) {
      throw fail(`the stored tree does not prove consistency with the checkpoint at size ${vouched.size}`);
    }
    vouched = { size: body.size, root: body.root };
  };

  let position = 0;
  let page: Promise<EventPage> | undefined = eventsFrom(tx, 0, batchSize);
  try {
    while (page) {
      const rows: EventPage = await page;
      // The server reads the next page while this process hashes the current one.
      page =
        rows.length === batchSize
          ? eventsFrom(tx, rows[rows.length - 1]!.position + 1, batchSize)
          : undefined;
      for (const row of rows) {
        if (row.position !== position) throw new Failure(position, 'the event is missing');
        const leaf = leafHash(row.payload);
        if (!bytesEqual(leaf, row.leaf_hash))
          throw new Failure(position, 'the payload does not match its leaf hash');
        if (!row.in_tree) throw new Failure(position, 'the tree leaf differs from the event');
        frontier.append(leaf);
        position += 1;
        while (pending && pending.size === position) {
          await checkCheckpoint(pending);
          pending = (await checkpoints.next()).value as StoredCheckpoint | undefined;
        }
      }
    }
  } finally {
    // A failure leaves the prefetched page unread: settle it before the transaction ends.
    await page?.catch(() => undefined);
  }

  if (position < headSize)
    throw new Failure(position, `the event is missing: the log counts ${headSize} events`);
  if (position > headSize)
    throw new Failure(headSize, `the event lies beyond the ${headSize} events the log counts`);
  if (pending)
    throw new Failure(position, `the checkpoint at size ${pending.size} covers events that are missing`);
  const orphan = await tx
    .selectFrom('audit_nodes')
    .select('idx')
    .where('level', '=', 0)
    .where('idx', '>=', position)
    .orderBy('idx')
    .limit(1)
    .executeTakeFirst();
  if (orphan) throw new Failure(orphan.idx, 'a tree leaf has no event');
  return position;
}

/** Verifies the whole log in one consistent snapshot, while the app keeps appending. */
export async function verifyAuditLog(
  db: Db,
  publicKey: Uint8Array,
  origin: string,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  try {
    const size = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute((tx) => verifySnapshot(tx, publicKey, origin, options.batchSize ?? 10_000));
    return { ok: true, size };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, position: error.position, reason: error.reason };
    throw error;
  }
}
