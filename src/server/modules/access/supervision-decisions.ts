/**
 * Who deals with the supervisory authority for a controller, and what the Commission's inspector
 * reads (L1992 arts 30-33; SPEC SUP-01..SUP-05, PEN-14, PEN-22), as pure rules over facts loaded
 * in the transaction; `decide` applies them.
 *
 * - A controller's DPO keeps its supervisory cases, records the Commission's instructions and
 *   grants inspector accounts: the DPO is the controller's contact with the Commission (L2007 art.
 *   17bis; SPEC ROL-12). A DPO of another controller is refused on its role, as for the other DPO
 *   desks (the records it asks for are not its controller's: row-level security shows none).
 * - An inspector reads the compliance records of the controller that granted the account, within
 *   the period only (judged here with the clock's `now`), after acknowledging the confidentiality
 *   duty of L1992 art. 33 (SPEC PEN-22). Nothing else: the account holds no case role, so every
 *   case rule refuses it.
 */
import { INSPECTOR_ROLE } from '../../../contracts/identity.js';
import type { ActorFacts } from './actor-facts.js';

/** What the rules know of an inspector's grant (no content: a grant holds none). */
export interface InspectorGrantFacts {
  controllerId: string;
  inspectorUserId: string;
  validUntil: Date;
  revokedAt: Date | null;
  noticeAcknowledged: boolean;
}

export type SupervisionRequest =
  | { action: 'supervision.manage' }
  | { action: 'inspection.enter' | 'inspection.read'; grant: InspectorGrantFacts | undefined; now: Date };

export type SupervisionDenyReason =
  | 'not_inspector'
  | 'inspection_ended'
  | 'confidentiality_notice_unacknowledged';

export const SUPERVISION_DENY_RULES: Record<SupervisionDenyReason, string> = {
  not_inspector:
    'L1992 art. 32 §1: an inspector of the Commission, on an account the controller granted (SPEC SUP-03)',
  inspection_ended: 'L1992 art. 32 §1: the inspector account is time-limited (SPEC SUP-03)',
  confidentiality_notice_unacknowledged:
    'L1992 art. 33 and art. 37: the confidentiality duty is shown before anything is read (SPEC PEN-22)',
};

export type SupervisionDecision =
  | { allowed: true; relation: 'acting_organisations'; via: string }
  | { allowed: false; reason: SupervisionDenyReason | 'not_dpo'; answer: 'forbidden' | 'not_found' };

const deny = (reason: SupervisionDenyReason | 'not_dpo'): SupervisionDecision => ({
  allowed: false,
  reason,
  answer: 'forbidden',
});

/** The account is an inspector's (SUP-03): it holds that role alone. */
export const isInspector = (actor: Pick<ActorFacts, 'roles'>): boolean =>
  actor.roles.includes(INSPECTOR_ROLE);

/** The grant lets its inspector in at `now`: not revoked, and its period has not ended. */
export const grantRunning = (grant: InspectorGrantFacts, now: Date): boolean =>
  grant.revokedAt === null && now.getTime() < grant.validUntil.getTime();

export function decideSupervisionRequest(
  actor: ActorFacts,
  request: SupervisionRequest,
): SupervisionDecision {
  if (request.action === 'supervision.manage') {
    return actor.roles.includes('dpo')
      ? { allowed: true, relation: 'acting_organisations', via: actor.organisationId }
      : deny('not_dpo');
  }
  if (!isInspector(actor)) return deny('not_inspector');
  const { grant, now } = request;
  // An inspector's own grant only; another's is no grant of this account.
  if (!grant || grant.inspectorUserId !== actor.userId || grant.controllerId !== actor.organisationId) {
    return deny('not_inspector');
  }
  if (!grantRunning(grant, now)) return deny('inspection_ended');
  if (request.action === 'inspection.read' && !grant.noticeAcknowledged) {
    return deny('confidentiality_notice_unacknowledged');
  }
  return { allowed: true, relation: 'acting_organisations', via: grant.controllerId };
}
