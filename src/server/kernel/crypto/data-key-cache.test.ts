import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.js';
import { DataKeyCache } from './data-key-cache.js';

const key = (byte: number) => Buffer.alloc(32, byte);

describe('DataKeyCache', () => {
  it('returns a key only for the same scope, key id and wrapped form', () => {
    const cache = new DataKeyCache();
    cache.set('case-1', 1, 'w1', key(1));
    expect(cache.get('case-1', 1, 'w1')).toEqual(key(1));
    expect(cache.get('case-2', 1, 'w1')).toBeUndefined();
    expect(cache.get('case-1', 2, 'w1')).toBeUndefined();
    expect(cache.get('case-1', 1, 'restored-w1')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond its bound', () => {
    const cache = new DataKeyCache({ maxEntries: 2 });
    cache.set('a', 1, 'w', key(1));
    cache.set('b', 1, 'w', key(2));
    cache.get('a', 1, 'w');
    cache.set('c', 1, 'w', key(3));
    expect(cache.size).toBe(2);
    expect(cache.get('b', 1, 'w')).toBeUndefined();
    expect(cache.get('a', 1, 'w')).toEqual(key(1));
    expect(cache.get('c', 1, 'w')).toEqual(key(3));
  });

  it('forgets entries after their time to live', () => {
    const clock = new ManualClock('2025-01-01T00:00:00Z');
    const cache = new DataKeyCache({ ttlMs: 1000, clock });
    cache.set('a', 1, 'w', key(1));
    clock.advanceMs(999);
    expect(cache.get('a', 1, 'w')).toEqual(key(1));
    clock.advanceMs(1);
    expect(cache.get('a', 1, 'w')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets every key of a shredded scope and only those', () => {
    const cache = new DataKeyCache();
    cache.set('a', 1, 'w', key(1));
    cache.set('a', 2, 'w', key(2));
    cache.set('b', 1, 'w', key(3));
    cache.forgetScope('a');
    expect(cache.size).toBe(1);
    expect(cache.get('b', 1, 'w')).toEqual(key(3));
  });
});
