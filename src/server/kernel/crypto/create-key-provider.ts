/**
 * Chooses the key provider from the configuration (CONCERTO_KEY_PROVIDER): the file provider
 * under `<dataDir>/keys` for the embedded default, the Vault/OpenBao transit engine for
 * production (ARCHITECTURE §3.3).
 */
import path from 'node:path';
import type { Config } from '../../config.js';
import { openFileKeyProvider } from './file-key-provider.js';
import type { KeyProvider } from './key-provider.js';
import { openVaultKeyProvider } from './vault-key-provider.js';

export async function createKeyProvider(config: Config): Promise<KeyProvider> {
  if (config.keyProvider === 'file') return openFileKeyProvider(path.join(config.dataDir, 'keys'));
  if (!config.vault) throw new Error('CONCERTO_KEY_PROVIDER=vault needs VAULT_ADDR and VAULT_TOKEN');
  return openVaultKeyProvider(config.vault);
}
