/**
 * Behaviour every KeyProvider must have (ARCHITECTURE §3.3), run against each implementation
 * by its own test file. `open` returns two providers on the same key storage (two app
 * instances, or one instance before and after a restart).
 */
import { createPublicKey, randomUUID, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyProvider } from '../../src/server/kernel/crypto/key-provider.js';
import { DomainError } from '../../src/server/kernel/errors.js';

export interface ProviderPair {
  first: KeyProvider;
  second: KeyProvider;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

export async function expectDestroyed(promise: Promise<unknown>): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('not_found');
}

function rawEd25519(publicKey: Buffer) {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') },
    format: 'jwk',
  });
}

export function describeKeyProviderContract(label: string, open: () => Promise<ProviderPair>): void {
  describe(`${label}: KeyProvider contract`, () => {
    it('generates 32-byte data keys that only the wrapped form carries, and unwraps them', async () => {
      const { first, second } = await open();
      const scope = randomUUID();
      expect(await first.hasScope(scope)).toBe(false);
      const one = await first.generateDataKey(scope);
      const two = await first.generateDataKey(scope);
      expect(one.plaintext).toHaveLength(32);
      expect(one.plaintext.equals(two.plaintext)).toBe(false);
      expect(one.keyVersion).toBe(1);
      expect(one.wrapped).not.toContain(one.plaintext.toString('base64'));
      expect(one.wrapped).not.toContain(one.plaintext.toString('hex'));
      expect(await first.hasScope(scope)).toBe(true);
      expect(await second.unwrapDataKey(scope, one)).toEqual(one.plaintext);
      expect(await first.unwrapDataKey(scope, two)).toEqual(two.plaintext);
    });

    it('refuses a wrapped key under another scope, altered, or with a wrong version', async () => {
      const { first } = await open();
      const scope = randomUUID();
      const other = randomUUID();
      const key = await first.generateDataKey(scope);
      await first.generateDataKey(other);
      await expect(first.unwrapDataKey(other, key)).rejects.toThrow();
      const last = key.wrapped.at(-3) === 'A' ? 'B' : 'A';
      const altered = `${key.wrapped.slice(0, -3)}${last}${key.wrapped.slice(-2)}`;
      await expect(first.unwrapDataKey(scope, { ...key, wrapped: altered })).rejects.toThrow();
      await expect(first.unwrapDataKey(scope, { ...key, keyVersion: 2 })).rejects.toThrow();
    });

    it('rotates: later data keys use the new version, earlier ones still unwrap', async () => {
      const { first, second } = await open();
      const scope = randomUUID();
      const before = await first.generateDataKey(scope);
      expect(await first.rotateScope(scope)).toBe(2);
      const after = await second.generateDataKey(scope);
      expect(after.keyVersion).toBe(2);
      expect(await second.unwrapDataKey(scope, before)).toEqual(before.plaintext);
      expect(await first.unwrapDataKey(scope, after)).toEqual(after.plaintext);
      expect(await second.rotateScope(scope)).toBe(3);
      await expectDestroyed(first.rotateScope(randomUUID()));
    });

    it('destroys a scope for ever: its wrapped keys never unwrap again, on any instance', async () => {
      const { first, second } = await open();
      const scope = randomUUID();
      const kept = randomUUID();
      const key = await first.generateDataKey(scope);
      await first.rotateScope(scope);
      const rotated = await first.generateDataKey(scope);
      const survivor = await first.generateDataKey(kept);
      await first.destroyScope(scope);
      expect(await second.hasScope(scope)).toBe(false);
      await expectDestroyed(second.unwrapDataKey(scope, key));
      await expectDestroyed(first.unwrapDataKey(scope, rotated));
      await first.destroyScope(scope);
      expect(await second.unwrapDataKey(kept, survivor)).toEqual(survivor.plaintext);
      // A scope created again under the same name is a new key: the old wrapped keys stay dead.
      await first.generateDataKey(scope);
      await expect(second.unwrapDataKey(scope, key)).rejects.toThrow();
    });

    it('creates a scope once when instances race for it', async () => {
      const { first, second } = await open();
      const scope = randomUUID();
      const keys = await Promise.all(
        Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? first : second).generateDataKey(scope)),
      );
      for (const key of keys) {
        expect(await first.unwrapDataKey(scope, key)).toEqual(key.plaintext);
        expect(await second.unwrapDataKey(scope, key)).toEqual(key.plaintext);
      }
    });

    it('computes a stable blind-index HMAC that depends on the input', async () => {
      const { first, second } = await open();
      const mac = await first.blindIndexHmac(Buffer.from('nrn:85073003328'));
      expect(mac).toHaveLength(32);
      expect(await second.blindIndexHmac(Buffer.from('nrn:85073003328'))).toEqual(mac);
      expect(await first.blindIndexHmac(Buffer.from('nrn:85073003329'))).not.toEqual(mac);
    });

    it('signs checkpoints with Ed25519 under a stable, exportable public key', async () => {
      const { first, second } = await open();
      const message = Buffer.from('concerto.local/audit\n42\nq83ZcWt3p4WBk8b0bGc6w0eC0oZ5aXf0w2rY8c1m0mU=\n');
      const publicKey = await first.checkpointPublicKey();
      expect(publicKey).toHaveLength(32);
      expect(await second.checkpointPublicKey()).toEqual(publicKey);
      const signature = await second.signCheckpoint(message);
      expect(signature).toHaveLength(64);
      expect(verify(null, message, rawEd25519(publicKey), signature)).toBe(true);
      expect(verify(null, Buffer.concat([message, Buffer.from('x')]), rawEd25519(publicKey), signature)).toBe(
        false,
      );
    });

    it('passes its health check', async () => {
      const { first } = await open();
      await expect(first.check()).resolves.toBeUndefined();
    });
  });
}
