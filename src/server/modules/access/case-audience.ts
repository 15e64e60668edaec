/**
 * Who may see a case, as a pure function of the case (ARCHITECTURE §3.2). `access.decide`
 * applies it to one case; the `case_audience` rows that row-level security and list queries
 * read are written from it in the transaction that changes the case, so there is one rule.
 *
 * - compartment: the organisation that pre-registered the case keeps it in every state
 *   (bill art. 2 §3 1°; SPEC WFL-01). Before signalling nobody else sees it, except:
 * - reviewer: the organisation the creator asked to evaluate the draft, read-only, while it is
 *   under evaluation (SPEC WFL-02, ROL-13: the parquet reviewing a police file);
 * - organiser: from the signalling on (bill art. 2 §3 1°; SPEC WFL-04, ROL-03);
 * - participant: an organisation admitted to the case (bill art. 2 §3 2°; SPEC ROL-02),
 *   from the organiser's acceptance on, until its admission is revoked.
 */
import type { AudienceRelation, CaseState } from '../../db/schema.js';

export interface CaseFacts {
  id: string;
  state: CaseState;
  compartmentOrganisationId: string;
  reviewerOrganisationId: string | null;
  organiserOrganisationId: string;
  participants: readonly { organisationId: string; revoked: boolean }[];
}

export interface AudienceEntry {
  organisationId: string;
  relation: AudienceRelation;
}

export const REVIEW_STATES: readonly CaseState[] = ['under_evaluation'];
export const SIGNALLED_STATES: readonly CaseState[] = [
  'signalled',
  'accepted',
  'refused',
  'in_consultation',
  'follow_up',
  'closed',
];
export const PARTICIPATION_STATES: readonly CaseState[] = [
  'accepted',
  'in_consultation',
  'follow_up',
  'closed',
];

export function caseAudience(kase: CaseFacts): AudienceEntry[] {
  const audience: AudienceEntry[] = [
    { organisationId: kase.compartmentOrganisationId, relation: 'compartment' },
  ];
  if (kase.reviewerOrganisationId && REVIEW_STATES.includes(kase.state)) {
    audience.push({ organisationId: kase.reviewerOrganisationId, relation: 'reviewer' });
  }
  if (SIGNALLED_STATES.includes(kase.state)) {
    audience.push({ organisationId: kase.organiserOrganisationId, relation: 'organiser' });
  }
  if (PARTICIPATION_STATES.includes(kase.state)) {
    for (const participant of kase.participants) {
      if (!participant.revoked)
        audience.push({ organisationId: participant.organisationId, relation: 'participant' });
    }
  }
  return audience;
}
