/**
 * In-process cache of unwrapped data keys, so that reading a case does not ask the key
 * provider (a network round trip to Vault) for every field. Bounded in size, and in time:
 * another app instance may shred a scope, and this instance must stop using that scope's
 * keys within `ttlMs` even if nobody tells it (SPEC RET-07: deletion covers caches). Entries
 * are keyed by the wrapped form too, and the envelope reads the row before the cache, so a
 * key whose row was deleted is never used through the cache.
 */
import { type Clock, systemClock } from '../clock.js';

export interface DataKeyCacheOptions {
  readonly maxEntries?: number;
  readonly ttlMs?: number;
  readonly clock?: Clock;
}

interface Entry {
  readonly scope: string;
  readonly key: Buffer;
  readonly expiresAt: number;
}

export class DataKeyCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #clock: Clock;

  constructor(options: DataKeyCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 1000;
    this.#ttlMs = options.ttlMs ?? 5 * 60_000;
    this.#clock = options.clock ?? systemClock;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(scope: string, keyId: number, wrapped: string): Buffer | undefined {
    const id = JSON.stringify([scope, keyId, wrapped]);
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    this.#entries.delete(id);
    if (entry.expiresAt <= this.#clock.now().getTime()) return undefined;
    // Re-inserted last: the Map's insertion order then ranks entries by recent use.
    this.#entries.set(id, entry);
    return entry.key;
  }

  set(scope: string, keyId: number, wrapped: string, key: Buffer): void {
    const id = JSON.stringify([scope, keyId, wrapped]);
    this.#entries.delete(id);
    this.#entries.set(id, { scope, key, expiresAt: this.#clock.now().getTime() + this.#ttlMs });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  forgetScope(scope: string): void {
    for (const [id, entry] of this.#entries) {
      if (entry.scope === scope) this.#entries.delete(id);
    }
  }
}
