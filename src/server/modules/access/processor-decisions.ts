/**
 * Who acts on the processor registry and on break-glass grants (L2007 art. 16 §1 and §3; SPEC
 * PRC-01..PRC-08, SEC-12), as pure rules over facts loaded in the transaction; `decide` applies
 * them. The controller chooses its processors, contracts with them, approves and reviews them:
 * its DPO keeps its registry. The host's staff (the operator role, processor staff by PRC-08)
 * propose and document the host's side. Content is read by the host's staff only under a grant
 * the controller's DPO approved, by its named grantee, within its window.
 */
import type { ActorFacts } from './actor-facts.js';

/** What the rules know of a processor record: whose it is, and whether it is the host's side. */
export interface ProcessorRecordFacts {
  controllerId: string;
  /** The host's record or a sub-processor of it: the operator proposes and documents these. */
  hostSide: boolean;
}

/** What the rules know of a break-glass grant (no content: a grant holds none). */
export interface BreakGlassFacts {
  controllerId: string;
  granteeUserId: string;
  decision: 'approved' | 'refused' | null;
  endedAt: Date | null;
  expiresAt: Date | null;
}

export type ProcessorRequest =
  | { action: 'processor.list' }
  | { action: 'processor.create'; controllerId: string; hostSide: boolean }
  | {
      action:
        | 'processor.view'
        | 'processor.edit'
        | 'processor.upload'
        | 'processor.approve'
        | 'processor.review';
      record: ProcessorRecordFacts | undefined;
    }
  | { action: 'break_glass.request' | 'break_glass.list' }
  | {
      action: 'break_glass.view' | 'break_glass.decide' | 'break_glass.close';
      grant: BreakGlassFacts | undefined;
    }
  | { action: 'break_glass.read'; grant: BreakGlassFacts | undefined; now: Date };

export type ProcessorDenyReason =
  | 'not_processor_party'
  | 'not_controller_dpo'
  | 'no_such_processor_record'
  | 'no_such_break_glass'
  | 'not_grantee'
  | 'instruction_missing'
  | 'break_glass_ended'
  | 'not_platform_operator'
  | 'secrecy_undertaking_missing';

export const PROCESSOR_DENY_RULES: Record<
  Exclude<ProcessorDenyReason, 'not_platform_operator' | 'secrecy_undertaking_missing'>,
  string
> = {
  not_processor_party:
    "L2007 art. 16 §1 and §3: the controller's DPO and the host's staff (SPEC PRC-01, SEC-12)",
  not_controller_dpo:
    'L2007 art. 16 §1 1°-2° and §3: the controller chooses, reviews and instructs its processor (SPEC PRC-01, PRC-02, PRC-06)',
  no_such_processor_record: 'L2007 art. 16 §1 (SPEC PRC-01); ARCHITECTURE §3.7',
  no_such_break_glass: 'L2007 art. 16 §3 (SPEC SEC-12); ARCHITECTURE §3.7',
  not_grantee: 'L2007 art. 16 §3: the grant names the one person it lets read (SPEC SEC-12)',
  instruction_missing:
    "L2007 art. 16 §3: the processor reads only on the controller's instruction (SPEC PRC-06, SEC-12)",
  break_glass_ended: 'L2007 art. 16 §3: the instruction is time-limited (SPEC SEC-12)',
};

export type ProcessorDecision =
  | { allowed: true; relation: 'platform' | 'acting_organisations'; via?: string }
  | { allowed: false; reason: ProcessorDenyReason; answer: 'forbidden' | 'not_found' };

const deny = (reason: ProcessorDenyReason, answer: 'forbidden' | 'not_found'): ProcessorDecision => ({
  allowed: false,
  reason,
  answer,
});
const platform: ProcessorDecision = { allowed: true, relation: 'platform' };
const controllerDesk = (organisationId: string): ProcessorDecision => ({
  allowed: true,
  relation: 'acting_organisations',
  via: organisationId,
});

