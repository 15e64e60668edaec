/**
 * An Ed25519 checkpoint signer that lives in memory, for tests and benchmarks only: the
 * application signs through its KeyProvider, whose key survives restarts.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import type { CheckpointSigner } from './checkpoint.js';

export function createMemorySigner(): CheckpointSigner {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return {
    signCheckpoint: async (message) => sign(null, message, privateKey),
    checkpointPublicKey: async () => raw,
  };
}
