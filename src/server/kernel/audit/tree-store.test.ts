import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { type Db, inTransaction } from '../../db/database.js';
import { ManualClock } from '../clock.js';
import { DomainError } from '../errors.js';
import type { AuditEvent } from './events.js';
import { consistencyProof, EMPTY_ROOT, inclusionProof, leafHash, rootHash } from './merkle.js';
import { createAuditLog } from './record.js';
import { consistencyProofBetween, inclusionProofAt, rootAt } from './tree-store.js';

const SIZE = 5_000;
let db: TestDatabase;
let leaves: Uint8Array[];

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const hexes = (list: readonly Uint8Array[]) => list.map(hex);

/** A view of the database that counts the queries it runs and the rows they return. */
function counting(target: Db) {
  const stats = { queries: 0, rows: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    transformResult: async ({ result }) => {
      stats.queries += 1;
      stats.rows += result.rows.length;
      return result;
    },
  };
  return {
    /** What `work` read from the database. */
    async measure<T>(work: (db: Db) => Promise<T>): Promise<{ value: T; queries: number; rows: number }> {
      stats.queries = 0;
      stats.rows = 0;
      const value = await work(target.withPlugin(plugin));
      return { value, queries: stats.queries, rows: stats.rows };
    },
  };
}

beforeAll(async () => {
  db = await createTestDatabase();
  const audit = createAuditLog({ clock: new ManualClock('2025-01-01T00:00:00Z') });
  const event = (i: number): AuditEvent => ({
    actor: { userId: `u-${i % 17}`, organisationId: 'org-1', role: 'participant' },
    action: 'store',
    outcome: 'success',
    records: [{ type: 'item', id: `item-${i}` }],
  });
  for (let start = 0; start < SIZE; start += 500) {
    const batch = Array.from({ length: 500 }, (_, i) => event(start + i));
    await inTransaction(db.appDb, (tx) => audit.recordMany(tx, batch));
  }
  const rows = await db.adminDb.selectFrom('audit_events').select('payload').orderBy('position').execute();
  leaves = rows.map((row) => leafHash(row.payload));
});
afterAll(async () => {
  await db.drop();
});

describe('tree store', () => {
  const sizes = [
    1,
    2,
    3,
    4,
    5,
    7,
    8,
    9,
    255,
    256,
    257,
    1_000,
    1_023,
    1_024,
    1_025,
    4_095,
    4_096,
    4_097,
    4_999,
    SIZE,
  ];

  it('computes the root at any size as merkle.ts does, from at most log2(n)+1 rows in one query', async () => {
    const { measure } = counting(db.appDb);
    expect(hex(await rootAt(db.appDb, 0))).toBe(hex(EMPTY_ROOT));
    for (const size of sizes) {
      const { value, queries, rows } = await measure((d) => rootAt(d, size));
      expect(hex(value), `size ${size}`).toBe(hex(rootHash(leaves.slice(0, size))));
      expect(queries).toBe(1);
      expect(rows, `size ${size}`).toBeLessThanOrEqual(Math.floor(Math.log2(size)) + 1);
    }
  });

  it('builds inclusion proofs as merkle.ts does, from O(log n) rows in one query', async () => {
    const { measure } = counting(db.appDb);
    for (const size of sizes) {
      for (const position of new Set([0, Math.floor(size / 3), size - 2, size - 1].filter((p) => p >= 0))) {
        const { value, queries, rows } = await measure((d) => inclusionProofAt(d, position, size));
        expect(hexes(value.proof), `${position} in ${size}`).toEqual(
          hexes(inclusionProof(position, leaves.slice(0, size))),
        );
        expect(hex(value.leafHash)).toBe(hex(leaves[position]!));
        expect(queries).toBe(1);
        expect(rows, `${position} in ${size}`).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size)) + 1);
      }
    }
  });

  it('builds consistency proofs as merkle.ts does, from O(log n) rows in one query', async () => {
    const { measure } = counting(db.appDb);
    for (const newSize of sizes) {
      for (const oldSize of new Set(
        [1, Math.floor(newSize / 2), newSize - 1, newSize].filter((s) => s >= 1),
      )) {
        const { value, queries, rows } = await measure((d) => consistencyProofBetween(d, oldSize, newSize));
        expect(hexes(value), `${oldSize} → ${newSize}`).toEqual(
          hexes(consistencyProof(oldSize, leaves.slice(0, newSize))),
        );
        expect(queries).toBe(1);
        expect(rows, `${oldSize} → ${newSize}`).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(newSize)) + 2);
      }
    }
  });

  it('reads as many rows for a proof in the full log as in a tiny one, give or take log n', async () => {
    const { measure } = counting(db.appDb);
    const small = await measure((d) => inclusionProofAt(d, 5, 16));
    const large = await measure((d) => inclusionProofAt(d, 2_345, SIZE));
    // 16 → 5,000 events is ×312 more data; the rows read grow by a few, not ×312.
    expect(large.rows - small.rows).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(SIZE / 16)));
  });

  it('answers not_found beyond the log and validation_failed for impossible sizes', async () => {
    await expect(rootAt(db.appDb, SIZE + 1)).rejects.toMatchObject({ code: 'not_found' });
    await expect(inclusionProofAt(db.appDb, SIZE, SIZE + 1)).rejects.toMatchObject({ code: 'not_found' });
    await expect(inclusionProofAt(db.appDb, 3, 3)).rejects.toMatchObject({ code: 'not_found' });
    await expect(consistencyProofBetween(db.appDb, 10, SIZE + 7)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(consistencyProofBetween(db.appDb, SIZE + 1, SIZE + 1)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(consistencyProofBetween(db.appDb, 5, 4)).rejects.toBeInstanceOf(DomainError);
    await expect(rootAt(db.appDb, -1)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(inclusionProofAt(db.appDb, 1.5, 4)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
