import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  consistencyProofFromNodes,
  EMPTY_ROOT,
  inclusionProof,
  inclusionProofFromNodes,
  leafHash,
  memoryNodes,
  nodeHash,
  rootFromNodes,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

// --- An independent, deliberately naive RFC 9162 §2.1 implementation -----------------
// Written straight from the RFC text over the data entries D (not over leaf hashes), with
// list slicing expressed as [lo, hi). The only concession to speed is a memo of MTH, which
// does not change what is computed.

function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
}

function largestPowerOfTwoSmallerThan(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function naiveTree(D: readonly Uint8Array[]) {
  const memo = new Map<string, Uint8Array>();
  function MTH(lo: number, hi: number): Uint8Array {
    const key = `${lo}:${hi}`;
    const known = memo.get(key);
    if (known) return known;
    const n = hi - lo;
    let result: Uint8Array;
    if (n === 0) result = sha256();
    else if (n === 1) result = sha256(new Uint8Array([0]), D[lo]!);
    else {
      const k = largestPowerOfTwoSmallerThan(n);
      result = sha256(new Uint8Array([1]), MTH(lo, lo + k), MTH(lo + k, hi));
    }
    memo.set(key, result);
    return result;
  }
  function PATH(m: number, lo: number, hi: number): Uint8Array[] {
    const n = hi - lo;
    if (n === 1) return [];
    const k = largestPowerOfTwoSmallerThan(n);
    if (m < k) return [...PATH(m, lo, lo + k), MTH(lo + k, hi)];
    return [...PATH(m - k, lo + k, hi), MTH(lo, lo + k)];
  }
  function SUBPROOF(m: number, lo: number, hi: number, b: boolean): Uint8Array[] {
    const n = hi - lo;
    if (m === n) return b ? [] : [MTH(lo, hi)];
    const k = largestPowerOfTwoSmallerThan(n);
    if (m <= k) return [...SUBPROOF(m, lo, lo + k, b), MTH(lo + k, hi)];
    return [...SUBPROOF(m - k, lo + k, hi, false), MTH(lo, lo + k)];
  }
  return {
    root: (n: number) => MTH(0, n),
    path: (m: number, n: number) => PATH(m, 0, n),
    proof: (m: number, n: number) => SUBPROOF(m, 0, n, true),
  };
}

// ---------------------------------------------------------------------------------------

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const hexes = (list: readonly Uint8Array[]) => list.map(hex);
const sameHashes = (a: readonly Uint8Array[], b: readonly Uint8Array[]) =>
  a.length === b.length && a.every((x, i) => Buffer.compare(x, b[i]!) === 0);

// Entries of varying length, so that no two leaves share a length pattern.
const DATA = Array.from({ length: 300 }, (_, i) =>
  new TextEncoder().encode(`entry ${i} ${'x'.repeat(i % 7)}`),
);
const LEAVES = DATA.map((d) => leafHash(d));
const NAIVE = naiveTree(DATA);
// The perfect subtrees of a prefix are those of the whole log: one source serves all sizes.
const NODES = memoryNodes(LEAVES);

function flipBit(proof: readonly Uint8Array[], element: number, bit: number): Uint8Array[] {
  return proof.map((p, i) => {
    if (i !== element) return p;
    const copy = Uint8Array.from(p);
    copy[bit >> 3]! ^= 1 << (bit & 7);
    return copy;
  });
}

describe('merkle (RFC 9162 §2.1)', () => {
  it('hashes the empty tree, leaves and nodes with the RFC prefixes', () => {
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(rootHash([]))).toBe(hex(EMPTY_ROOT));
    expect(hex(leafHash(new Uint8Array()))).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
    expect(hex(rootHash([LEAVES[0]!]))).toBe(hex(LEAVES[0]!));
    expect(hex(leafHash('entry 0 '))).toBe(hex(LEAVES[0]!));
  });

  it('agrees with the naive MTH for every tree size 0..300', () => {
    for (let n = 0; n <= 300; n++) {
      const expected = hex(NAIVE.root(n));
      expect(hex(rootHash(LEAVES.slice(0, n))), `size ${n}`).toBe(expected);
      expect(hex(rootFromNodes(n, NODES)), `size ${n}`).toBe(expected);
    }
  });

  it('agrees with the naive PATH for every tree size 1..300 and every leaf index, and verifies', () => {
    // Tens of thousands of cases: collect the failures and assert once (expect is slow).
    const failures: string[] = [];
    for (let n = 1; n <= 300; n++) {
      const root = NAIVE.root(n);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProofFromNodes(m, n, NODES);
        if (!sameHashes(proof, NAIVE.path(m, n))) failures.push(`proof of leaf ${m} of ${n}`);
        if (!verifyInclusion(m, n, LEAVES[m]!, proof, root))
          failures.push(`verification of leaf ${m} of ${n}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('computes the same inclusion proofs from a plain list of leaf hashes', () => {
    // Each call hashes the whole list (O(n)), so every index of every size would cost
    // O(300³) hashes: every index up to 64 leaves, then sizes around powers of two.
    const sizes = [...Array.from({ length: 64 }, (_, i) => i + 1), 127, 128, 129, 255, 256, 257, 300];
    const failures: string[] = [];
    for (const n of sizes) {
      const leaves = LEAVES.slice(0, n);
      for (let m = 0; m < n; m++) {
        if (!sameHashes(inclusionProof(m, leaves), NAIVE.path(m, n))) failures.push(`leaf ${m} of ${n}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('agrees with the naive PROOF for every (old, new) pair up to 64, and verifies', () => {
    for (let n = 0; n <= 64; n++) {
      const leaves = LEAVES.slice(0, n);
      const newRoot = NAIVE.root(n);
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(m, leaves);
        // RFC 9162 defines PROOF for 0 < m < n; at the edges the proof is empty.
        const expected = m > 0 && m < n ? NAIVE.proof(m, n) : [];
        expect(hexes(proof), `${m} → ${n}`).toEqual(hexes(expected));
        expect(hexes(consistencyProofFromNodes(m, n, NODES)), `${m} → ${n}`).toEqual(hexes(expected));
        expect(verifyConsistency(m, n, NAIVE.root(m), newRoot, proof), `${m} → ${n}`).toBe(true);
      }
    }
  });

  it('rejects an inclusion proof with a flipped bit, a wrong index or a wrong size', () => {
    const accepted: string[] = [];
    for (let n = 1; n <= 64; n++) {
      const root = NAIVE.root(n);
      for (let m = 0; m < n; m++) {
        const proof = inclusionProofFromNodes(m, n, NODES);
        const leaf = LEAVES[m]!;
        for (let e = 0; e < proof.length; e++) {
          const bit = (m * 31 + e * 7) % 256;
          if (verifyInclusion(m, n, leaf, flipBit(proof, e, bit), root))
            accepted.push(`${m}/${n} bit ${bit} of ${e}`);
        }
        for (let other = 0; other < n; other++) {
          if (other !== m && verifyInclusion(other, n, leaf, proof, root))
            accepted.push(`${m}/${n} as ${other}`);
        }
        if (verifyInclusion(m, n + 1, leaf, proof, NAIVE.root(n + 1)))
          accepted.push(`${m}/${n} as size ${n + 1}`);
        if (verifyInclusion(m, n, leaf, [...proof, LEAVES[0]!], root)) accepted.push(`${m}/${n} longer`);
        if (proof.length > 0 && verifyInclusion(m, n, leaf, proof.slice(1), root))
          accepted.push(`${m}/${n} shorter`);
        if (verifyInclusion(m, n, flipBit([leaf], 0, 0)[0]!, proof, root))
          accepted.push(`${m}/${n} other leaf`);
      }
      if (verifyInclusion(n, n, LEAVES[0]!, [], root)) accepted.push(`index ${n} of ${n}`);
      if (verifyInclusion(-1, n, LEAVES[0]!, [], root)) accepted.push(`index -1 of ${n}`);
    }
    expect(accepted).toEqual([]);
  });

  it('rejects a consistency proof with a flipped bit, wrong roots or wrong sizes', () => {
    for (let n = 2; n <= 64; n++) {
      const newRoot = NAIVE.root(n);
      for (let m = 1; m < n; m++) {
        const oldRoot = NAIVE.root(m);
        const proof = consistencyProofFromNodes(m, n, NODES);
        for (let e = 0; e < proof.length; e++) {
          expect(verifyConsistency(m, n, oldRoot, newRoot, flipBit(proof, e, (m + n + e) % 256))).toBe(false);
        }
        expect(verifyConsistency(m, n, NAIVE.root(m - 1), newRoot, proof), `${m} → ${n}`).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, NAIVE.root(n - 1), proof), `${m} → ${n}`).toBe(false);
        expect(verifyConsistency(m, n + 1, oldRoot, NAIVE.root(n + 1), proof), `${m} → ${n + 1}`).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, newRoot, proof.slice(1))).toBe(false);
        expect(verifyConsistency(m, n, oldRoot, newRoot, [...proof, LEAVES[0]!])).toBe(false);
        expect(verifyConsistency(n, m, newRoot, oldRoot, proof)).toBe(false);
      }
      expect(verifyConsistency(n, n, newRoot, NAIVE.root(n - 1), [])).toBe(false);
      expect(verifyConsistency(0, n, LEAVES[0]!, newRoot, [])).toBe(false);
    }
  });

  it('hashes proof elements of any length as given, and rejects them', () => {
    const proof = inclusionProofFromNodes(5, 13, NODES);
    const short = proof.map((p, i) => (i === 1 ? p.subarray(0, 31) : p));
    expect(verifyInclusion(5, 13, LEAVES[5]!, short, NAIVE.root(13))).toBe(false);
    const odd = new Uint8Array([7, 7, 7]);
    expect(hex(nodeHash(odd, LEAVES[0]!))).toBe(hex(sha256(new Uint8Array([1]), odd, LEAVES[0]!)));
  });

  it('refuses to build proofs for positions or sizes outside the tree', () => {
    expect(() => inclusionProof(0, [])).toThrow(RangeError);
    expect(() => inclusionProof(3, LEAVES.slice(0, 3))).toThrow(RangeError);
    expect(() => consistencyProof(4, LEAVES.slice(0, 3))).toThrow(RangeError);
    expect(() => inclusionProof(1.5, LEAVES.slice(0, 3))).toThrow(RangeError);
  });

  it('property: proofs of random logs verify, and altered proofs do not', () => {
    const log = fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { minLength: 1, maxLength: 700 });
    fc.assert(
      fc.property(log, fc.nat(), fc.nat(), fc.nat(), (data, a, b, bit) => {
        const leaves = data.map((d) => leafHash(d));
        const n = leaves.length;
        const nodes = memoryNodes(leaves);
        const root = rootFromNodes(n, nodes);
        const index = a % n;
        const path = inclusionProof(index, leaves);
        expect(verifyInclusion(index, n, leaves[index]!, path, root)).toBe(true);
        if (path.length > 0) {
          expect(
            verifyInclusion(index, n, leaves[index]!, flipBit(path, b % path.length, bit % 256), root),
          ).toBe(false);
        }
        const oldSize = b % (n + 1);
        const oldRoot = rootHash(leaves.slice(0, oldSize));
        const proof = consistencyProofFromNodes(oldSize, n, nodes);
        expect(verifyConsistency(oldSize, n, oldRoot, root, proof)).toBe(true);
        if (proof.length > 0) {
          expect(
            verifyConsistency(oldSize, n, oldRoot, root, flipBit(proof, a % proof.length, bit % 256)),
          ).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
