/**
 * Legal holds in the contract's words, the measure and the release's reason decrypted with the
 * case's cipher (ARCHITECTURE §3.3). The associated data names the hold, so a ciphertext moved to
 * another hold does not decrypt.
 */
import type { LegalHold } from '../../../contracts/legal-holds.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import type { LegalHoldRow } from './legal-holds.repository.js';

/** The encrypted fields of a hold, as `[record, version]` for `ScopeCipher`. */
export const HOLD_FIELDS = {
  reason: (id: string) => [`legal_hold:${id}`, 1] as const,
  release: (id: string) => [`legal_hold:${id}:release`, 1] as const,
};

export interface PresentContext {
  cipher: ScopeCipher;
  organisationNames: ReadonlyMap<string, string>;
  userNames: ReadonlyMap<string, string>;
  /** What the reader may do to this hold now. */
  actionsOf(row: LegalHoldRow): LegalHold['allowedActions'];
}

const iso = (at: Date | string): string => new Date(at).toISOString();

export async function presentLegalHold(row: LegalHoldRow, context: PresentContext): Promise<LegalHold> {
  const { cipher, userNames } = context;
  return {
    id: row.id,
    scope: row.scope,
    personId: row.person_id,
    itemId: row.item_id,
    placedFor: {
      id: row.organisation_id,
      legalName: context.organisationNames.get(row.organisation_id) ?? '',
    },
    courtOrderReference: row.court_order_reference,
    issuer: row.issuer,
    reason: await cipher.decryptText(...HOLD_FIELDS.reason(row.id), row.reason),
    placedBy: userNames.get(row.placed_by) ?? '',
    placedAt: iso(row.placed_at),
    // The migration's checks keep the release's columns all set or all null.
    release:
      row.released_at === null
        ? null
        : {
            releasedBy: userNames.get(row.released_by!) ?? '',
            releasedAt: iso(row.released_at),
            reason: await cipher.decryptText(...HOLD_FIELDS.release(row.id), row.release_reason!),
          },
    allowedActions: context.actionsOf(row),
  };
}

/** The users a hold names: who placed it and who released it. */
export const usersNamedBy = (rows: readonly LegalHoldRow[]): string[] =>
  rows.flatMap((row) => [row.placed_by, row.released_by].filter((id): id is string => id !== null));
