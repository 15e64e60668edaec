/**
 * The right edge of a growing Merkle tree: the perfect subtrees of the binary
 * decomposition of its size, largest first. Appending costs one node hash on average and
 * the root at the current size O(log n), so `audit verify` recomputes the whole tree
 * while streaming the log once, in constant memory.
 */
import { EMPTY_ROOT, nodeHash } from './merkle.js';

export class Frontier {
  readonly #hashes: Uint8Array[] = [];
  readonly #levels: number[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  append(leafHash: Uint8Array): void {
    let hash = leafHash;
    let level = 0;
    // Two subtrees of equal height merge into their parent, exactly as audit_append does.
    while (this.#levels.length > 0 && this.#levels[this.#levels.length - 1] === level) {
      this.#levels.pop();
      hash = nodeHash(this.#hashes.pop()!, hash);
      level += 1;
    }
    this.#hashes.push(hash);
    this.#levels.push(level);
    this.#size += 1;
  }

  /** MTH of the leaves appended so far (RFC 9162 §2.1.1). */
  root(): Uint8Array {
    if (this.#hashes.length === 0) return EMPTY_ROOT;
    let hash = this.#hashes[this.#hashes.length - 1]!;
    for (let i = this.#hashes.length - 2; i >= 0; i--) hash = nodeHash(this.#hashes[i]!, hash);
    return hash;
  }
}
