import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startVaultTransitServer } from '../../../../test/support/vault-transit-server.js';
import { loadConfig } from '../../config.js';
import { createKeyProvider } from './create-key-provider.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'concerto-provider-'));

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('createKeyProvider', () => {
  it('opens the file provider under <dataDir>/keys by default', async () => {
    const keys = await createKeyProvider(loadConfig({ CONCERTO_DATA_DIR: dataDir }));
    expect(keys.kind).toBe('file');
    expect(readdirSync(dataDir)).toEqual(['keys']);
    await keys.check();
  });

  it('opens the Vault transit provider when configured', async () => {
    const vault = await startVaultTransitServer({ token: 's.token' });
    try {
      const keys = await createKeyProvider(
        loadConfig({
          CONCERTO_DATA_DIR: dataDir,
          CONCERTO_KEY_PROVIDER: 'vault',
          VAULT_ADDR: vault.url,
          VAULT_TOKEN: 's.token',
          CONCERTO_VAULT_KEY_PREFIX: 'configured',
        }),
      );
      expect(keys.kind).toBe('vault');
      expect(vault.keyNames()).toEqual(['configured-audit-checkpoint', 'configured-blind-index']);
    } finally {
      await vault.close();
    }
  });
});
