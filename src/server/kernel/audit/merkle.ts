/**
 * RFC 9162 §2.1 Merkle tree over leaf hashes (ARCHITECTURE §3, law 4): the audit log's
 * tamper evidence. Pure functions; the `…FromNodes` variants take any source of perfect
 * subtree hashes, so the PostgreSQL store (tree-store.ts) reuses exactly this code.
 */
import { createHash, hash } from 'node:crypto';
import { consistencyRanges, inclusionRanges, type LeafRange, perfectNodes } from './tree-plan.js';

const LEAF_PREFIX = new Uint8Array([0x00]);
// 0x01 ‖ left ‖ right, reused: a tree of n leaves has n − 1 nodes, and a Hash object per
// node costs twice the hashing itself (allocation and GC) in `audit verify`.
const NODE_INPUT = new Uint8Array(65);
NODE_INPUT[0] = 0x01;

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Uint8Array = createHash('sha256').digest();

/** Hash of the perfect subtree of 2^level leaves starting at leaf index·2^level. */
export type NodeSource = (level: number, index: number) => Uint8Array;

export function leafHash(data: Uint8Array | string): Uint8Array {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  // Proof elements come from outside and may have any length: hash them as given.
  if (left.length !== 32 || right.length !== 32) {
    return createHash('sha256').update(NODE_INPUT.subarray(0, 1)).update(left).update(right).digest();
  }
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 33);
  return hash('sha256', NODE_INPUT, 'buffer');
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** MTH of a range: its perfect subtrees folded from the right (RFC 9162 §2.1.1 recursion). */
export function rangeHash(range: LeafRange, nodes: NodeSource): Uint8Array {
  if (range.start === range.end) return EMPTY_ROOT;
  const parts = perfectNodes(range);
  let hash = nodes(parts[parts.length - 1]!.level, parts[parts.length - 1]!.index);
  for (let i = parts.length - 2; i >= 0; i--) hash = nodeHash(nodes(parts[i]!.level, parts[i]!.index), hash);
  return hash;
}

export function rootFromNodes(size: number, nodes: NodeSource): Uint8Array {
  return rangeHash({ start: 0, end: size }, nodes);
}

export function inclusionProofFromNodes(index: number, size: number, nodes: NodeSource): Uint8Array[] {
  return inclusionRanges(index, size).map((range) => rangeHash(range, nodes));
}

export function consistencyProofFromNodes(oldSize: number, newSize: number, nodes: NodeSource): Uint8Array[] {
  return consistencyRanges(oldSize, newSize).map((range) => rangeHash(range, nodes));
}

/** All complete perfect subtrees of an in-memory tree, level by level (level 0 = leaves). */
export function memoryNodes(leafHashes: readonly Uint8Array[]): NodeSource {
  const levels: Uint8Array[][] = [leafHashes.slice()];
  for (let below = levels[0]!; below.length > 1; ) {
    const level: Uint8Array[] = [];
    for (let i = 0; i + 1 < below.length; i += 2) level.push(nodeHash(below[i]!, below[i + 1]!));
    levels.push(level);
    below = level;
  }
  return (level, index) => {
    const hash = levels[level]?.[index];
    if (!hash) throw new RangeError(`no complete subtree at level ${level}, index ${index}`);
    return hash;
  };
}

export function rootHash(leafHashes: readonly Uint8Array[]): Uint8Array {
  return rootFromNodes(leafHashes.length, memoryNodes(leafHashes));
}

/** PATH(index, D[n]) of RFC 9162 §2.1.3.1, for 0 ≤ index < n. */
export function inclusionProof(index: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  return inclusionProofFromNodes(index, leafHashes.length, memoryNodes(leafHashes));
}

/** PROOF(oldSize, D[n]) of RFC 9162 §2.1.4.1 (empty when oldSize is 0 or n). */
export function consistencyProof(oldSize: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  return consistencyProofFromNodes(oldSize, leafHashes.length, memoryNodes(leafHashes));
}

function isSize(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

// Halving instead of `>> 1`: positions may exceed 2^31, where JavaScript's bit operators wrap.
function half(value: number): number {
  return Math.floor(value / 2);
}

function isOdd(value: number): boolean {
  return value % 2 === 1;
}

/** RFC 9162 §2.1.3.2, step by step. */
export function verifyInclusion(
  index: number,
  treeSize: number,
  leaf: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isSize(index) || !isSize(treeSize) || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(r, root);
}

function isPowerOfTwo(value: number): boolean {
  let v = value;
  while (v > 1 && !isOdd(v)) v = half(v);
  return v === 1;
}

/**
 * RFC 9162 §2.1.4.2, step by step. The RFC defines proofs for 0 < old < new; here the
 * two edge cases a monitor meets are accepted with an empty proof: old = new when both
 * roots are equal, and old = 0 when the old root is the empty tree's.
 */
export function verifyConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isSize(oldSize) || !isSize(newSize) || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && bytesEqual(oldRoot, newRoot);
  if (oldSize === 0) return proof.length === 0 && bytesEqual(oldRoot, EMPTY_ROOT);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : proof;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return bytesEqual(fr, oldRoot) && bytesEqual(sr, newRoot) && sn === 0;
}
