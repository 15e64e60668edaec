import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeKeyProviderContract } from '../../../../test/support/key-provider-contract.js';
import {
  startVaultTransitServer,
  type VaultTransitServer,
} from '../../../../test/support/vault-transit-server.js';
import { openVaultKeyProvider } from './vault-key-provider.js';

const TOKEN = 'hvs.test-token-that-must-never-leak';
let vault: VaultTransitServer;

beforeAll(async () => {
  vault = await startVaultTransitServer({ token: TOKEN, mount: 'concerto-transit' });
});

afterAll(async () => {
  await vault.close();
});

function options(overrides: { token?: string; keyPrefix?: string; addr?: string } = {}) {
  return { addr: vault.url, token: TOKEN, mount: vault.mount, keyPrefix: 'concerto', ...overrides };
}

async function transit(method: string, route: string, body?: object): Promise<Response> {
  return fetch(`${vault.url}/v1/${vault.mount}/${route}`, {
    method,
    headers: { 'X-Vault-Token': TOKEN },
    body: body ? JSON.stringify(body) : undefined,
  });
}

describeKeyProviderContract('vault', async () => {
  const keyPrefix = `c${randomUUID().slice(0, 8)}`;
  return {
    first: await openVaultKeyProvider(options({ keyPrefix })),
    second: await openVaultKeyProvider(options({ keyPrefix })),
  };
});

describe('vault key provider', () => {
  it('creates its fixed keys at start and one transit key per scope, named by the SHA-256 of the scope', async () => {
    const keys = await openVaultKeyProvider(options({ keyPrefix: 'naming' }));
    expect(keys.kind).toBe('vault');
    const scope = randomUUID();
    const scopeKey = `naming-scope-${createHash('sha256').update(scope).digest('hex')}`;
    const dataKey = await keys.generateDataKey(scope);
    expect(dataKey.wrapped).toMatch(/^vault:v1:/);
    const names = vault.keyNames().filter((name) => name.startsWith('naming-'));
    expect(names).toEqual(['naming-audit-checkpoint', 'naming-blind-index', scopeKey]);
    await keys.destroyScope(scope);
    expect(vault.keyNames()).not.toContain(scopeKey);
  });

  it('keeps blind indexes and the checkpoint key stable when an operator rotates them in Vault', async () => {
    const keys = await openVaultKeyProvider(options({ keyPrefix: 'pinned' }));
    const mac = await keys.blindIndexHmac(Buffer.from('name-dob:elodie d hondt|1985-07-30'));
    const publicKey = await keys.checkpointPublicKey();
    expect((await transit('POST', 'keys/pinned-blind-index/rotate')).status).toBe(204);
    expect((await transit('POST', 'keys/pinned-audit-checkpoint/rotate')).status).toBe(204);
    expect(await keys.blindIndexHmac(Buffer.from('name-dob:elodie d hondt|1985-07-30'))).toEqual(mac);
    expect(await keys.checkpointPublicKey()).toEqual(publicKey);
  });

  it('refuses to start on a fixed key of the wrong type', async () => {
    expect((await transit('POST', 'keys/typed-audit-checkpoint', { type: 'aes256-gcm96' })).status).toBe(204);
    await expect(openVaultKeyProvider(options({ keyPrefix: 'typed' }))).rejects.toThrow(
      'Vault transit key typed-audit-checkpoint has type aes256-gcm96, expected ed25519',
    );
  });

  it('reports a refused token clearly, without ever echoing it', async () => {
    const secret = 'hvs.wrong-token-secret';
    const error = await openVaultKeyProvider(options({ token: secret })).then(
      () => new Error('expected a refusal'),
      (reason: unknown) => reason as Error,
    );
    expect(error.message).toContain('HTTP 403: permission denied');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(TOKEN);
  });

  it('reports an unreachable Vault clearly', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(openVaultKeyProvider(options({ addr: `http://127.0.0.1:${port}` }))).rejects.toThrow(
      `Vault at http://127.0.0.1:${port} is unreachable`,
    );
  });
});
