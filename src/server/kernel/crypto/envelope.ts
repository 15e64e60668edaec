/**
 * Envelope encryption of case content (ARCHITECTURE §3.3). Each scope (a case) has data keys
 * 1..n in `data_keys`, wrapped by the key provider; content is sealed with AES-256-GCM under
 * the scope's latest data key. The associated data binds scope, record and version, so a
 * ciphertext moved to another case, record or version does not decrypt.
 *
 * Ciphertext layout (self-describing, for a bytea column):
 *   format (1 byte, = 1) ‖ key id (uint32 BE) ‖ iv (12) ‖ tag (16) ‖ ciphertext
 * The 5-byte header is part of the associated data too.
 *
 * `shred` is crypto-shredding at the end of the retention period (bill art. 2 §3 4°, SPEC
 * RET-01): the scope key is destroyed in the provider, so even a database backup that still
 * holds the wrapped data keys can no longer be read (SPEC RET-07: deletion covers backups).
 */
import type { Tx } from '../../db/database.js';
import { DomainError } from '../errors.js';
import { AuthenticationFailedError, open, seal } from './aes-gcm.js';
import { DataKeyCache } from './data-key-cache.js';
import {
  type DataKeyRow,
  dataKeysOf,
  deleteDataKeys,
  findDataKey,
  insertDataKey,
  latestDataKey,
} from './data-key-store.js';
import type { KeyProvider } from './key-provider.js';

const FORMAT = 1;
const HEADER_BYTES = 5;
const MIN_BYTES = HEADER_BYTES + 12 + 16;

/** What a ciphertext belongs to; all three must match again to decrypt. */
export interface EnvelopeAad {
  /** The case (or other unit that is shredded as a whole). */
  readonly scope: string;
  /** The record inside the scope, e.g. an information item id. */
  readonly record: string;
  /** The record's version (rectification keeps old versions). */
  readonly version: number;
}

/**
 * The envelope of one scope inside one transaction: its data key rows are read once, so that
 * reading a case with many fields costs one query for the keys, not one per field.
 */
export interface ScopeCipher {
  encrypt(record: string, version: number, plaintext: Buffer | string): Promise<Buffer>;
  decrypt(record: string, version: number, ciphertext: Buffer): Promise<Buffer>;
  /** `decrypt` as UTF-8 text. */
  decryptText(record: string, version: number, ciphertext: Buffer): Promise<string>;
}

export interface Envelope {
  encrypt(tx: Tx, aad: EnvelopeAad, plaintext: Buffer | string): Promise<Buffer>;
  decrypt(tx: Tx, aad: EnvelopeAad, ciphertext: Buffer): Promise<Buffer>;
  /** A cipher for many fields of `scope` in this transaction (rows read once). */
  openScope(tx: Tx, scope: string): Promise<ScopeCipher>;
  /** Starts a new data key (and scope key version); returns its key id. Old ciphertext still decrypts. */
  rotate(tx: Tx, scope: string): Promise<number>;
  /** Destroys the scope's keys for ever. Irreversible even if `tx` rolls back: call it last. */
  shred(tx: Tx, scope: string): Promise<void>;
}

function associatedData(header: Buffer, aad: EnvelopeAad): Buffer {
  if (aad.scope === '' || aad.record === '' || !Number.isSafeInteger(aad.version) || aad.version < 0) {
    throw new TypeError('Envelope AAD needs a scope, a record and a non-negative integer version');
  }
  // JSON keeps the fields unambiguous whatever characters scope and record contain.
  return Buffer.concat([
    header,
    Buffer.from(JSON.stringify(['concerto:v1', aad.scope, aad.record, aad.version])),
  ]);
}

function header(keyId: number): Buffer {
  const bytes = Buffer.alloc(HEADER_BYTES);
  bytes.writeUInt8(FORMAT, 0);
  bytes.writeUInt32BE(keyId, 1);
  return bytes;
}

