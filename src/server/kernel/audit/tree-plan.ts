/**
 * Which subtrees an RFC 9162 proof is made of, computed from tree sizes alone.
 *
 * Every hash in a root, an inclusion proof (RFC 9162 §2.1.3.1) or a consistency proof
 * (§2.1.4.1) is the Merkle Tree Hash of a contiguous range of leaves. Each such range
 * splits into O(log n) perfect subtrees, and perfect subtrees never change once complete,
 * which is what lets the audit log store them once (table audit_nodes) and answer any
 * proof with O(log n) node reads. The in-memory functions of merkle.ts use the same plan,
 * so the stored tree and the pure functions cannot drift apart.
 */

/** Leaves [start, end) of the log. */
export interface LeafRange {
  readonly start: number;
  readonly end: number;
}

/** The perfect subtree of 2^level leaves that starts at leaf index·2^level. */
export interface PerfectNode {
  readonly level: number;
  readonly index: number;
}

function assertSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer`);
}

/** RFC 9162 §2.1.1: k, the largest power of two smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The ranges whose hashes form PATH(index, D[size]), in proof order (leaf side first). */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  assertSize('index', index);
  assertSize('size', size);
  if (index >= size) throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  const fromRoot: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (index - start < k) {
      fromRoot.push({ start: start + k, end });
      end = start + k;
    } else {
      fromRoot.push({ start, end: start + k });
      start += k;
    }
  }
  return fromRoot.reverse();
}

/**
 * The ranges whose hashes form PROOF(oldSize, D[newSize]), in proof order. RFC 9162
 * defines the proof for 0 < old < new; for old = 0 or old = new it is empty, which is
 * what verifyConsistency expects.
 */
export function consistencyRanges(oldSize: number, newSize: number): LeafRange[] {
  assertSize('oldSize', oldSize);
  assertSize('newSize', newSize);
  if (oldSize > newSize) throw new RangeError(`old size ${oldSize} exceeds new size ${newSize}`);
  if (oldSize === 0 || oldSize === newSize) return [];
  const fromRoot: LeafRange[] = [];
  let start = 0;
  let end = newSize;
  // SUBPROOF's flag b: true while the old tree's root is itself a node of the new tree.
  let oldRootIsNode = true;
  while (oldSize !== end) {
    const k = splitPoint(end - start);
    if (oldSize - start <= k) {
      fromRoot.push({ start: start + k, end });
      end = start + k;
    } else {
      fromRoot.push({ start, end: start + k });
      start += k;
      oldRootIsNode = false;
    }
  }
  if (!oldRootIsNode) fromRoot.push({ start, end });
  return fromRoot.reverse();
}

/**
 * The perfect subtrees that make up a range, largest first. For the ranges of an RFC 9162
 * tree this is the binary decomposition of its length; the range hash folds them from
 * the right.
 */
export function perfectNodes(range: LeafRange): PerfectNode[] {
  const nodes: PerfectNode[] = [];
  let position = range.start;
  while (position < range.end) {
    let level = 0;
    let width = 1;
    while (position % (width * 2) === 0 && position + width * 2 <= range.end) {
      width *= 2;
      level += 1;
    }
    nodes.push({ level, index: position / width });
    position += width;
  }
  return nodes;
}
