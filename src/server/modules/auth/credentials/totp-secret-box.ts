/**
 * TOTP secrets at rest (SPEC SEC-02: confidentiality at rest). Whoever reads a secret can
 * compute every future code of the account, so `user_credentials` keeps only an envelope
 * ciphertext (kernel/crypto/envelope.ts) whose data key is wrapped by the key provider: a copy
 * of the database alone yields no secret. The associated data binds the user, so a ciphertext
 * copied onto another account does not decrypt.
 */
import type { Tx } from '../../../db/database.js';
import type { Envelope, EnvelopeAad } from '../../../kernel/crypto/envelope.js';

/** A platform scope: credentials are not case content and are never crypto-shredded. */
export const CREDENTIALS_SCOPE = 'platform:credentials';
/** The version of this AAD layout; a secret is replaced, never versioned. */
const AAD_VERSION = 1;

const aad = (userId: string): EnvelopeAad => ({
  scope: CREDENTIALS_SCOPE,
  record: `totp-secret:${userId}`,
  version: AAD_VERSION,
});

export function createTotpSecretBox(envelope: Envelope) {
  return {
    /** The ciphertext to store for `userId`'s base32 secret. */
    seal: (tx: Tx, userId: string, secret: string): Promise<Buffer> =>
      envelope.encrypt(tx, aad(userId), secret),

    /** The base32 secret; throws when the ciphertext is not `userId`'s or was altered. */
    async open(tx: Tx, userId: string, sealed: Buffer): Promise<string> {
      return (await envelope.decrypt(tx, aad(userId), sealed)).toString('utf8');
    },
  };
}

export type TotpSecretBox = ReturnType<typeof createTotpSecretBox>;