export function createEnvelope({
  keys,
  cache = new DataKeyCache(),
}: {
  keys: KeyProvider;
  cache?: DataKeyCache;
}): Envelope {
  // Unwraps in flight: the fields of a case are decrypted concurrently, and without this each of
  // them would ask the key provider for the same data key (a file read or a Vault call each).
  const unwrapping = new Map<string, Promise<Buffer>>();

  function unwrap(row: DataKeyRow): Promise<Buffer> {
    const cached = cache.get(row.scope, row.key_id, row.wrapped);
    if (cached) return Promise.resolve(cached);
    const id = JSON.stringify([row.scope, row.key_id, row.wrapped]);
    let pending = unwrapping.get(id);
    if (!pending) {
      pending = keys
        .unwrapDataKey(row.scope, { wrapped: row.wrapped, keyVersion: row.key_version })
        .then((key) => {
          cache.set(row.scope, row.key_id, row.wrapped, key);
          return key;
        })
        .finally(() => unwrapping.delete(id));
      unwrapping.set(id, pending);
    }
    return pending;
  }

  async function addDataKey(tx: Tx, scope: string, keyId: number): Promise<{ keyId: number; key: Buffer }> {
    const generated = await keys.generateDataKey(scope);
    const row = { scope, key_id: keyId, key_version: generated.keyVersion, wrapped: generated.wrapped };
    if (await insertDataKey(tx, row)) {
      cache.set(scope, keyId, row.wrapped, generated.plaintext);
      return { keyId, key: generated.plaintext };
    }
    // A concurrent transaction committed this key id first (READ COMMITTED sees it now): use theirs.
    const winner = await findDataKey(tx, scope, keyId);
    if (!winner) throw new DomainError('conflict', { detail: 'data key created concurrently; retry' });
    return { keyId, key: await unwrap(winner) };
  }

  function sealWith(current: { keyId: number; key: Buffer }, aad: EnvelopeAad, plaintext: Buffer | string): Buffer {
    const head = header(current.keyId);
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    return Buffer.concat([head, seal(current.key, data, associatedData(head, aad))]);
  }

  async function openWith(
    rowOf: (keyId: number) => Promise<DataKeyRow | undefined>,
    aad: EnvelopeAad,
    ciphertext: Buffer,
  ): Promise<Buffer> {
    if (ciphertext.length < MIN_BYTES || ciphertext.readUInt8(0) !== FORMAT) {
      throw new DomainError('internal', { detail: 'not an envelope ciphertext of a known format' });
    }
    const head = ciphertext.subarray(0, HEADER_BYTES);
    const row = await rowOf(head.readUInt32BE(1));
    if (!row) throw new DomainError('not_found', { detail: 'no such data key (shredded or never created)' });
    try {
      return open(await unwrap(row), ciphertext.subarray(HEADER_BYTES), associatedData(head, aad));
    } catch (error) {
      if (!(error instanceof AuthenticationFailedError)) throw error;
      // Altered ciphertext or a ciphertext of another scope/record/version: never return content.
      throw new DomainError('internal', { detail: 'ciphertext failed authentication' });
    }
  }

  async function currentKey(tx: Tx, scope: string): Promise<{ keyId: number; key: Buffer }> {
    const latest = await latestDataKey(tx, scope);
    if (!latest) return addDataKey(tx, scope, 1);
    return { keyId: latest.key_id, key: await unwrap(latest) };
  }

  return {
    encrypt: async (tx, aad, plaintext) => sealWith(await currentKey(tx, aad.scope), aad, plaintext),

    decrypt: (tx, aad, ciphertext) =>
      openWith((keyId) => findDataKey(tx, aad.scope, keyId), aad, ciphertext),

    async openScope(tx, scope) {
      const rows = new Map((await dataKeysOf(tx, scope)).map((row) => [row.key_id, row]));
      let latest: { keyId: number; key: Buffer } | undefined;
      const decrypt = (record: string, version: number, ciphertext: Buffer) =>
        openWith(async (keyId) => rows.get(keyId), { scope, record, version }, ciphertext);
      return {
        async encrypt(record, version, plaintext) {
          if (!latest) {
            const row = [...rows.values()].at(-1);
            latest = row ? { keyId: row.key_id, key: await unwrap(row) } : await addDataKey(tx, scope, 1);
          }
          return sealWith(latest, { scope, record, version }, plaintext);
        },
        decrypt,
        decryptText: async (record, version, ciphertext) =>
          (await decrypt(record, version, ciphertext)).toString('utf8'),
      };
    },

    async rotate(tx, scope) {
      const latest = await latestDataKey(tx, scope);
      if (!latest) return (await addDataKey(tx, scope, 1)).keyId;
      await keys.rotateScope(scope);
      return (await addDataKey(tx, scope, latest.key_id + 1)).keyId;
    },

    async shred(tx, scope) {
      // Rows first: if destroying the key fails, the transaction rolls back and nothing changed.
      await deleteDataKeys(tx, scope);
      cache.forgetScope(scope);
      await keys.destroyScope(scope);
    },
  };
}
