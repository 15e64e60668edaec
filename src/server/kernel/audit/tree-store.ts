/**
 * Roots and proofs from the perfect subtrees stored in audit_nodes: each answer reads
 * O(log n) rows in one query, whatever the size of the log (ARCHITECTURE §3, law 4).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { DomainError } from '../errors.js';
import { EMPTY_ROOT, type NodeSource, rangeHash } from './merkle.js';
import {
  consistencyRanges,
  inclusionRanges,
  type LeafRange,
  type PerfectNode,
  perfectNodes,
} from './tree-plan.js';

function assertSize(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError('validation_failed', {
      fields: [{ field, message: 'must be a non-negative integer' }],
    });
  }
}

const key = (level: number, index: number) => `${level}:${index}`;

/** Fetches the given perfect subtrees in one query; not_found when the log is smaller. */
async function fetchNodes(db: Db, wanted: readonly PerfectNode[]): Promise<NodeSource> {
  const unique = new Map(wanted.map((node) => [key(node.level, node.index), node]));
  const nodes = [...unique.values()];
  if (nodes.length === 0) {
    return () => {
      throw new RangeError('no subtree was fetched');
    };
  }
  const { rows } = await sql<{ level: number; idx: number; hash: Buffer }>`
    SELECT n.level, n.idx, n.hash
    FROM unnest(${nodes.map((n) => n.level)}::smallint[], ${nodes.map((n) => n.index)}::bigint[]) AS want(level, idx)
    JOIN audit_nodes n ON n.level = want.level AND n.idx = want.idx`.execute(db);
  if (rows.length < nodes.length) {
    throw new DomainError('not_found', { detail: 'The audit log does not have that many events' });
  }
  const hashes = new Map(rows.map((row) => [key(row.level, row.idx), row.hash]));
  return (level, index) => hashes.get(key(level, index))!;
}

function nodesOf(ranges: readonly LeafRange[]): PerfectNode[] {
  return ranges.flatMap((range) => perfectNodes(range));
}

export async function rootAt(db: Db, size: number): Promise<Uint8Array> {
  assertSize('/size', size);
  if (size === 0) return EMPTY_ROOT;
  const range = { start: 0, end: size };
  return rangeHash(range, await fetchNodes(db, perfectNodes(range)));
}

export interface InclusionProof {
  leafHash: Uint8Array;
  proof: Uint8Array[];
}

/** The leaf hash at `position` and its inclusion proof in the tree of `size` leaves. */
export async function inclusionProofAt(db: Db, position: number, size: number): Promise<InclusionProof> {
  assertSize('/position', position);
  assertSize('/size', size);
  if (position >= size)
    throw new DomainError('not_found', { detail: `Position ${position} is not in a tree of ${size} events` });
  const ranges = inclusionRanges(position, size);
  const nodes = await fetchNodes(db, [{ level: 0, index: position }, ...nodesOf(ranges)]);
  return { leafHash: nodes(0, position), proof: ranges.map((range) => rangeHash(range, nodes)) };
}

export async function consistencyProofBetween(
  db: Db,
  oldSize: number,
  newSize: number,
): Promise<Uint8Array[]> {
  assertSize('/oldSize', oldSize);
  assertSize('/newSize', newSize);
  if (oldSize > newSize) {
    throw new DomainError('validation_failed', { detail: 'The old tree size must not exceed the new one' });
  }
  const ranges = consistencyRanges(oldSize, newSize);
  // An empty proof still has to prove that the log reaches newSize.
  const nodes = await fetchNodes(
    db,
    ranges.length > 0 ? nodesOf(ranges) : perfectNodes({ start: 0, end: newSize }),
  );
  return ranges.map((range) => rangeHash(range, nodes));
}
