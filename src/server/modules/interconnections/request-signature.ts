/**
 * How a connected system proves, request by request, that it is the one registered (SPEC INT-02
 * mutual authentication; ADR 0017): it signs the request with its Ed25519 private key, which never
 * leaves it; Concerto keeps only the public key and its SHA-256 fingerprint, so nothing stored here
 * would let anyone send in its name. Concerto proves itself to the connected system by its TLS
 * server certificate. The signed content binds the method, the path, the moment, a nonce and the
 * body's SHA-256, so that no part can be changed or replayed.
 */
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import type { FieldIssue } from '../../kernel/errors.js';

/** The version tag of the signed content: a later scheme gets another tag. */
export const SIGNATURE_SCHEME = 'concerto-interconnection-v1';

export interface SignedParts {
  method: string;
  /** The request target as sent: path and query. */
  path: string;
  /** RFC 3339 UTC instant of signing. */
  timestamp: string;
  /** A fresh UUID per request. */
  nonce: string;
  /** The body's bytes, as sent. */
  body: string | Buffer;
}

/** The exact bytes the connected system signs. */
export function signedContent(parts: SignedParts): Buffer {
  const bodyHash = createHash('sha256').update(parts.body).digest('hex');
  return Buffer.from(
    [SIGNATURE_SCHEME, parts.method.toUpperCase(), parts.path, parts.timestamp, parts.nonce, bodyHash].join(
      '\n',
    ),
    'utf8',
  );
}

/** SHA256:<base64>, the usual way of showing a key's fingerprint (as OpenSSH does). */
export function keyFingerprint(der: Buffer): string {
  return `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
}

export type ParsedKey = { der: Buffer; fingerprint: string } | { issue: FieldIssue };

/** An Ed25519 public key in PEM (SubjectPublicKeyInfo); anything else is refused with its field. */
export function parsePublicKey(pem: string, field = '/body/publicKey'): ParsedKey {
  // createPublicKey would also take a private key and derive its public half: a private key
  // pasted here must be refused, not kept.
  if (!pem.trim().startsWith('-----BEGIN PUBLIC KEY-----')) {
    return { issue: { field, message: 'is not a PEM public key (SubjectPublicKeyInfo)' } };
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    return { issue: { field, message: 'is not a PEM public key (SubjectPublicKeyInfo)' } };
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    return {
      issue: { field, message: `must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'another kind'}` },
    };
  }
  const der = key.export({ format: 'der', type: 'spki' });
  return { der, fingerprint: keyFingerprint(der) };
}

/** Whether `signature` (base64) is the registered key's signature of `parts`. */
export function verifySignature(publicKeyDer: Buffer, parts: SignedParts, signature: string): boolean {
  if (!/^[A-Za-z0-9+/]{86}(?:==)?$/.test(signature)) return false;
  const key = createPublicKey({ key: publicKeyDer, format: 'der', type: 'spki' });
  return verify(null, signedContent(parts), key, Buffer.from(signature, 'base64'));
}
