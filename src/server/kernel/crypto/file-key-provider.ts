/**
 * File key provider: the embedded default (ARCHITECTURE §3.3). Key material lives under
 * `<dataDir>/keys/` (see key-directory.ts), private to the account running Concerto.
 *
 * A data key is 32 random bytes sealed with AES-256-GCM under the current version of its
 * scope key. The wrapped form "v1:<version>:<scope file id>:<base64 iv‖tag‖ct>" is what the
 * database stores; the AAD binds scope, file id and version. `destroyScope` wipes the scope
 * file, after which no copy of the database (backups included) can unwrap that scope's data
 * keys: crypto-shredding at the end of the retention period.
 *
 * The keys directory must be backed up apart from the database, and its backups expire
 * faster than the retention of any case, or a restored scope file would undo shredding.
 */
import { createHmac, createPublicKey, type KeyObject, randomBytes, sign } from 'node:crypto';
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../errors.js';
import { AuthenticationFailedError, open, seal } from './aes-gcm.js';
import { checkKeyDirectory, type KeyDirectory, openKeyDirectory } from './key-directory.js';
import type { KeyProvider, NewDataKey, WrappedDataKey } from './key-provider.js';
import { withExclusive } from './keyed-mutex.js';
import {
  createPrivateFile,
  fsyncDirectory,
  readPrivateFile,
  replacePrivateFile,
  shredFile,
  temporarySibling,
} from './private-files.js';
import {
  latestVersion,
  newScopeKeyFile,
  openScopeKey,
  parseScopeKeyFile,
  type ScopeKeyFile,
  scopeFileName,
  serialiseScopeKeyFile,
  withNewVersion,
} from './scope-key-file.js';

const WRAPPED_PATTERN = /^v1:(\d+):([0-9a-f]{32}):([A-Za-z0-9+/]+={0,2})$/;

function dataKeyAad(scope: string, fileId: string, version: number): Buffer {
  return Buffer.from(JSON.stringify(['concerto:data-key:v1', scope, fileId, version]), 'utf8');
}

function destroyed(): DomainError {
  return new DomainError('not_found', { detail: 'key destroyed' });
}

class FileKeyProvider implements KeyProvider {
  readonly kind = 'file' as const;
  readonly #keysDirectory: string;
  readonly #scopesDirectory: string;
  readonly #master: KeyObject;
  readonly #blindIndex: KeyObject;
  readonly #signing: KeyObject;

  constructor(keysDirectory: string, keys: KeyDirectory) {
    this.#keysDirectory = keysDirectory;
    this.#scopesDirectory = keys.scopesDirectory;
    this.#master = keys.master;
    this.#blindIndex = keys.blindIndex;
    this.#signing = keys.signing;
  }

  #scopeFile(scope: string): string {
    return path.join(this.#scopesDirectory, scopeFileName(scope));
  }

  async #readScope(scope: string): Promise<ScopeKeyFile | undefined> {
    const file = this.#scopeFile(scope);
    try {
      return parseScopeKeyFile(file, await readPrivateFile(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  #scopeKey(scope: string, file: ScopeKeyFile, version: number): Buffer {
    const key = openScopeKey(this.#master, scope, file, version);
    if (!key) throw new Error(`Scope key version ${version} is missing from ${this.#scopeFile(scope)}`);
    return key;
  }

  generateDataKey(scope: string): Promise<NewDataKey> {
    const scopePath = this.#scopeFile(scope);
    return withExclusive(scopePath, async () => {
      let file = await this.#readScope(scope);
      if (!file) {
        const created = newScopeKeyFile(this.#master, scope);
        // Another process may have created it between our read and now: then use theirs.
        const won = await createPrivateFile(scopePath, serialiseScopeKeyFile(created));
        file = won ? created : await this.#readScope(scope);
        if (!file) throw new Error(`Scope key file ${scopePath} vanished while being created`);
      }
      const version = latestVersion(file);
      const plaintext = randomBytes(32);
      const sealed = seal(
        this.#scopeKey(scope, file, version),
        plaintext,
        dataKeyAad(scope, file.id, version),
      );
      return {
        plaintext,
        keyVersion: version,
        wrapped: `v1:${version}:${file.id}:${sealed.toString('base64')}`,
      };
    });
  }

  async unwrapDataKey(scope: string, key: WrappedDataKey): Promise<Buffer> {
    const match = WRAPPED_PATTERN.exec(key.wrapped);
    if (!match || Number(match[1]) !== key.keyVersion) {
      throw new Error('Wrapped data key is malformed or does not match its key version');
    }
    const fileId = match[2]!;
    const sealed = match[3]!;
    const file = await this.#readScope(scope);
    // A different id means the scope file was destroyed and created anew since this key was wrapped.
    if (!file || file.id !== fileId) throw destroyed();
    const scopeKey = this.#scopeKey(scope, file, key.keyVersion);
    try {
      return open(scopeKey, Buffer.from(sealed, 'base64'), dataKeyAad(scope, fileId, key.keyVersion));
    } catch (error) {
      if (error instanceof AuthenticationFailedError)
        throw new Error('Wrapped data key failed authentication');
      throw error;
    }
  }

  rotateScope(scope: string): Promise<number> {
    const scopePath = this.#scopeFile(scope);
    return withExclusive(scopePath, async () => {
      const file = await this.#readScope(scope);
      if (!file) throw new DomainError('not_found', { detail: 'no key for this scope' });
      const rotated = withNewVersion(this.#master, scope, file);
      await replacePrivateFile(scopePath, serialiseScopeKeyFile(rotated));
      return latestVersion(rotated);
    });
  }

  destroyScope(scope: string): Promise<void> {
    const scopePath = this.#scopeFile(scope);
    return withExclusive(scopePath, async () => {
      // Rename first: readers then see "destroyed" at once, never a half-overwritten file.
      try {
        await rename(scopePath, temporarySibling(scopePath, 'shred'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      // Includes temporary files a crash may have left: they hold the same sealed keys.
      const prefix = `${scopeFileName(scope)}.`;
      for (const name of await readdir(this.#scopesDirectory)) {
        if (name.startsWith(prefix)) await shredFile(path.join(this.#scopesDirectory, name));
      }
      await fsyncDirectory(this.#scopesDirectory);
    });
  }

  async hasScope(scope: string): Promise<boolean> {
    return (await this.#readScope(scope)) !== undefined;
  }

  async blindIndexHmac(data: Buffer): Promise<Buffer> {
    return createHmac('sha256', this.#blindIndex).update(data).digest();
  }

  async signCheckpoint(message: Buffer): Promise<Buffer> {
    return sign(null, message, this.#signing);
  }

  async checkpointPublicKey(): Promise<Buffer> {
    const jwk = createPublicKey(this.#signing).export({ format: 'jwk' });
    return Buffer.from(jwk.x ?? '', 'base64url');
  }

  check(): Promise<void> {
    return checkKeyDirectory(this.#keysDirectory);
  }
}

/**
 * Opens (on first start: creates) the key directory `keysDirectory`, normally
 * `<dataDir>/keys`. Throws, naming the file and its mode, when any key file or directory is
 * accessible to group or others.
 */
export async function openFileKeyProvider(keysDirectory: string): Promise<KeyProvider> {
  return new FileKeyProvider(keysDirectory, await openKeyDirectory(keysDirectory));
}
