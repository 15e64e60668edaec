import { createHash, randomUUID } from 'node:crypto';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  describeKeyProviderContract,
  expectDestroyed,
} from '../../../../test/support/key-provider-contract.js';
import { openFileKeyProvider } from './file-key-provider.js';

const roots: string[] = [];

function newKeysDirectory(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'concerto-keys-'));
  roots.push(root);
  return path.join(root, 'data', 'keys');
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function mode(file: string): number {
  return statSync(file).mode & 0o777;
}

describeKeyProviderContract('file', async () => {
  const directory = newKeysDirectory();
  return { first: await openFileKeyProvider(directory), second: await openFileKeyProvider(directory) };
});

describe('file key provider', () => {
  it('creates its keys on first start, private to the owner', async () => {
    const directory = newKeysDirectory();
    const keys = await openFileKeyProvider(directory);
    expect(keys.kind).toBe('file');
    expect(readdirSync(directory).sort()).toEqual([
      'blind-index.key',
      'checkpoint-signing.pem',
      'master.key',
      'scopes',
    ]);
    expect(readdirSync(path.dirname(directory))).toEqual(['keys']);
    expect(mode(directory)).toBe(0o700);
    expect(mode(path.join(directory, 'scopes'))).toBe(0o700);
    for (const file of ['blind-index.key', 'checkpoint-signing.pem', 'master.key']) {
      expect(mode(path.join(directory, file))).toBe(0o600);
    }
    expect(readFileSync(path.join(directory, 'checkpoint-signing.pem'), 'utf8')).toMatch(
      /^-----BEGIN PRIVATE KEY-----/,
    );
    expect(
      Buffer.from(readFileSync(path.join(directory, 'master.key'), 'utf8').trim(), 'base64'),
    ).toHaveLength(32);
  });

  it('fills an empty keys directory prepared by an operator', async () => {
    const directory = newKeysDirectory();
    mkdirSync(directory, { recursive: true, mode: 0o755 });
    const keys = await openFileKeyProvider(directory);
    expect(readdirSync(directory)).toHaveLength(4);
    expect(mode(directory)).toBe(0o700);
    await keys.check();
  });

  it('keeps one file per scope, named by the SHA-256 of the scope, holding no plaintext key', async () => {
    const directory = newKeysDirectory();
    const keys = await openFileKeyProvider(directory);
    const scope = randomUUID();
    const dataKey = await keys.generateDataKey(scope);
    await keys.rotateScope(scope);
    const file = path.join(directory, 'scopes', `${createHash('sha256').update(scope).digest('hex')}.json`);
    expect(readdirSync(path.join(directory, 'scopes'))).toEqual([path.basename(file)]);
    expect(mode(file)).toBe(0o600);
    const content = readFileSync(file, 'utf8');
    expect(JSON.parse(content).versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(content).not.toContain(scope);
    expect(content).not.toContain(dataKey.plaintext.toString('base64'));
  });

  it('keeps every key across a restart', async () => {
    const directory = newKeysDirectory();
    const before = await openFileKeyProvider(directory);
    const scope = randomUUID();
    const dataKey = await before.generateDataKey(scope);
    const mac = await before.blindIndexHmac(Buffer.from('x'));
    const publicKey = await before.checkpointPublicKey();
    const after = await openFileKeyProvider(directory);
    expect(await after.unwrapDataKey(scope, dataKey)).toEqual(dataKey.plaintext);
    expect(await after.blindIndexHmac(Buffer.from('x'))).toEqual(mac);
    expect(await after.checkpointPublicKey()).toEqual(publicKey);
  });

  it('refuses to start when a key file is readable by group or others', async () => {
    const directory = newKeysDirectory();
    await openFileKeyProvider(directory);
    const master = path.join(directory, 'master.key');
    chmodSync(master, 0o644);
    await expect(openFileKeyProvider(directory)).rejects.toThrow(`${master} has mode 0644, wider than 0600`);
    chmodSync(master, 0o600);
    await expect(openFileKeyProvider(directory)).resolves.toBeDefined();
  });

  it('refuses to start when the keys directory is open to others, and says how to fix it', async () => {
    const directory = newKeysDirectory();
    await openFileKeyProvider(directory);
    chmodSync(directory, 0o755);
    await expect(openFileKeyProvider(directory)).rejects.toThrow(
      `${directory} has mode 0755, wider than 0700; group and others must have no access (chmod 700 ${directory})`,
    );
  });

  it('refuses a scope file or scopes directory that group can access, at start and at use', async () => {
    const directory = newKeysDirectory();
    const keys = await openFileKeyProvider(directory);
    const scope = randomUUID();
    const dataKey = await keys.generateDataKey(scope);
    const scopes = path.join(directory, 'scopes');
    const file = path.join(scopes, readdirSync(scopes)[0]!);
    chmodSync(file, 0o640);
    await expect(keys.unwrapDataKey(scope, dataKey)).rejects.toThrow(`${file} has mode 0640`);
    await expect(openFileKeyProvider(directory)).rejects.toThrow(`${file} has mode 0640`);
    chmodSync(file, 0o600);
    chmodSync(scopes, 0o770);
    await expect(keys.check()).rejects.toThrow(`${scopes} has mode 0770`);
  });

  it('refuses a key file replaced by a symbolic link', async () => {
    const directory = newKeysDirectory();
    await openFileKeyProvider(directory);
    const blind = path.join(directory, 'blind-index.key');
    const elsewhere = path.join(path.dirname(directory), 'elsewhere.key');
    writeFileSync(elsewhere, readFileSync(blind), { mode: 0o600 });
    unlinkSync(blind);
    symlinkSync(elsewhere, blind);
    await expect(openFileKeyProvider(directory)).rejects.toThrow(`${blind} is not a plain file`);
  });

  it('refuses to start, never regenerates, when a key file is missing', async () => {
    const directory = newKeysDirectory();
    await openFileKeyProvider(directory);
    const master = path.join(directory, 'master.key');
    unlinkSync(master);
    await expect(openFileKeyProvider(directory)).rejects.toThrow(`Key file ${master} is missing`);
    expect(readdirSync(directory)).not.toContain('master.key');
  });

  it('starts once when two instances create the keys directory at the same time', async () => {
    const directory = newKeysDirectory();
    const [a, b] = await Promise.all([openFileKeyProvider(directory), openFileKeyProvider(directory)]);
    expect(await a.checkpointPublicKey()).toEqual(await b.checkpointPublicKey());
    const reopened = await openFileKeyProvider(directory);
    expect(await reopened.checkpointPublicKey()).toEqual(await a.checkpointPublicKey());
    expect(readdirSync(path.dirname(directory))).toEqual(['keys']);
  });

  it('loses no version when instances rotate the same scope concurrently', async () => {
    const directory = newKeysDirectory();
    const [a, b] = [await openFileKeyProvider(directory), await openFileKeyProvider(directory)];
    const scope = randomUUID();
    const first = await a.generateDataKey(scope);
    const versions = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).rotateScope(scope)),
    );
    expect([...versions].sort()).toEqual([2, 3, 4, 5, 6, 7]);
    const last = await b.generateDataKey(scope);
    expect(last.keyVersion).toBe(7);
    expect(await a.unwrapDataKey(scope, first)).toEqual(first.plaintext);
    expect(await a.unwrapDataKey(scope, last)).toEqual(last.plaintext);
  });

  it('shreds the scope file and any temporary copy a crash left behind', async () => {
    const directory = newKeysDirectory();
    const keys = await openFileKeyProvider(directory);
    const scope = randomUUID();
    const kept = randomUUID();
    const dataKey = await keys.generateDataKey(scope);
    await keys.generateDataKey(kept);
    const scopes = path.join(directory, 'scopes');
    const name = `${createHash('sha256').update(scope).digest('hex')}.json`;
    writeFileSync(path.join(scopes, `${name}.0123456789abcdef.tmp`), readFileSync(path.join(scopes, name)), {
      mode: 0o600,
    });
    await keys.destroyScope(scope);
    expect(readdirSync(scopes)).toEqual([`${createHash('sha256').update(kept).digest('hex')}.json`]);
    await expectDestroyed(keys.unwrapDataKey(scope, dataKey));
  });
});
