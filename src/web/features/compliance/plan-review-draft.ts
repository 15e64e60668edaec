/**
 * The plan review form's state and the body it sends (SPEC SEC-03). The areas are sent in the
 * order SEC-03 names them; a change is described only for a significant change, which the server
 * then requires; texts are trimmed, so that the server names an empty one.
 */
import {
  type RecordSecurityPlanReview,
  SECURITY_PLAN_AREAS,
  type SecurityPlanArea,
} from '../../../contracts/compliance.js';
import { todayInBrussels } from '../../i18n/format.js';

export type Occasion = RecordSecurityPlanReview['occasion'];

export interface PlanReviewDraft {
  planVersion: string;
  reviewedOn: string;
  occasion: Occasion;
  changeDescription: string;
  planReference: string;
  riskAssessmentReference: string;
  areas: SecurityPlanArea[];
}

export const PLAN_REVIEW_CONTROLS = [
  'planVersion',
  'reviewedOn',
  'occasion',
  'changeDescription',
  'planReference',
  'riskAssessmentReference',
  'areas',
] as const;

export const emptyPlanReview = (): PlanReviewDraft => ({
  planVersion: '',
  reviewedOn: todayInBrussels(),
  occasion: 'annual',
  changeDescription: '',
  planReference: '',
  riskAssessmentReference: '',
  areas: [],
});

/** The body: a change is described only for a significant change (the server refuses it otherwise). */
export function planReviewBody(draft: PlanReviewDraft): RecordSecurityPlanReview {
  const change = draft.changeDescription.trim();
  return {
    planVersion: draft.planVersion.trim(),
    reviewedOn: draft.reviewedOn,
    occasion: draft.occasion,
    ...(draft.occasion === 'significant_change' && change !== '' && { changeDescription: change }),
    planReference: draft.planReference.trim(),
    riskAssessmentReference: draft.riskAssessmentReference.trim(),
    areas: SECURITY_PLAN_AREAS.filter((area) => draft.areas.includes(area)),
  };
}
