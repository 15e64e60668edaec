import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { type Db, inTransaction } from '../../db/database.js';
import { DomainError } from '../errors.js';
import { createEnvelope, type EnvelopeAad } from './envelope.js';
import { openFileKeyProvider } from './file-key-provider.js';
import type { KeyProvider } from './key-provider.js';

let database: TestDatabase;
let db: Db;
let keys: KeyProvider;
let keysRoot: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.appDb;
  keysRoot = mkdtempSync(path.join(os.tmpdir(), 'concerto-envelope-'));
  keys = await openFileKeyProvider(path.join(keysRoot, 'keys'));
});

afterAll(async () => {
  await database.drop();
  rmSync(keysRoot, { recursive: true, force: true });
});

/** The real provider with some methods replaced (a class instance cannot be spread). */
function replacing(overrides: Partial<KeyProvider>): KeyProvider {
  return {
    kind: keys.kind,
    generateDataKey: (scope) => keys.generateDataKey(scope),
    unwrapDataKey: (scope, key) => keys.unwrapDataKey(scope, key),
    rotateScope: (scope) => keys.rotateScope(scope),
    destroyScope: (scope) => keys.destroyScope(scope),
    hasScope: (scope) => keys.hasScope(scope),
    blindIndexHmac: (data) => keys.blindIndexHmac(data),
    signCheckpoint: (message) => keys.signCheckpoint(message),
    checkpointPublicKey: () => keys.checkpointPublicKey(),
    check: () => keys.check(),
    ...overrides,
  };
}

