/** The restriction form's body (bill art. 7; SPEC RGT-RST-01, RST-07, RST-10). */
import { describe, expect, it } from 'vitest';
import { emptyRestriction, missingFields, restrictionBody } from './restriction-draft.js';

const draft = {
  ...emptyRestriction(),
  caseId: 'case-1',
  personId: 'person-1',
  rights: ['deletion' as const],
  grounds: ['R5' as const, 'R2' as const],
  justification: '  Le réseau de l’intéressé fait l’objet d’une enquête pénale en cours.  ',
};

describe('the restriction form', () => {
  it('RGT-RST-01 RGT-RST-10 sends the items only for a selection, the grounds in order, the second basis and the review date only when chosen', () => {
    expect(restrictionBody({ ...draft, itemIds: ['item-1'] })).toEqual({
      caseId: 'case-1',
      personId: 'person-1',
      scope: 'person',
      rights: ['deletion'],
      grounds: ['R2', 'R5'],
      justification: 'Le réseau de l’intéressé fait l’objet d’une enquête pénale en cours.',
    });
    expect(
      restrictionBody({
        ...draft,
        scope: 'items',
        itemIds: ['item-1'],
        law2018Art14: true,
        reviewOn: '2027-06-01',
      }),
    ).toMatchObject({ scope: 'items', itemIds: ['item-1'], law2018Art14: true, reviewOn: '2027-06-01' });
  });

  it('RGT-RST-01 RGT-RST-07 names what is missing before sending: the person, the items chosen, a right, a ground, the justification', () => {
    expect(missingFields(emptyRestriction())).toEqual([
      'caseId',
      'personId',
      'rights',
      'grounds',
      'justification',
    ]);
    expect(missingFields({ ...draft, scope: 'items' })).toEqual(['itemIds']);
    expect(missingFields({ ...draft, justification: '   ' })).toEqual(['justification']);
    expect(missingFields(draft)).toEqual([]);
  });
});
