import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePublicKey, type SignedParts, signedContent, verifySignature } from './request-signature.js';

const parts: SignedParts = {
  method: 'POST',
  path: '/api/interconnections/0b9e2f9c-54a8-4a5e-9f39-9d1b3c7d2e11/deliveries',
  timestamp: '2026-03-02T09:00:00.000Z',
  nonce: '3f1d6a8e-7c2b-4c0e-9a51-2f7d8e9b0c14',
  body: '{"reference":"PZ Gent 2026/0001"}',
};

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const parsed = parsePublicKey(publicKey.export({ format: 'pem', type: 'spki' }).toString());
  if ('issue' in parsed) throw new Error(parsed.issue.message);
  return { der: parsed.der, fingerprint: parsed.fingerprint, privateKey };
}

describe('signed requests of a connected system (SPEC INT-02, ADR 0017)', () => {
  it('INT-02 verifies the registered key’s signature of method, path, moment, nonce and body, and nothing else', () => {
    const { der, privateKey } = keyPair();
    const signature = sign(null, signedContent(parts), privateKey).toString('base64');
    expect(verifySignature(der, parts, signature)).toBe(true);
    for (const changed of [
      { method: 'PUT' },
      { path: parts.path.replace('deliveries', 'other') },
      { timestamp: '2026-03-02T09:00:01.000Z' },
      { nonce: '3f1d6a8e-7c2b-4c0e-9a51-2f7d8e9b0c15' },
      { body: '{"reference":"PZ Gent 2026/0002"}' },
    ]) {
      expect(verifySignature(der, { ...parts, ...changed }, signature)).toBe(false);
    }
    // Another key's signature, or no signature at all.
    const other = keyPair();
    expect(
      verifySignature(der, parts, sign(null, signedContent(parts), other.privateKey).toString('base64')),
    ).toBe(false);
    expect(verifySignature(der, parts, 'not-a-signature')).toBe(false);
  });

  it('INT-02 registers Ed25519 public keys only, each with its SHA-256 fingerprint', () => {
    const { fingerprint } = keyPair();
    expect(fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .publicKey.export({ format: 'pem', type: 'spki' })
      .toString();
    expect(parsePublicKey(rsa)).toEqual({
      issue: { field: '/body/publicKey', message: 'must be an Ed25519 key, not rsa' },
    });
    expect(parsePublicKey('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toEqual({
      issue: { field: '/body/publicKey', message: 'is not a PEM public key (SubjectPublicKeyInfo)' },
    });
    // A private key is never what is registered.
    const privatePem = generateKeyPairSync('ed25519')
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(parsePublicKey(privatePem)).toEqual({
      issue: { field: '/body/publicKey', message: 'is not a PEM public key (SubjectPublicKeyInfo)' },
    });
  });
});
