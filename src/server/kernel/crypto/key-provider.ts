/**
 * Where Concerto's key-encryption keys live (ARCHITECTURE §3.3).
 *
 * The provider holds one key-encryption key per scope (a case). Data keys are generated
 * by the provider, wrapped under the scope's key, and only the wrapped form is stored in
 * PostgreSQL. Destroying the scope key in the provider (`destroyScope`) is what makes
 * crypto-shredding reach database backups too: a restored backup still holds the wrapped
 * data keys, but nothing can unwrap them any more.
 *
 * Implementations: `file-key-provider.ts` (embedded default, keys under the data
 * directory) and `vault-key-provider.ts` (Vault/OpenBao transit engine).
 */
export interface WrappedDataKey {
  /** Opaque ciphertext of the data key, as produced by the provider. */
  readonly wrapped: string;
  /** Version of the scope key that wrapped it (for rotation). */
  readonly keyVersion: number;
}

export interface NewDataKey extends WrappedDataKey {
  /** 32 random bytes for AES-256-GCM; keep in memory only. */
  readonly plaintext: Buffer;
}

export interface KeyProvider {
  readonly kind: 'file' | 'vault';
  /** Creates (if absent) the key-encryption key of a scope and returns a fresh data key. */
  generateDataKey(scope: string): Promise<NewDataKey>;
  /** Unwraps a data key; throws DomainError('not_found') when the scope was destroyed. */
  unwrapDataKey(scope: string, key: WrappedDataKey): Promise<Buffer>;
  /** Rotates the scope's key-encryption key; later data keys use the new version. */
  rotateScope(scope: string): Promise<number>;
  /** Destroys the scope's key-encryption key for ever (crypto-shredding). */
  destroyScope(scope: string): Promise<void>;
  /** Whether the scope still has a key (false after destroyScope). */
  hasScope(scope: string): Promise<boolean>;
  /** HMAC-SHA256 under the blind-index key (never exported). */
  blindIndexHmac(data: Buffer): Promise<Buffer>;
  /** Ed25519 signature by the audit-checkpoint signing key. */
  signCheckpoint(message: Buffer): Promise<Buffer>;
  /** Raw 32-byte Ed25519 public key of the audit-checkpoint signing key. */
  checkpointPublicKey(): Promise<Buffer>;
  /** Health check for /readyz and `concerto doctor`. */
  check(): Promise<void>;
}
