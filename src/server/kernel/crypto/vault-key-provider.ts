/**
 * Vault / OpenBao transit key provider, for production (ARCHITECTURE §3.3). Key material never
 * leaves Vault except as freshly generated data keys:
 *   <prefix>-scope-<sha256(scope) hex>  aes256-gcm96, one per scope (case): wraps its data keys
 *   <prefix>-blind-index                aes256-gcm96, used only for its HMAC key
 *   <prefix>-audit-checkpoint           ed25519, signs audit checkpoints
 * Deleting a scope's transit key (crypto-shredding) leaves every wrapped data key in the
 * database, and in its backups, undecryptable.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { KeyProvider, NewDataKey, WrappedDataKey } from './key-provider.js';
import { createVaultTransitClient, type VaultConnection, VaultRequestError } from './vault-transit-client.js';

export interface VaultKeyProviderOptions extends VaultConnection {
  readonly keyPrefix: string;
}

interface KeyInfo {
  type: string;
  latest_version: number;
  keys: Record<string, unknown>;
}

// The blind-index and checkpoint keys are pinned to version 1: rotating them in Vault would
// otherwise silently change every person index and the key that verifies past checkpoints.
const PINNED_VERSION = 1;

function vaultValue(value: string | undefined, what: string): { version: number; bytes: Buffer } {
  const match = /^vault:v(\d+):([A-Za-z0-9+/]+={0,2})$/.exec(value ?? '');
  if (!match) throw new Error(`Vault returned a malformed ${what}`);
  return { version: Number(match[1]), bytes: Buffer.from(match[2]!, 'base64') };
}

function dataKeyBytes(base64: string | undefined): Buffer {
  const key = Buffer.from(base64 ?? '', 'base64');
  if (key.length !== 32) throw new Error('Vault returned a data key that is not 32 bytes');
  return key;
}

async function missingKeyAs<T>(work: Promise<T>, replacement: () => T): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof VaultRequestError && error.keyMissing) return replacement();
    throw error;
  }
}

export async function openVaultKeyProvider(options: VaultKeyProviderOptions): Promise<KeyProvider> {
  const vault = createVaultTransitClient(options);
  const scopeKey = (scope: string) =>
    `${options.keyPrefix}-scope-${createHash('sha256').update(scope, 'utf8').digest('hex')}`;
  const blindIndexKey = `${options.keyPrefix}-blind-index`;
  const checkpointKey = `${options.keyPrefix}-audit-checkpoint`;

  const readKey = async (name: string): Promise<KeyInfo> => {
    const info = await vault.request<KeyInfo>('GET', `keys/${name}`);
    if (!info) throw new Error(`Vault returned no description of transit key ${name}`);
    return info;
  };
  const expectType = async (name: string, type: string): Promise<KeyInfo> => {
    const info = await readKey(name);
    if (info.type !== type)
      throw new Error(`Vault transit key ${name} has type ${info.type}, expected ${type}`);
    return info;
  };
  const check = async () => {
    await expectType(blindIndexKey, 'aes256-gcm96');
    await expectType(checkpointKey, 'ed25519');
  };

  // Creating an existing transit key is a no-op in Vault and OpenBao, so start-up is idempotent.
  await vault.request('POST', `keys/${blindIndexKey}`, { type: 'aes256-gcm96' });
  await vault.request('POST', `keys/${checkpointKey}`, { type: 'ed25519' });
  await check();

  const provider: KeyProvider = {
    kind: 'vault',

    async generateDataKey(scope: string): Promise<NewDataKey> {
      const name = scopeKey(scope);
      await vault.request('POST', `keys/${name}`, { type: 'aes256-gcm96' });
      const data = await vault.request<{ plaintext: string; ciphertext: string }>(
        'POST',
        `datakey/plaintext/${name}`,
        {
          bits: 256,
        },
      );
      const wrapped = data?.ciphertext ?? '';
      return {
        plaintext: dataKeyBytes(data?.plaintext),
        wrapped,
        keyVersion: vaultValue(wrapped, 'wrapped data key').version,
      };
    },

    async unwrapDataKey(scope: string, key: WrappedDataKey): Promise<Buffer> {
      if (vaultValue(key.wrapped, 'wrapped data key').version !== key.keyVersion) {
        throw new Error('Wrapped data key does not match its key version');
      }
      const data = await missingKeyAs(
        vault.request<{ plaintext: string }>('POST', `decrypt/${scopeKey(scope)}`, {
          ciphertext: key.wrapped,
        }),
        () => {
          throw new DomainError('not_found', { detail: 'key destroyed' });
        },
      );
      return dataKeyBytes(data?.plaintext);
    },

    async rotateScope(scope: string): Promise<number> {
      const name = scopeKey(scope);
      await missingKeyAs(vault.request('POST', `keys/${name}/rotate`), () => {
        throw new DomainError('not_found', { detail: 'no key for this scope' });
      });
      return (await readKey(name)).latest_version;
    },

    async destroyScope(scope: string): Promise<void> {
      const name = scopeKey(scope);
      // Transit keys refuse deletion until deletion_allowed is set; an absent key is already destroyed.
      await missingKeyAs(
        vault.request('POST', `keys/${name}/config`, { deletion_allowed: true }),
        () => undefined,
      );
      await missingKeyAs(vault.request('DELETE', `keys/${name}`), () => undefined);
    },

    hasScope: (scope: string) =>
      missingKeyAs(
        vault.request('GET', `keys/${scopeKey(scope)}`).then(() => true),
        () => false,
      ),

    async blindIndexHmac(data: Buffer): Promise<Buffer> {
      const result = await vault.request<{ hmac: string }>('POST', `hmac/${blindIndexKey}/sha2-256`, {
        input: data.toString('base64'),
        key_version: PINNED_VERSION,
      });
      return vaultValue(result?.hmac, 'HMAC').bytes;
    },

    async signCheckpoint(message: Buffer): Promise<Buffer> {
      const result = await vault.request<{ signature: string }>('POST', `sign/${checkpointKey}`, {
        input: message.toString('base64'),
        key_version: PINNED_VERSION,
      });
      return vaultValue(result?.signature, 'signature').bytes;
    },

    async checkpointPublicKey(): Promise<Buffer> {
      const info = await expectType(checkpointKey, 'ed25519');
      const version = info.keys[String(PINNED_VERSION)] as { public_key?: string } | undefined;
      const publicKey = Buffer.from(version?.public_key ?? '', 'base64');
      if (publicKey.length !== 32)
        throw new Error(`Vault transit key ${checkpointKey} has no Ed25519 public key`);
      return publicKey;
    },

    check,
  };
  return provider;
}
