/**
 * Who may act on the retention of cases (SPEC RET-01..08, SCO-09; ADR 0016), as pure functions over
 * the actor's facts and the ids of what it acts on: `decide` dispatches the `retention.*` requests
 * here. A retention record holds ids, codes and dates, never content, and concerns the organisations
 * that keep a case or control records in it (bill art. 3 §1 al. 2): each reads its own, through the
 * "retention desk" of its own organisation, whether it is a DPO (who acts for no case, SPEC ROL-12)
 * or a member with a case role.
 */
import { type ActorFacts, holdsCaseRole } from './actor-facts.js';

/** Who keeps a case for its retention: the organiser's organisation, or the compartment's for a draft never signalled. */
export interface RetentionKeeper {
  organisationId: string;
  relation: 'organiser' | 'compartment';
}

/** What the rules need to know of a destruction list: its keeper and the controllers of its cases' records. */
export interface DestructionListFacts {
  keeper: RetentionKeeper;
  controllerIds: readonly string[];
}

export type RetentionRequest =
  | { action: 'retention.desk' }
  | { action: 'retention.list'; list: DestructionListFacts | undefined }
  | { action: 'retention.approve'; capacity: 'keeper' | 'dpo'; list: DestructionListFacts | undefined }
  | { action: 'retention.review'; keeper: RetentionKeeper | undefined }
  | { action: 'retention.paper'; holderId: string | undefined }
  /** RET-01: an override beyond 30 years of a case `organiserId` organises (undefined: none known). */
  | { action: 'retention.override'; organiserId: string | undefined };

export type RetentionDenyReason =
  | 'not_retention_desk'
  | 'no_such_retention_record'
  | 'not_keeper'
  | 'not_controller_dpo'
  | 'not_holder'
  | 'not_organiser_dpo';

export const RETENTION_DENY_RULES: Record<RetentionDenyReason, string> = {
  not_retention_desk: 'bill art. 3 §1 al. 2; Law of 30 July 2018 art. 65 (SPEC ROL-12, RET-01)',
  no_such_retention_record: 'ARCHITECTURE §3.7; bill art. 3 §1 al. 2',
  not_keeper:
    'bill art. 2 §3 1° and 4° (SPEC ROL-03, RET-01: the keeper of the case approves its destruction)',
  not_controller_dpo:
    'L2007 art. 16 §4; bill art. 3 §1 al. 2 (SPEC RET-01: the DPO of each controller approves)',
  not_holder: 'bill art. 3 §1 al. 2; L2007 art. 3 §1 (SPEC SCO-09, FIL-02: the holder of the paper confirms)',
  not_organiser_dpo:
    'bill art. 2 §3 4° in fine (SPEC RET-01: the DPO of the controller keeping the shared file approves a maximum beyond 30 years)',
};

type RetentionDecision =
  | { allowed: true; relation: 'acting_organisations'; via: string }
  | {
      allowed: false;
      reason: RetentionDenyReason | 'secrecy_undertaking_missing';
      answer: 'forbidden' | 'not_found';
    };

const allow = (organisationId: string): RetentionDecision => ({
  allowed: true,
  relation: 'acting_organisations',
  via: organisationId,
});
const deny = (
  reason: RetentionDenyReason | 'secrecy_undertaking_missing',
  answer: 'forbidden' | 'not_found',
): RetentionDecision => ({ allowed: false, reason, answer });

/** A keeper's member acts for it: the organiser role for a signalled case (ROL-03), any case role for a draft. */
function actsAsKeeper(actor: Pick<ActorFacts, 'organisationId' | 'roles'>, keeper: RetentionKeeper): boolean {
  if (actor.organisationId !== keeper.organisationId) return false;
  return keeper.relation === 'organiser' ? actor.roles.includes('organiser') : holdsCaseRole(actor);
}

const concerns = (list: DestructionListFacts, organisationId: string): boolean =>
  list.keeper.organisationId === organisationId || list.controllerIds.includes(organisationId);

export function decideRetention(actor: ActorFacts, request: RetentionRequest): RetentionDecision {
  // A DPO, or a member with a case role (not a representative: the retention of its authority's
  // records is the authority's own business, bill art. 5), bound by the secrecy of art. 458ter §2.
  if (!actor.roles.includes('dpo') && !holdsCaseRole(actor)) return deny('not_retention_desk', 'forbidden');
  if (!actor.secrecyAccepted) return deny('secrecy_undertaking_missing', 'forbidden');
  const own = actor.organisationId;
  switch (request.action) {
    case 'retention.desk':
      return allow(own);
    case 'retention.list':
      return request.list && concerns(request.list, own)
        ? allow(own)
        : deny('no_such_retention_record', 'not_found');
    case 'retention.approve': {
      const { list } = request;
      if (!list || !concerns(list, own)) return deny('no_such_retention_record', 'not_found');
      if (request.capacity === 'keeper')
        return actsAsKeeper(actor, list.keeper) ? allow(own) : deny('not_keeper', 'forbidden');
      return actor.roles.includes('dpo') && list.controllerIds.includes(own)
        ? allow(own)
        : deny('not_controller_dpo', 'forbidden');
    }
    case 'retention.review': {
      const { keeper } = request;
      if (!keeper || keeper.organisationId !== own) return deny('no_such_retention_record', 'not_found');
      return actsAsKeeper(actor, keeper) ? allow(own) : deny('not_keeper', 'forbidden');
    }
    case 'retention.paper':
      if (request.holderId !== own) return deny('no_such_retention_record', 'not_found');
      return holdsCaseRole(actor) ? allow(own) : deny('not_holder', 'forbidden');
    // RET-01: the DPO of the organiser's organisation, the controller that keeps the shared file.
    case 'retention.override':
      if (request.organiserId !== own) return deny('no_such_retention_record', 'not_found');
      return actor.roles.includes('dpo') ? allow(own) : deny('not_organiser_dpo', 'forbidden');
  }
}
