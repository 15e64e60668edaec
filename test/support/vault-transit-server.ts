/**
 * Test double of the Vault / OpenBao transit secrets engine: exactly the endpoints that
 * `vault-key-provider.ts` uses, with real AES-256-GCM, HMAC-SHA256 and Ed25519 behind them,
 * Vault's ciphertext format ("vault:v<n>:" + base64 of nonce ‖ ciphertext ‖ tag), Vault's
 * status codes and error wording, and the X-Vault-Token check.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
} from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

type KeyType = 'aes256-gcm96' | 'ed25519';

interface KeyVersion {
  aes: Buffer;
  hmac: Buffer;
  signing?: KeyObject;
  createdAt: number;
}

interface TransitKey {
  type: KeyType;
  deletionAllowed: boolean;
  versions: Map<number, KeyVersion>;
}

export interface VaultTransitServer {
  readonly url: string;
  readonly token: string;
  readonly mount: string;
  /** Names of the transit keys that currently exist. */
  keyNames(): string[];
  close(): Promise<void>;
}

class VaultReply extends Error {
  constructor(
    readonly status: number,
    readonly errors: string[] = [],
  ) {
    super(errors.join('; '));
  }
}

function newVersion(type: KeyType): KeyVersion {
  const version: KeyVersion = {
    aes: randomBytes(32),
    hmac: randomBytes(32),
    createdAt: Math.floor(Date.now() / 1000),
  };
  if (type === 'ed25519') version.signing = generateKeyPairSync('ed25519').privateKey;
  return version;
}

function latest(key: TransitKey): number {
  return Math.max(...key.versions.keys());
}

function pickVersion(key: TransitKey, requested: unknown): [number, KeyVersion] {
  const number = requested === undefined || requested === 0 ? latest(key) : Number(requested);
  const version = key.versions.get(number);
  if (!version) throw new VaultReply(400, ['invalid key version']);
  return [number, version];
}

function base64Input(body: Record<string, unknown>): Buffer {
  if (typeof body.input !== 'string') throw new VaultReply(400, ['missing input']);
  return Buffer.from(body.input, 'base64');
}