const isOperator = (actor: ActorFacts) => actor.roles.includes('operator');
const isDpoOf = (actor: ActorFacts, organisationId: string) =>
  actor.roles.includes('dpo') && actor.organisationId === organisationId;

function decideRecord(
  actor: ActorFacts,
  action: 'processor.view' | 'processor.edit' | 'processor.upload' | 'processor.approve' | 'processor.review',
  record: ProcessorRecordFacts | undefined,
): ProcessorDecision {
  if (!isOperator(actor) && !actor.roles.includes('dpo')) return deny('not_processor_party', 'forbidden');
  if (record && isDpoOf(actor, record.controllerId)) return controllerDesk(actor.organisationId);
  // Another controller's registry, or a processor the controller chose itself, is not the host's to know.
  if (!record || !isOperator(actor) || !record.hostSide) return deny('no_such_processor_record', 'not_found');
  // art. 16 §1 1°-2°: choosing (approving) and checking (reviewing) are the controller's.
  return action === 'processor.approve' || action === 'processor.review'
    ? deny('not_controller_dpo', 'forbidden')
    : platform;
}

function decideGrant(
  actor: ActorFacts,
  action: 'break_glass.view' | 'break_glass.decide' | 'break_glass.close',
  grant: BreakGlassFacts | undefined,
): ProcessorDecision {
  if (!isOperator(actor) && !actor.roles.includes('dpo')) return deny('not_processor_party', 'forbidden');
  if (grant && isDpoOf(actor, grant.controllerId)) return controllerDesk(actor.organisationId);
  // The host's staff see the host's grants; a DPO sees only its controller's.
  if (!grant || !isOperator(actor)) return deny('no_such_break_glass', 'not_found');
  if (action === 'break_glass.decide') return deny('not_controller_dpo', 'forbidden');
  if (action === 'break_glass.close' && grant.granteeUserId !== actor.userId)
    return deny('not_grantee', 'forbidden');
  return platform;
}

/** art. 16 §3: the named grantee reads under an approved instruction, within its window, until it ends. */
function decideRead(actor: ActorFacts, grant: BreakGlassFacts | undefined, now: Date): ProcessorDecision {
  if (!isOperator(actor)) return deny('not_platform_operator', 'forbidden');
  // Whoever reads case content is bound by the secrecy of CP art. 458ter §2 (SPEC ROL-07).
  if (!actor.secrecyAccepted) return deny('secrecy_undertaking_missing', 'forbidden');
  if (!grant) return deny('no_such_break_glass', 'not_found');
  if (grant.granteeUserId !== actor.userId) return deny('not_grantee', 'forbidden');
  if (grant.decision !== 'approved') return deny('instruction_missing', 'forbidden');
  if (grant.endedAt !== null || grant.expiresAt === null || now.getTime() >= grant.expiresAt.getTime()) {
    return deny('break_glass_ended', 'forbidden');
  }
  return platform;
}

export function decideProcessorRequest(actor: ActorFacts, request: ProcessorRequest): ProcessorDecision {
  switch (request.action) {
    case 'processor.list':
    case 'break_glass.list':
      if (isOperator(actor)) return platform;
      return actor.roles.includes('dpo')
        ? controllerDesk(actor.organisationId)
        : deny('not_processor_party', 'forbidden');
    case 'processor.create':
      if (isDpoOf(actor, request.controllerId)) return controllerDesk(actor.organisationId);
      if (isOperator(actor)) return request.hostSide ? platform : deny('not_controller_dpo', 'forbidden');
      return deny(actor.roles.includes('dpo') ? 'not_controller_dpo' : 'not_processor_party', 'forbidden');
    case 'break_glass.request':
      return isOperator(actor) ? platform : deny('not_platform_operator', 'forbidden');
    case 'break_glass.view':
    case 'break_glass.decide':
    case 'break_glass.close':
      return decideGrant(actor, request.action, request.grant);
    case 'break_glass.read':
      return decideRead(actor, request.grant, request.now);
    default:
      return decideRecord(actor, request.action, request.record);
  }
}
