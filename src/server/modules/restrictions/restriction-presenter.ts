/**
 * Restrictions in the contract's words (SPEC RGT-RST-02..06, RST-10): the grounds with their
 * FR/NL/EN labels from the glossary (enumerations.ts, never paraphrased) and both legal bases. The
 * justification and review reasons are decrypted with the case's cipher when the reader asks for
 * one restriction; lists carry them as null.
 */
import type { RestrictedRight, Restriction } from '../../../contracts/restrictions.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import { RESTRICTION_GROUNDS } from '../../kernel/legal-rules/index.js';
import { activeOn, reviewState } from './restriction-rules.js';
import type { RestrictionReviewRow, RestrictionRow } from './restrictions.repository.js';

/** The encrypted fields of a restriction, as `[record, version]` under the case's scope. */
export const RESTRICTION_FIELDS = {
  justification: (id: string) => [`restriction:${id}`, 1] as const,
  reason: (id: string, version: number) => [`restriction:${id}:review`, version] as const,
};

/** RST-10: art. 7 always; art. 14 of the Law of 30 July 2018 when the office cites it too. */
export function legalBasesOf(row: Pick<RestrictionRow, 'law_2018_art14'>): Restriction['legalBases'] {
  return [
    { code: 'bill_art7', citation: 'Bill DOC 56 0485/001, art. 7 al. 1' },
    ...(row.law_2018_art14
      ? [
          {
            code: 'law_2018_art14' as const,
            citation:
              'Law of 30 July 2018 on the protection of natural persons with regard to the processing of personal data, art. 14',
          },
        ]
      : []),
  ];
}

export function groundsOf(codes: readonly string[]): Restriction['grounds'] {
  return RESTRICTION_GROUNDS.filter((ground) => codes.includes(ground.code)).map((ground) => ({
    code: ground.code,
    rule: ground.rule,
    label: { ...ground.label },
  }));
}

export interface PresentContext {
  officeName: string;
  userNames: ReadonlyMap<string, string>;
  /** The items covered now (listed or the person's, never judicial ones). */
  coveredItems: readonly string[];
  reviews: readonly RestrictionReviewRow[];
  today: string;
  /** Present the justification and reasons (one restriction), or leave them out (lists). */
  cipher?: ScopeCipher;
}

const iso = (at: Date | string): string => new Date(at).toISOString();

export async function presentRestriction(row: RestrictionRow, context: PresentContext): Promise<Restriction> {
  const { cipher } = context;
  return {
    id: row.id,
    caseId: row.case_id,
    personId: row.person_id,
    office: { id: row.organisation_id, legalName: context.officeName },
    scope: row.scope,
    itemIds: [...context.coveredItems],
    rights: row.rights as RestrictedRight[],
    grounds: groundsOf(row.grounds),
    legalBases: legalBasesOf(row),
    justification: cipher
      ? await cipher.decryptText(...RESTRICTION_FIELDS.justification(row.id), row.justification)
      : null,
    startsOn: row.starts_on,
    reviewOn: row.review_on,
    endsOn: row.ends_on,
    active: activeOn(row, context.today),
    ...reviewState(row, context.today),
    liftedAt: row.lifted_at ? iso(row.lifted_at) : null,
    version: row.version,
    createdAt: iso(row.created_at),
    reviews: await Promise.all(
      context.reviews.map(async (review) => ({
        version: review.version,
        decision: review.decision,
        rights: review.rights,
        itemIds: review.item_ids,
        reviewOn: review.review_on,
        reason:
          cipher && review.reason
            ? await cipher.decryptText(...RESTRICTION_FIELDS.reason(row.id, review.version), review.reason)
            : null,
        decidedBy: context.userNames.get(review.decided_by) ?? '',
        decidedAt: iso(review.decided_at),
      })),
    ),
  };
}
