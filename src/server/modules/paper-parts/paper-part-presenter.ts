/**
 * Paper parts in the contract's words, decrypted with the case's cipher (ARCHITECTURE §3.3). The
 * associated data names the paper part and its version, so a ciphertext moved elsewhere does not
 * decrypt. A reader not designated for a special category the paper holds sees where it is and
 * who keeps it, never its description or index (SPEC DAT-19).
 */
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { PaperLocation, PaperPart } from '../../../contracts/paper-parts.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import { contentVisible, type DesignationScope, requiredDesignations } from '../access/record-visibility.js';
import type { LinkedPaperPartRow } from './paper-parts.repository.js';

/** The encrypted fields of a paper part, as `[record, version]` for `ScopeCipher`. */
export const PAPER_FIELDS = {
  content: (id: string, version: number) => [`paper_part:${id}`, version] as const,
  custody: (id: string, version: number) => [`paper_part:${id}:custody`, version] as const,
  reason: (id: string, version: number) => [`paper_part:${id}:reason`, version] as const,
  destruction: (id: string) => [`paper_part:${id}:destruction`, 1] as const,
};

export interface PaperContent {
  description: string;
  contentIndex: string;
}

export interface PaperCustody {
  location: PaperLocation;
  custodianFunction: string | null;
}

/** The designations the content index needs: every special category the paper holds. */
export function paperRequires(categories: readonly string[]): DesignationScope[] {
  return [
    ...new Set(categories.flatMap((category) => requiredDesignations(category as CategoryCode, false))),
  ];
}

export interface PresentContext {
  cipher: ScopeCipher;
  organisationNames: ReadonlyMap<string, string>;
  userNames: ReadonlyMap<string, string>;
  designations: readonly DesignationScope[];
  /** What the reader may do to this paper part now. */
  actionsOf(row: LinkedPaperPartRow): PaperPart['allowedActions'];
}

const iso = (at: Date | string): string => new Date(at).toISOString();

export async function presentPaperPart(row: LinkedPaperPartRow, context: PresentContext): Promise<PaperPart> {
  const { cipher, userNames } = context;
  const restricted = !contentVisible(context.designations, { requires: paperRequires(row.categories) });
  const content = restricted
    ? null
    : (JSON.parse(
        await cipher.decryptText(...PAPER_FIELDS.content(row.id, row.version), row.content),
      ) as PaperContent);
  const custody = JSON.parse(
    await cipher.decryptText(...PAPER_FIELDS.custody(row.id, row.version), row.custody),
  ) as PaperCustody;
  return {
    id: row.id,
    holder: {
      id: row.controller_organisation_id,
      legalName: context.organisationNames.get(row.controller_organisation_id) ?? '',
    },
    shared: row.shared,
    categories: row.categories as CategoryCode[],
    personIds: row.person_ids,
    pageCount: row.page_count,
    restricted,
    description: content?.description ?? null,
    contentIndex: content?.contentIndex ?? null,
    location: custody.location,
    custodian: {
      user: row.custodian_user_id
        ? { id: row.custodian_user_id, displayName: userNames.get(row.custodian_user_id) ?? '' }
        : null,
      function: custody.custodianFunction,
    },
    version: row.version,
    registeredBy: userNames.get(row.registered_by) ?? '',
    registeredAt: iso(row.registered_at),
    updatedAt: iso(row.updated_at),
    // The migration's checks keep the destruction's columns all set or all null.
    destruction:
      row.destroyed_on === null
        ? null
        : {
            destroyedOn: row.destroyed_on,
            confirmedBy: userNames.get(row.destruction_confirmed_by!) ?? '',
            confirmedAt: iso(row.destruction_confirmed_at!),
            reason: await cipher.decryptText(...PAPER_FIELDS.destruction(row.id), row.destruction_reason!),
          },
    allowedActions: context.actionsOf(row),
  };
}

/** The users a paper part names: who registered it, its custodian, who confirmed its destruction. */
export const usersNamedBy = (rows: readonly LinkedPaperPartRow[]): string[] =>
  rows.flatMap((row) =>
    [row.registered_by, row.custodian_user_id, row.destruction_confirmed_by].filter(
      (id): id is string => id !== null,
    ),
  );