export async function startVaultTransitServer(options: {
  token: string;
  mount?: string;
}): Promise<VaultTransitServer> {
  const mount = options.mount ?? 'transit';
  const keys = new Map<string, TransitKey>();

  const existing = (name: string, missing: string): TransitKey => {
    const key = keys.get(name);
    if (!key) throw new VaultReply(400, [missing]);
    return key;
  };

  function handle(
    method: string,
    route: string,
    body: Record<string, unknown>,
  ): { status: number; data?: unknown } {
    const [resource, name, action, extra] = route.split('/');
    if (resource === 'keys' && name && action === undefined && method === 'POST') {
      const type = (body.type ?? 'aes256-gcm96') as KeyType;
      if (type !== 'aes256-gcm96' && type !== 'ed25519')
        throw new VaultReply(400, [`unknown key type ${type}`]);
      if (!keys.has(name))
        keys.set(name, { type, deletionAllowed: false, versions: new Map([[1, newVersion(type)]]) });
      return { status: 204 };
    }
    if (resource === 'keys' && name && action === undefined && method === 'GET') {
      const key = keys.get(name);
      if (!key) throw new VaultReply(404);
      const described: Record<string, unknown> = {};
      for (const [number, version] of key.versions) {
        described[number] =
          key.type === 'ed25519'
            ? {
                name: 'ed25519',
                creation_time: new Date(version.createdAt * 1000).toISOString(),
                public_key: Buffer.from(
                  createPublicKey(version.signing!).export({ format: 'jwk' }).x!,
                  'base64url',
                ).toString('base64'),
              }
            : version.createdAt;
      }
      return {
        status: 200,
        data: {
          name,
          type: key.type,
          latest_version: latest(key),
          deletion_allowed: key.deletionAllowed,
          keys: described,
        },
      };
    }
    if (resource === 'keys' && name && action === undefined && method === 'DELETE') {
      const key = existing(name, 'could not delete key; not found');
      if (!key.deletionAllowed)
        throw new VaultReply(400, [`error deleting policy ${name}: deletion is not allowed for this policy`]);
      keys.delete(name);
      return { status: 204 };
    }
    if (resource === 'keys' && name && action === 'rotate' && method === 'POST') {
      const key = existing(name, 'key not found');
      key.versions.set(latest(key) + 1, newVersion(key.type));
      return { status: 204 };
    }
    if (resource === 'keys' && name && action === 'config' && method === 'POST') {
      const key = existing(name, `no existing key named ${name} could be found`);
      if (typeof body.deletion_allowed === 'boolean') key.deletionAllowed = body.deletion_allowed;
      return { status: 204 };
    }
    if (resource === 'datakey' && name === 'plaintext' && action && method === 'POST') {
      const key = existing(action, 'encryption key not found');
      if (key.type !== 'aes256-gcm96') throw new VaultReply(400, ['key type does not support encryption']);
      const bits = body.bits ?? 256;
      if (bits !== 128 && bits !== 256 && bits !== 512) throw new VaultReply(400, ['invalid bit length']);
      const [number, version] = pickVersion(key, undefined);
      const plaintext = randomBytes(Number(bits) / 8);
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', version.aes, nonce);
      const sealed = Buffer.concat([nonce, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return {
        status: 200,
        data: {
          plaintext: plaintext.toString('base64'),
          ciphertext: `vault:v${number}:${sealed.toString('base64')}`,
          key_version: number,
        },
      };
    }
    if (resource === 'decrypt' && name && method === 'POST') {
      const key = existing(name, 'encryption key not found');
      const match = /^vault:v(\d+):(.+)$/.exec(String(body.ciphertext ?? ''));
      if (!match) throw new VaultReply(400, ['invalid ciphertext: no prefix']);
      const [, version] = pickVersion(key, Number(match[1]));
      const sealed = Buffer.from(match[2]!, 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', version.aes, sealed.subarray(0, 12));
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        const plaintext = Buffer.concat([
          decipher.update(sealed.subarray(12, sealed.length - 16)),
          decipher.final(),
        ]);
        return { status: 200, data: { plaintext: plaintext.toString('base64') } };
      } catch {
        throw new VaultReply(400, ['cipher: message authentication failed']);
      }
    }
    if (resource === 'hmac' && name && method === 'POST') {
      const key = existing(name, 'encryption key not found');
      if ((action ?? 'sha2-256') !== 'sha2-256' || extra !== undefined)
        throw new VaultReply(400, ['unsupported algorithm']);
      const [number, version] = pickVersion(key, body.key_version);
      const hmac = createHmac('sha256', version.hmac).update(base64Input(body)).digest('base64');
      return { status: 200, data: { hmac: `vault:v${number}:${hmac}` } };
    }
    if (resource === 'sign' && name && action === undefined && method === 'POST') {
      const key = existing(name, 'signing key not found');
      if (key.type !== 'ed25519')
        throw new VaultReply(400, [`key type ${key.type} does not support signing`]);
      const [number, version] = pickVersion(key, body.key_version);
      const signature = sign(null, base64Input(body), version.signing!).toString('base64');
      return { status: 200, data: { signature: `vault:v${number}:${signature}` } };
    }
    throw new VaultReply(404, [`unsupported path`]);
  }

  async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (text === '') return {};
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new VaultReply(400, ['failed to parse JSON input']);
    }
  }

  function reply(response: ServerResponse, status: number, payload?: unknown): void {
    response.writeHead(status, payload === undefined ? {} : { 'Content-Type': 'application/json' });
    response.end(payload === undefined ? undefined : JSON.stringify(payload));
  }

  const prefix = `/v1/${mount}/`;
  const server = createServer((request, response) => {
    void (async () => {
      try {
        if (request.headers['x-vault-token'] !== options.token)
          throw new VaultReply(403, ['permission denied']);
        const url = request.url ?? '';
        if (!url.startsWith(prefix)) throw new VaultReply(404, ['no handler for route']);
        const body = await readBody(request);
        const result = handle(request.method ?? 'GET', url.slice(prefix.length), body);
        reply(response, result.status, result.data === undefined ? undefined : { data: result.data });
      } catch (error) {
        if (error instanceof VaultReply) reply(response, error.status, { errors: error.errors });
        else reply(response, 500, { errors: [(error as Error).message] });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token: options.token,
    mount,
    keyNames: () => [...keys.keys()].sort(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