async function failure(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const aadFor = (scope: string, record = 'item-1', version = 1): EnvelopeAad => ({ scope, record, version });

describe('envelope encryption (ARCHITECTURE §3.3)', () => {
  it('round-trips text and bytes, with a self-describing header and a fresh IV each time', async () => {
    const envelope = createEnvelope({ keys });
    const aad = aadFor(randomUUID());
    const text = 'Élodie D’Hondt — signalement du 3 mars';
    const [first, second, bytes, empty] = await inTransaction(db, async (tx) => [
      await envelope.encrypt(tx, aad, text),
      await envelope.encrypt(tx, aad, text),
      await envelope.encrypt(tx, aad, Buffer.from([0, 1, 2, 255])),
      await envelope.encrypt(tx, aad, ''),
    ]);
    expect(first[0]).toBe(1);
    expect(first.readUInt32BE(1)).toBe(1);
    expect(first.equals(second)).toBe(false);
    expect(first.includes(Buffer.from('Hondt'))).toBe(false);
    await inTransaction(db, async (tx) => {
      expect((await envelope.decrypt(tx, aad, first)).toString('utf8')).toBe(text);
      expect(await envelope.decrypt(tx, aad, bytes)).toEqual(Buffer.from([0, 1, 2, 255]));
      expect(await envelope.decrypt(tx, aad, empty)).toHaveLength(0);
    });
    // Another app instance, with a cold cache, reads it too.
    await inTransaction(db, async (tx) => {
      expect((await createEnvelope({ keys }).decrypt(tx, aad, second)).toString('utf8')).toBe(text);
    });
  });

  it('refuses a ciphertext presented for another scope, record or version', async () => {
    const envelope = createEnvelope({ keys });
    const scope = randomUUID();
    const other = randomUUID();
    await inTransaction(db, async (tx) => {
      await envelope.encrypt(tx, aadFor(other), 'other case');
      const ciphertext = await envelope.encrypt(tx, aadFor(scope), 'content');
      for (const wrong of [aadFor(scope, 'item-2'), aadFor(scope, 'item-1', 2)]) {
        const error = await failure(envelope.decrypt(tx, wrong, ciphertext));
        expect(error.code).toBe('internal');
        expect(error.message).toBe('ciphertext failed authentication');
      }
      expect((await failure(envelope.decrypt(tx, aadFor(other), ciphertext))).code).toBe('internal');
    });
  });

  it('refuses a tampered or truncated ciphertext', async () => {
    const envelope = createEnvelope({ keys });
    const aad = aadFor(randomUUID());
    await inTransaction(db, async (tx) => {
      const ciphertext = await envelope.encrypt(tx, aad, 'content that must not change');
      for (const index of [5, 5 + 12, 5 + 28, ciphertext.length - 1]) {
        const tampered = Buffer.from(ciphertext);
        tampered[index] = tampered[index]! ^ 0x01;
        expect((await failure(envelope.decrypt(tx, aad, tampered))).code).toBe('internal');
      }
      const wrongFormat = Buffer.from(ciphertext);
      wrongFormat[0] = 2;
      expect((await failure(envelope.decrypt(tx, aad, wrongFormat))).code).toBe('internal');
      const wrongKeyId = Buffer.from(ciphertext);
      wrongKeyId.writeUInt32BE(7, 1);
      expect((await failure(envelope.decrypt(tx, aad, wrongKeyId))).code).toBe('not_found');
      expect((await failure(envelope.decrypt(tx, aad, ciphertext.subarray(0, 20)))).code).toBe('internal');
    });
  });

  it('rotates: new content uses the next data key and scope key version, old content still decrypts', async () => {
    const envelope = createEnvelope({ keys });
    const scope = randomUUID();
    const old = await inTransaction(db, (tx) => envelope.encrypt(tx, aadFor(scope), 'before rotation'));
    expect(await inTransaction(db, (tx) => envelope.rotate(tx, scope))).toBe(2);
    const fresh = await inTransaction(db, (tx) =>
      envelope.encrypt(tx, aadFor(scope, 'item-2'), 'after rotation'),
    );
    expect(old.readUInt32BE(1)).toBe(1);
    expect(fresh.readUInt32BE(1)).toBe(2);
    const rows = await db
      .selectFrom('data_keys')
      .select(['key_id', 'key_version'])
      .where('scope', '=', scope)
      .orderBy('key_id')
      .execute();
    expect(rows).toEqual([
      { key_id: 1, key_version: 1 },
      { key_id: 2, key_version: 2 },
    ]);
    await inTransaction(db, async (tx) => {
      const reader = createEnvelope({ keys });
      expect((await reader.decrypt(tx, aadFor(scope), old)).toString()).toBe('before rotation');
      expect((await reader.decrypt(tx, aadFor(scope, 'item-2'), fresh)).toString()).toBe('after rotation');
    });
    expect(await inTransaction(db, (tx) => envelope.rotate(tx, randomUUID()))).toBe(1);
  });

  it('leaves no data key behind when the transaction rolls back', async () => {
    const envelope = createEnvelope({ keys });
    const scope = randomUUID();
    await expect(
      inTransaction(db, async (tx) => {
        await envelope.encrypt(tx, aadFor(scope), 'never committed');
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await db.selectFrom('data_keys').select('key_id').where('scope', '=', scope).execute()).toEqual(
      [],
    );
    const again = await inTransaction(db, (tx) => envelope.encrypt(tx, aadFor(scope), 'committed'));
    expect(
      await inTransaction(db, (tx) => createEnvelope({ keys }).decrypt(tx, aadFor(scope), again)),
    ).toEqual(Buffer.from('committed'));
  });

  it('creates one data key when transactions encrypt for a new scope at the same time', async () => {
    const scope = randomUUID();
    const ciphertexts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        inTransaction(db, (tx) =>
          createEnvelope({ keys }).encrypt(tx, aadFor(scope, `item-${i}`), `value ${i}`),
        ),
      ),
    );
    expect(await db.selectFrom('data_keys').select('key_id').where('scope', '=', scope).execute()).toEqual([
      { key_id: 1 },
    ]);
    await inTransaction(db, async (tx) => {
      const reader = createEnvelope({ keys });
      for (const [i, ciphertext] of ciphertexts.entries()) {
        expect((await reader.decrypt(tx, aadFor(scope, `item-${i}`), ciphertext)).toString()).toBe(
          `value ${i}`,
        );
      }
    });
  });

  it('asks the key provider once per data key, not once per field', async () => {
    const calls = { unwrap: 0, generate: 0 };
    const counted = replacing({
      generateDataKey: (scope) => {
        calls.generate += 1;
        return keys.generateDataKey(scope);
      },
      unwrapDataKey: (scope, key) => {
        calls.unwrap += 1;
        return keys.unwrapDataKey(scope, key);
      },
    });
    const envelope = createEnvelope({ keys: counted });
    const scope = randomUUID();
    const ciphertext = await inTransaction(db, (tx) => envelope.encrypt(tx, aadFor(scope), 'x'));
    await inTransaction(db, async (tx) => {
      for (let i = 0; i < 5; i += 1) await envelope.encrypt(tx, aadFor(scope, `r${i}`), 'y');
      for (let i = 0; i < 5; i += 1) await envelope.decrypt(tx, aadFor(scope), ciphertext);
    });
    expect(calls).toEqual({ generate: 1, unwrap: 0 });
  });

  it('shreds a scope: its content can never be decrypted again, even from a restored backup of data_keys', async () => {
    const envelope = createEnvelope({ keys });
    const scope = randomUUID();
    const kept = randomUUID();
    const old = await inTransaction(db, (tx) => envelope.encrypt(tx, aadFor(scope), 'to be shredded'));
    await inTransaction(db, (tx) => envelope.rotate(tx, scope));
    const recent = await inTransaction(db, (tx) => envelope.encrypt(tx, aadFor(scope), 'also shredded'));
    const survivor = await inTransaction(db, (tx) => envelope.encrypt(tx, aadFor(kept), 'another case'));
    const backup = await database.adminDb
      .selectFrom('data_keys')
      .selectAll()
      .where('scope', '=', scope)
      .execute();
    expect(backup).toHaveLength(2);

    await inTransaction(db, (tx) => envelope.shred(tx, scope));

    expect(await keys.hasScope(scope)).toBe(false);
    expect(await db.selectFrom('data_keys').select('key_id').where('scope', '=', scope).execute()).toEqual(
      [],
    );
    await inTransaction(db, async (tx) => {
      expect((await failure(envelope.decrypt(tx, aadFor(scope), old))).code).toBe('not_found');
      expect((await envelope.decrypt(tx, aadFor(kept), survivor)).toString()).toBe('another case');
    });

    // The backup comes back: the wrapped keys are there, but nothing can unwrap them.
    await database.adminDb.insertInto('data_keys').values(backup).execute();
    for (const reader of [envelope, createEnvelope({ keys })]) {
      await inTransaction(db, async (tx) => {
        for (const ciphertext of [old, recent]) {
          const error = await failure(reader.decrypt(tx, aadFor(scope), ciphertext));
          expect(error.code).toBe('not_found');
          expect(error.message).toBe('key destroyed');
        }
      });
    }
  });

  it('keeps the shredded rows when destroying the key fails, so that nothing changed', async () => {
    const failing = replacing({
      destroyScope: async () => {
        throw new Error('provider unavailable');
      },
    });
    const envelope = createEnvelope({ keys: failing });
    const scope = randomUUID();
    const ciphertext = await inTransaction(db, (tx) => envelope.encrypt(tx, aadFor(scope), 'still here'));
    await expect(inTransaction(db, (tx) => envelope.shred(tx, scope))).rejects.toThrow(
      'provider unavailable',
    );
    await inTransaction(db, async (tx) => {
      expect((await envelope.decrypt(tx, aadFor(scope), ciphertext)).toString()).toBe('still here');
    });
  });

  it('lets the runtime role read, add and delete data keys but never change one', async () => {
    const scope = randomUUID();
    await inTransaction(db, (tx) => createEnvelope({ keys }).encrypt(tx, aadFor(scope), 'x'));
    await expect(
      db.updateTable('data_keys').set({ wrapped: 'replaced' }).where('scope', '=', scope).execute(),
    ).rejects.toThrow(/permission denied/);
  });

  it('opens a scope once for many fields: what it seals the envelope opens, and the AAD still binds', async () => {
    const envelope = createEnvelope({ keys });
    // Not a case scope: case scopes are under row-level security, tested in test/access.
    const scope = randomUUID();
    const [sealed, alsoSealed] = await inTransaction(db, async (tx) => {
      const cipher = await envelope.openScope(tx, scope);
      return [await cipher.encrypt('item-1', 2, 'Vaststelling.'), await cipher.encrypt('item-2', 1, 'Tweede.')];
    });
    await inTransaction(db, async (tx) => {
      expect((await envelope.decrypt(tx, aadFor(scope, 'item-1', 2), sealed)).toString('utf8')).toBe('Vaststelling.');
      const cipher = await envelope.openScope(tx, scope);
      expect(await cipher.decryptText('item-2', 1, alsoSealed)).toBe('Tweede.');
      // Both fields used the scope's one data key: opening the scope created no second one.
      const keyIds = await tx.selectFrom('data_keys').select('key_id').where('scope', '=', scope).execute();
      expect(keyIds).toEqual([{ key_id: 1 }]);
      // Another record or version of the same scope does not decrypt it.
      expect((await failure(cipher.decrypt('item-2', 2, alsoSealed))).code).toBe('internal');
      expect((await failure(cipher.decrypt('item-1', 1, sealed))).code).toBe('internal');
    });
  });

  it('asks the key provider once for a data key that many fields of a cold scope need at once', async () => {
    const scope = randomUUID();
    const sealed = await inTransaction(db, async (tx) => {
      const cipher = await createEnvelope({ keys }).openScope(tx, scope);
      return Promise.all(Array.from({ length: 20 }, (_, n) => cipher.encrypt(`item-${n}`, 1, `field ${n}`)));
    });
    let unwraps = 0;
    const counting = replacing({
      unwrapDataKey: (s, key) => {
        unwraps++;
        return keys.unwrapDataKey(s, key);
      },
    });
    // A fresh envelope: nothing cached, twenty fields decrypted concurrently.
    const texts = await inTransaction(db, async (tx) => {
      const cipher = await createEnvelope({ keys: counting }).openScope(tx, scope);
      return Promise.all(sealed.map((ciphertext, n) => cipher.decryptText(`item-${n}`, 1, ciphertext)));
    });
    expect(texts).toEqual(Array.from({ length: 20 }, (_, n) => `field ${n}`));
    expect(unwraps).toBe(1);
  });
});
