/**
 * Case rows in the contract's words, decrypted with the case's cipher. Only what the reader may
 * see reaches here; special-category content is replaced by a placeholder for a reader who was
 * not designated for it (SPEC DAT-19).
 */
import type { Identity, Person } from '../../../contracts/persons.js';
import type { PersonPriorNotice } from '../../../contracts/prior-notices.js';
import type { Attachment, Item, ItemDetails, SensitiveRevelation } from '../../../contracts/items.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import { maskNrn } from '../../kernel/crypto/normalise.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { contentVisible, type DesignationScope, requiredDesignations } from '../access/record-visibility.js';
import { FIELDS } from './case-fields.js';
import { type ReviewReader, reviewsOf } from './item-review-rules.js';
import type { AttachmentMeta, ItemRow, LinkedItemRow, LinkedPersonRow, PersonRow } from './records.repository.js';

/** What an item's ciphertext holds: everything but the columns the rules read. */
export interface ItemPayload {
  content: string;
  details: ItemDetails | null;
  special: {
    ground: string;
    justification: string;
    lawCitation?: string;
    consentReference?: string;
    /** SPEC DAT-22, PEN-07: who collected the written consent, and in what circumstances. */
    consentCollectedBy?: string;
    consentContext?: string;
  } | null;
  relevance: string | null;
  sourceReference: string | null;
  secretOfInvestigation: { authorityReference: string } | null;
  judicial: { reference: string } | null;
}

export const isoOf = (at: Date | string): string => new Date(at).toISOString();

/** Whole years from the date of birth to today in Brussels (SPEC DAT-04). */
export function ageOn(birthDate: string | undefined, now: Date): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = brusselsDateOf(now).split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export async function readIdentity(cipher: ScopeCipher, row: PersonRow): Promise<Identity> {
  return JSON.parse(await cipher.decryptText(...FIELDS.identity(row.id, row.version), row.identity)) as Identity;
}

export async function presentPersons(
  cipher: ScopeCipher,
  rows: readonly LinkedPersonRow[],
  names: ReadonlyMap<string, string>,
  now: Date,
  /** SPEC DAT-32: the reader's organisation's prior written notice to each person. */
  priorNotice: (personId: string) => PersonPriorNotice,
): Promise<Person[]> {
  return Promise.all(
    rows.map(async (row) => {
      const identity = await readIdentity(cipher, row);
      return {
        id: row.id,
        role: row.role,
        subjectIds: row.subject_ids,
        controller: { id: row.controller_organisation_id, legalName: names.get(row.controller_organisation_id) ?? '' },
        shared: row.shared,
        identity: {
          surname: identity.surname,
          firstNames: identity.firstNames,
          birthDate: identity.birthDate ?? null,
          birthPlace: identity.birthPlace ?? null,
          address: identity.address ?? null,
          // SPEC DAT-01: masked by default; the full number only through an audited reveal.
          nationalRegisterNumber: identity.nationalRegisterNumber ? maskNrn(identity.nationalRegisterNumber) : null,
        },
        age: ageOn(identity.birthDate, now),
        necessity: row.necessity ? await cipher.decryptText(...FIELDS.necessity(row.id), row.necessity) : null,
        priorNotice: priorNotice(row.id),
        version: row.version,
        createdAt: isoOf(row.created_at),
      };
    }),
  );
}

export function itemRequires(
  row: Pick<ItemRow, 'category' | 'genetic_biometric' | 'reveals_sensitive' | 'criminal_related'>,
): DesignationScope[] {
  return requiredDesignations(row.category as CategoryCode, row.genetic_biometric, revealedBy(row), row.criminal_related);
}

/** SPEC DAT-23: what the item reveals of L1992 art. 6 al. 1 (the column's check keeps it to the list). */
export const revealedBy = (row: Pick<ItemRow, 'reveals_sensitive'>): SensitiveRevelation[] =>
  row.reveals_sensitive as SensitiveRevelation[];

export async function readItemPayload(cipher: ScopeCipher, row: ItemRow): Promise<ItemPayload> {
  return JSON.parse(await cipher.decryptText(...FIELDS.item(row.id, row.version), row.payload!)) as ItemPayload;
}

export async function presentItems(
  cipher: ScopeCipher,
  rows: readonly LinkedItemRow[],
  context: {
    attachments: readonly AttachmentMeta[];
    organisationNames: ReadonlyMap<string, string>;
    userNames: ReadonlyMap<string, string>;
    designations: readonly DesignationScope[];
    /** SPEC SEC-11: who reads, for the controller's own review reminders and erasure reviews. */
    reviews: ReviewReader;
    /** SPEC RGT-CON-02: the contested items among `rows` (modules/contested `contestedState`). */
    contested: ReadonlyMap<string, NonNullable<Item['contested']>>;
  },
): Promise<Item[]> {
  return Promise.all(
    rows.map(async (row) => {
      const requires = itemRequires(row);
      const restricted = !contentVisible(context.designations, { requires });
      // A blocked item is shown to nobody (SPEC DAT-22, SEC-11): its shell says why.
      const payload = row.payload && !restricted && !row.blocked_at ? await readItemPayload(cipher, row) : null;
      const attachments: Attachment[] = restricted || row.blocked_at
        ? []
        : await Promise.all(
            context.attachments
              .filter((a) => a.item_id === row.id)
              .map(async (a) => ({
                id: a.id,
                filename: await cipher.decryptText(...FIELDS.attachmentName(a.id), a.filename),
                mediaType: a.media_type,
                sizeBytes: a.size_bytes,
                sha256: a.sha256,
                createdAt: isoOf(a.created_at),
              })),
          );
      return {
        id: row.id,
        category: row.category as CategoryCode,
        controller: { id: row.controller_organisation_id, legalName: context.organisationNames.get(row.controller_organisation_id) ?? '' },
        shared: row.shared,
        phase: row.phase,
        provenance:
          row.provenance === 'collected_following_consultation'
            ? { kind: 'collected_following_consultation' as const, consultationId: row.consultation_id! }
            : { kind: 'already_held' as const, sourceReference: payload?.sourceReference ?? null },
        personIds: row.person_ids,
        special: requires.length > 0,
        restricted,
        erased: row.erased_at !== null,
        blocked: row.blocked_reason && row.blocked_at ? { reason: row.blocked_reason, at: isoOf(row.blocked_at) } : null,
        contested: context.contested.get(row.id) ?? null,
        lastVerifiedAt: row.last_verified_at ? isoOf(row.last_verified_at) : null,
        ...reviewsOf(row, context.reviews),
        content: payload?.content ?? null,
        details: payload?.details ?? null,
        specialGround: payload?.special
          ? {
              ground: payload.special.ground,
              justification: payload.special.justification,
              lawCitation: payload.special.lawCitation ?? null,
              consentReference: payload.special.consentReference ?? null,
              consentCollectedBy: payload.special.consentCollectedBy ?? null,
              consentContext: payload.special.consentContext ?? null,
            }
          : null,
        relevance: payload?.relevance ?? null,
        geneticOrBiometric: row.genetic_biometric,
        revealsSensitive: revealedBy(row),
        secretOfInvestigation: payload?.secretOfInvestigation ?? null,
        judicial: payload?.judicial ?? null,
        policeMission: row.police_mission,
        criminalRelated: row.criminal_related,
        annotatesItemId: row.annotates_item_id,
        version: row.version,
        author: context.userNames.get(row.created_by) ?? '',
        createdAt: isoOf(row.created_at),
        updatedAt: isoOf(row.updated_at),
        missionConfirmedAt: isoOf(row.mission_confirmed_at),
        attachments,
      };
    }),
  );
}
