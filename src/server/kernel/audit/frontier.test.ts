import { describe, expect, it } from 'vitest';
import { Frontier } from './frontier.js';
import { leafHash, rootHash } from './merkle.js';

describe('frontier', () => {
  it('has the RFC 9162 root after every append, for sizes 0..300', () => {
    const leaves = Array.from({ length: 300 }, (_, i) => leafHash(`event ${i}`));
    const frontier = new Frontier();
    const mismatches: number[] = [];
    for (let size = 0; size <= leaves.length; size++) {
      if (Buffer.compare(frontier.root(), rootHash(leaves.slice(0, size))) !== 0) mismatches.push(size);
      if (size < leaves.length) frontier.append(leaves[size]!);
    }
    expect(mismatches).toEqual([]);
    expect(frontier.size).toBe(300);
  });
});
