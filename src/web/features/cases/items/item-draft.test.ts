import { describe, expect, it } from 'vitest';
import {
  asksLawCitation,
  EMPTY_ITEM,
  exceptionGrounds,
  type ItemDraft,
  itemBody,
  needsException,
  offersCriminalRelated,
  offersRevelations,
} from './item-draft.js';

const draft = (overrides: Partial<ItemDraft>): ItemDraft => ({
  ...EMPTY_ITEM,
  personIds: ['subject'],
  content: 'Is aangesloten bij een ziekenfonds.',
  provenanceReference: 'Sociaal verslag 2026/31',
  missionConfirmed: true,
  ...overrides,
});

describe('the information form (DAT-23, DAT-31)', () => {
  it('DAT-23 declaring a mutual-health-fund membership asks for the exception of art. 6 §2 and sends it', () => {
    const ordinary = draft({ category: 'C06' });
    expect(needsException(ordinary)).toBe(false);
    expect(itemBody(ordinary)).not.toHaveProperty('revealsSensitive');
    expect(itemBody(ordinary)).not.toHaveProperty('special');

    const declared = draft({ category: 'C06', revealsSensitive: ['mutual_fund_membership'], specialGround: 'l', specialJustification: 'Nodig.' });
    expect(needsException(declared)).toBe(true);
    expect(exceptionGrounds(declared.category, false)).toEqual({ letters: [...'abcdefghijkl'], article: '6' });
    expect(itemBody(declared)).toMatchObject({
      revealsSensitive: ['mutual_fund_membership'],
      special: { ground: 'l', justification: 'Nodig.' },
    });
  });

  it('DAT-23 offers the declaration where the ground is one of art. 6, and keeps a made one in sight', () => {
    expect(['C01', 'C06', 'C11', 'C13', 'C16'].every((category) => offersRevelations(draft({ category: category as ItemDraft['category'] })))).toBe(true);
    expect(offersRevelations(draft({ category: 'C09' }))).toBe(false);
    expect(offersRevelations(draft({ category: 'C10' }))).toBe(false);
    expect(offersRevelations(draft({ category: 'C16', geneticOrBiometric: true }))).toBe(false);
    expect(offersRevelations(draft({ category: 'C10', revealsSensitive: ['religious_activities'] }))).toBe(true);
    // Genetic or biometric data keep the exceptions of art. 7 (as before).
    expect(exceptionGrounds('C16', true).article).toBe('7');
  });

  it('DAT-31 sends the judicial-data tags with a category-9 item only', () => {
    const tags: ItemDraft['judicialDataTags'] = ['suspected_offences', 'conditional_release'];
    const judicial = draft({ category: 'C09', judicialSubtype: 'judicial', sourceReference: 'PV 1', judicialDataTags: tags });
    expect(itemBody(judicial).details).toEqual({ judicialSubtype: 'judicial', sourceReference: 'PV 1', judicialDataTags: tags });
    expect(itemBody(draft({ category: 'C09', judicialSubtype: 'judicial' })).details).toEqual({ judicialSubtype: 'judicial' });
    expect(itemBody(draft({ category: 'C11', judicialDataTags: tags })).details).toBeUndefined();
  });

  it('DAT-29 a criminal-related risk or behaviour item asks for the exception of art. 8 and sends the flag; other categories never do', () => {
    expect(['C11', 'C14'].every((category) => offersCriminalRelated(category as ItemDraft['category']))).toBe(true);
    expect(['C06', 'C09', 'C10', 'C16'].some((category) => offersCriminalRelated(category as ItemDraft['category']))).toBe(false);
    const ordinary = draft({ category: 'C11', relevance: 'Nodig.' });
    expect(needsException(ordinary)).toBe(false);
    expect(itemBody(ordinary)).not.toHaveProperty('criminalRelated');
    expect(itemBody(ordinary)).not.toHaveProperty('special');

    const flagged = draft({ category: 'C14', relevance: 'Nodig.', criminalRelated: true, specialGround: 'b', specialJustification: 'Nodig.', lawCitation: 'Decreet jeugdhulp, art. 3' });
    expect(needsException(flagged)).toBe(true);
    expect(exceptionGrounds('C14', false, true)).toEqual({ letters: [...'abcde'], article: '8' });
    expect(asksLawCitation(flagged)).toBe(true);
    expect(offersRevelations(flagged)).toBe(false);
    expect(itemBody(flagged)).toMatchObject({
      criminalRelated: true,
      special: { ground: 'b', justification: 'Nodig.', lawCitation: 'Decreet jeugdhulp, art. 3' },
    });
    // Moving the draft to another category drops the flag and its exception.
    const moved = { ...flagged, category: 'C06' as const };
    expect(needsException(moved)).toBe(false);
    expect(itemBody(moved)).not.toHaveProperty('criminalRelated');
    expect(asksLawCitation(moved)).toBe(false);
  });
});
