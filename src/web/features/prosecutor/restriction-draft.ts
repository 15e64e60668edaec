/**
 * The restriction form's draft and the body it sends (bill art. 7; SPEC RGT-RST-01, RST-07,
 * RST-10): the person, what it covers (all the person's non-judicial items, or those chosen), the
 * rights restricted, one or more grounds, why it is necessary and proportionate, the optional
 * second basis (art. 14 of the Law of 30 July 2018) and the review date (empty: the latest the
 * legal rules allow, which the server sets).
 */
import type {
  CreateRestriction,
  RESTRICTED_RIGHTS,
  RESTRICTION_GROUND_CODES,
} from '../../../contracts/restrictions.js';

export type RightCode = (typeof RESTRICTED_RIGHTS)[number];
export type GroundCode = (typeof RESTRICTION_GROUND_CODES)[number];

export interface RestrictionDraft {
  caseId: string;
  personId: string;
  scope: 'person' | 'items';
  itemIds: string[];
  rights: RightCode[];
  grounds: GroundCode[];
  justification: string;
  law2018Art14: boolean;
  reviewOn: string;
}

export const emptyRestriction = (): RestrictionDraft => ({
  caseId: '',
  personId: '',
  scope: 'person',
  itemIds: [],
  rights: [],
  grounds: [],
  justification: '',
  law2018Art14: false,
  reviewOn: '',
});

/** The body paths the form cannot send without: the server would refuse them anyway. */
export function missingFields(draft: RestrictionDraft): string[] {
  return [
    draft.caseId === '' && 'caseId',
    draft.personId === '' && 'personId',
    draft.scope === 'items' && draft.itemIds.length === 0 && 'itemIds',
    draft.rights.length === 0 && 'rights',
    draft.grounds.length === 0 && 'grounds',
    draft.justification.trim() === '' && 'justification',
  ].filter((path): path is string => path !== false);
}

/** The request body: items only with the scope `items`, the review date only when chosen. */
export function restrictionBody(draft: RestrictionDraft): CreateRestriction {
  return {
    caseId: draft.caseId,
    personId: draft.personId,
    scope: draft.scope,
    ...(draft.scope === 'items' && { itemIds: [...draft.itemIds] }),
    rights: [...draft.rights],
    grounds: [...draft.grounds].sort(),
    justification: draft.justification.trim(),
    ...(draft.law2018Art14 && { law2018Art14: true }),
    ...(draft.reviewOn !== '' && { reviewOn: draft.reviewOn }),
  };
}
