/**
 * The review of a restriction (bill art. 7 al. 1 "nécessaire et proportionnée"; SPEC RGT-RST-07):
 * confirm with the next review date, narrow to fewer rights or items, or lift, always with the
 * reason. Only a narrowing names rights and items; a lift has no next review.
 */
import type { ReviewRestriction } from '../../../contracts/restrictions.js';
import type { RightCode } from './restriction-draft.js';

export interface ReviewDraft {
  decision: ReviewRestriction['decision'];
  reason: string;
  reviewOn: string;
  rights: RightCode[];
  itemIds: string[];
}

export const emptyReview = (current: {
  rights: readonly RightCode[];
  itemIds: readonly string[];
}): ReviewDraft => ({
  decision: 'confirm',
  reason: '',
  reviewOn: '',
  rights: [...current.rights],
  itemIds: [...current.itemIds],
});

/** The body: what the decision takes, and for a narrowing only what it changes. */
export function reviewBody(
  draft: ReviewDraft,
  current: { rights: readonly RightCode[]; itemIds: readonly string[] },
): ReviewRestriction {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x) => b.includes(x));
  const narrowRights = draft.decision === 'narrow' && !same(draft.rights, current.rights);
  const narrowItems = draft.decision === 'narrow' && !same(draft.itemIds, current.itemIds);
  return {
    decision: draft.decision,
    reason: draft.reason.trim(),
    ...(draft.decision !== 'lift' && draft.reviewOn !== '' && { reviewOn: draft.reviewOn }),
    // A narrowing that changes nothing still sends the rights: the server says to confirm instead.
    ...((narrowRights || (draft.decision === 'narrow' && !narrowItems)) && { rights: [...draft.rights] }),
    ...(narrowItems && { itemIds: [...draft.itemIds] }),
  };
}
