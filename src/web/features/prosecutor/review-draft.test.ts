/** The review of a restriction (SPEC RGT-RST-07): confirm, narrow or lift, with the reason. */
import { describe, expect, it } from 'vitest';
import { emptyReview, reviewBody } from './review-draft.js';

const current = { rights: ['information' as const, 'deletion' as const], itemIds: ['item-1', 'item-2'] };
const reason = '  L’enquête pénale se poursuit: la limitation reste nécessaire et proportionnée.  ';

describe('the review of a restriction', () => {
  it('RGT-RST-07 a confirmation sends the reason and the next review date when chosen; a lift sends no review date', () => {
    expect(reviewBody({ ...emptyReview(current), reason, reviewOn: '2027-06-01' }, current)).toEqual({
      decision: 'confirm',
      reason: reason.trim(),
      reviewOn: '2027-06-01',
    });
    expect(
      reviewBody({ ...emptyReview(current), decision: 'lift', reason, reviewOn: '2027-06-01' }, current),
    ).toEqual({ decision: 'lift', reason: reason.trim() });
  });

  it('RGT-RST-07 a narrowing sends only what it changes: the rights kept or the items kept', () => {
    const narrow = { ...emptyReview(current), decision: 'narrow' as const, reason };
    expect(reviewBody({ ...narrow, rights: ['deletion'] }, current)).toEqual({
      decision: 'narrow',
      reason: reason.trim(),
      rights: ['deletion'],
    });
    expect(reviewBody({ ...narrow, itemIds: ['item-2'] }, current)).toEqual({
      decision: 'narrow',
      reason: reason.trim(),
      itemIds: ['item-2'],
    });
    // Nothing changed: the rights go, and the server answers that this is a confirmation.
    expect(reviewBody(narrow, current)).toMatchObject({ rights: ['information', 'deletion'] });
  });
});
