/**
 * `decide(actor, action, resource)`: the one place that says who may do what (ARCHITECTURE
 * §3.2, SPEC SEC-06). Pure: every fact is loaded beforehand in the transaction. Deny by
 * default; a denial names its reason and whether the actor may know the resource exists
 * (ARCHITECTURE §3.7: a case outside your audience answers 404, not 403).
 */
import type { AudienceRelation } from '../../db/schema.js';
import { type ActorFacts, actingOrganisations, holdsCaseRole } from './actor-facts.js';
import { type CaseFacts, caseAudience } from './case-audience.js';
import { type CaseAction, CASE_ACTION_RULES, caseActionRefusal, type CaseActionRefusal } from './case-actions.js';
import {
  decideSupervisionRequest,
  SUPERVISION_DENY_RULES,
  type SupervisionDenyReason,
  type SupervisionRequest,
} from './supervision-decisions.js';
import {
  COMPLIANCE_DENY_RULES,
  type ComplianceDenyReason,
  type ComplianceRequest,
  decideComplianceRequest,
} from './compliance-decisions.js';
import {
  DECLARATION_DENY_RULES,
  type DeclarationDenyReason,
  type DeclarationRequest,
  decideDeclarationRequest,
} from './declaration-decisions.js';
import {
  decideProcessorRequest,
  PROCESSOR_DENY_RULES,
  type ProcessorDenyReason,
  type ProcessorRequest,
} from './processor-decisions.js';
import {
  DESTRUCTION_ORDER_DENY_RULES,
  type DestructionOrderDenyReason,
  type DestructionOrderRequest,
  decideDestructionOrder,
} from './destruction-order-decisions.js';
import {
  decidePenalEvidenceRequest,
  PENAL_EVIDENCE_DENY_RULES,
  type PenalEvidenceDenyReason,
  type PenalEvidenceRequest,
} from './penal-evidence-decisions.js';
import {
  decideRetention,
  RETENTION_DENY_RULES,
  type RetentionDenyReason,
  type RetentionRequest,
} from './retention-access.js';

export type DenyReason =
  | 'not_platform_operator'
  | 'no_case_role'
  | 'secrecy_undertaking_missing'
  | 'awareness_module_missing'
  | 'representation_expired'
  | 'compartment_sealed'
  | 'admission_revoked'
  | 'not_in_audience'
  | 'no_such_case'
  | 'no_such_framework'
  | 'no_such_consultation'
  | 'not_transfer_party'
  | 'not_requester'
  | 'not_dpo'
  | 'not_rights_desk'
  | 'not_part_controller'
  | 'not_part_answerer'
  | 'not_intake_desk'
  | 'justification_missing'
  | 'not_controller'
  | 'cross_case_search_not_granted'
  | 'not_transfer_register_keeper'
  | 'no_such_interconnection'
  | 'not_interconnection_owner'
  | ProcessorDenyReason
  | ComplianceDenyReason
  | DeclarationDenyReason
  | RetentionDenyReason
  | DestructionOrderDenyReason
  | SupervisionDenyReason
  | PenalEvidenceDenyReason
  | CaseActionRefusal;

export type Decision =
  | {
      allowed: true;
      relation: AudienceRelation | 'own_compartment' | 'platform' | 'acting_organisations' | 'framework_party';
      /** The organisation the actor acts for on this case (an authority, for a representative). */
      via?: string;
    }
  | { allowed: false; reason: DenyReason; answer: 'forbidden' | 'not_found' };

/** Who stands where on one part of a rights request (SPEC RGT-GEN-02, RGT-RST-09). */
export interface RightsPartFacts {
  controllerId: string;
  /** The office of the procureur du Roi, on the prosecutor's route (bill art. 7 al. 2). */
  officeId: string | null;
}

/**
 * What an act on a part needs: its controller (its data, bill art. 3 §1 al. 2), or the desk that
 * answers it (the office on the prosecutor's route).
 */
export type RightsPartNeed = 'controller' | 'answerer';

/** What the rules need to know of a framework (no content: a framework holds none). */
export interface FrameworkFacts {
  id: string;
  state: 'draft' | 'active';
  organiserOrganisationId: string | null;
  participantIds: readonly string[];
}

/** What the rules need to know of a consultation: its organiser and the facts of its agenda's cases. */
export interface ConsultationFacts {
  id: string;
  organiserOrganisationId: string;
  agenda: readonly CaseFacts[];
}

/** The controllers of a registered interconnection (SPEC INT-01): its owner and the other parties. */
export interface InterconnectionFacts {
  ownerId: string;
  partyIds: readonly string[];
}

/** The parties of an own-file transfer (bill art. 4): its requester and the controllers of its items. */
export interface TransferFacts {
  requesterOrganisationId: string;
  controllerIds: readonly string[];
}

export type Request =
  | { action: 'platform.administer' }
  | {
      action: 'transfer.view' | 'transfer.decide' | 'transfer.requester';
      kase: CaseFacts | undefined;
      transfer: TransferFacts | undefined;
    }
  | {
      action: 'consultation.view' | 'consultation.attend' | 'consultation.organise';
      consultation: ConsultationFacts | undefined;
    }
  | { action: 'framework.view'; framework: FrameworkFacts | undefined }
  | { action: 'case.create'; framework: FrameworkFacts | undefined }
  | { action: 'case.list' }
  | { action: 'person.search' }
  | { action: 'designation.manage' }
  | { action: 'transfer_register.manage' | 'transfer_deny_rules.view' }
  | { action: 'interconnection.view'; interconnection: InterconnectionFacts | undefined }
  | {
      action: 'interconnection.manage';
      /** The interconnection acted on (undefined: the id names none); absent to register one. */
      interconnection?: InterconnectionFacts | undefined;
      /** Retiring it is its owner's; approving and switching off are every party's. */
      need?: 'party' | 'owner';
    }
  | { action: 'information.keep' | 'information.review' }
  | { action: 'rights.desk' }
  | { action: 'rights.part'; need: RightsPartNeed; part: RightsPartFacts }
  | { action: 'rights.identity'; intakeId: string }
  | { action: 'notification.read' }
  // The processor registry and break-glass grants (processor-decisions.ts; SPEC PRC, SEC-12).
  | ProcessorRequest
  // The compliance evidence, dashboards and statistics (compliance-decisions.ts; SPEC SCO-08, SCO-12, SEC-03, SEC-04, PUR-03).
  | ComplianceRequest
  // The declarations of processing and their register (declaration-decisions.ts; SPEC DCL, SEC-13).
  | DeclarationRequest
  // The retention of cases: schedule, destruction lists, reviews, paper tasks (retention-access.ts; SPEC RET).
  | RetentionRequest
  // Court-ordered erasure and emergency destruction (destruction-order-decisions.ts; SPEC PEN-16, RET-09).
  | DestructionOrderRequest
  // The supervisory cases and the Commission's inspector (supervision-decisions.ts; SPEC SUP, PEN-14, PEN-22).
  | SupervisionRequest
  // The controller's penal evidence for arts 38-39 L1992 (penal-evidence-decisions.ts; SPEC PEN-01..10).
  | PenalEvidenceRequest
  | {
      action: CaseAction;
      kase: CaseFacts | undefined;
      /**
       * The organisation the actor must act for: the controller of the record changed (bill art. 3
       * §1 al. 2; SPEC ROL-09), or the assignee of an action.
       */
      owner?: string;
    };

export type Action = Request['action'];

/** The legal rule each denial applies, for problems and audit events. */
export const DENY_RULES: Record<DenyReason, string> = {
  not_platform_operator: 'ARCHITECTURE §3.6; bill art. 3 §1 al. 2',
  no_case_role: 'L2007 art. 16 §2 2° (need to know); bill art. 3 §1 al. 2 (the host is not a participant)',
  secrecy_undertaking_missing: 'CP art. 458ter §2 (SPEC ROL-07)',
  awareness_module_missing: 'L2007 art. 16 §2 3° (SPEC SEC-09)',
  representation_expired: 'bill art. 5 (SPEC ROL-04)',
  compartment_sealed: 'bill art. 2 §3 1° (SPEC WFL-01)',
  admission_revoked: 'bill art. 2 §3 2° (SPEC ROL-02)',
  not_in_audience: 'L2007 art. 16 §2 2° (SPEC SEC-06)',
  no_such_case: 'ARCHITECTURE §3.7',
  no_such_framework: 'CP art. 458ter §1 al. 3 (SPEC ROL-01)',
  no_such_consultation: 'ARCHITECTURE §3.7; SPEC WFL-09',
  not_transfer_party: 'bill art. 4 (SPEC FIL-05); ARCHITECTURE §3.7',
  not_requester: 'bill art. 4 al. 1 and al. 2 (SPEC FIL-05, FIL-06)',
  not_dpo: 'Law of 30 July 2018 arts 9 and 10 §2; L2007 art. 17bis (SPEC DAT-19, ROL-12)',
  not_rights_desk: 'L2007 arts 10 and 12; bill art. 7 al. 2 (SPEC RGT-GEN-01, ROL-12)',
  not_part_controller: 'bill art. 3 §1 al. 2 (SPEC RGT-GEN-02, ROL-09)',
  not_part_answerer: 'bill art. 3 §1 al. 2; art. 7 al. 2 (SPEC RGT-GEN-02, RGT-RST-09)',
  not_intake_desk: 'L2007 art. 10 §1 al. 1 (SPEC RGT-ACC-02)',
  justification_missing: 'L1992 art. 16 §1 1° and 4°; bill Comm. art. 3 (traceability, SPEC SEC-05)',
  not_controller: 'bill art. 3 §1 al. 2 (SPEC ROL-09, FIL-02)',
  cross_case_search_not_granted: 'L1992 art. 16 §1 4° (SPEC SEC-07)',
  ...PROCESSOR_DENY_RULES,
  ...COMPLIANCE_DENY_RULES,
  ...DECLARATION_DENY_RULES,
  ...RETENTION_DENY_RULES,
  ...DESTRUCTION_ORDER_DENY_RULES,
  ...SUPERVISION_DENY_RULES,
  ...PENAL_EVIDENCE_DENY_RULES,
  not_transfer_register_keeper: 'L2007 art. 17bis, arts 21-22 (SPEC ROL-12, TRF-01)',
  no_such_interconnection: 'L1992 art. 21 (SPEC INT-01); ARCHITECTURE §3.7',
  not_interconnection_owner: 'L1992 art. 21; bill art. 3 §1 al. 2 (SPEC INT-01)',
  // The action's own rule is cited instead (CASE_ACTION_RULES); these are the fallbacks.
  case_state: 'bill art. 2 §3 (SPEC WFL-01..13)',
  organiser_role_required: 'bill art. 2 §3 1° (SPEC ROL-03)',
  representative_not_allowed: 'bill art. 5 (SPEC ROL-04)',
};

/** The rule a denial of `request` cites: the case action's own rule when the action refused it. */
export function denyRule(request: Request, reason: DenyReason): string {
  const actionRule = (CASE_ACTION_RULES as Partial<Record<Action, { rule: string }>>)[request.action];
  const byAction: DenyReason[] = ['case_state', 'organiser_role_required', 'representative_not_allowed'];
  return actionRule && byAction.includes(reason) ? actionRule.rule : DENY_RULES[reason];
}

const desk = (organisationId: string): Decision => ({ allowed: true, relation: 'acting_organisations', via: organisationId });

const deny = (reason: DenyReason, answer: 'forbidden' | 'not_found'): Decision => ({
  allowed: false,
  reason,
  answer,
});

/** Platform administration is the operator's, and only the operator's (ARCHITECTURE §3.6). */
export function administersPlatform(actor: Pick<ActorFacts, 'roles'>): boolean {
  return actor.roles.includes('operator');
}

/** Why a case outside the actor's audience is hidden: the most specific fact wins. */
function hiddenReason(actor: ActorFacts, kase: CaseFacts, acting: readonly string[]): DenyReason {
  const revoked = kase.participants.some((p) => p.revoked && acting.includes(p.organisationId));
  if (revoked) return 'admission_revoked';
  if (
    kase.state === 'pre_registered' ||
    kase.state === 'under_evaluation' ||
    kase.state === 'not_signalled'
  ) {
    return 'compartment_sealed';
  }
  const audience = caseAudience(kase).map((entry) => entry.organisationId);
  if (actor.lapsedAuthorities.some((authority) => audience.includes(authority)))
    return 'representation_expired';
  return 'not_in_audience';
}

/** Gates that come before any case is looked at, so a refusal reveals nothing about one. */
function caseGate(actor: ActorFacts): Decision | undefined {
  if (!holdsCaseRole(actor) && actor.representedAuthorities.length === 0) {
    return deny(actor.lapsedAuthorities.length > 0 ? 'representation_expired' : 'no_case_role', 'forbidden');
  }
  if (!actor.secrecyAccepted) return deny('secrecy_undertaking_missing', 'forbidden');
  if (!actor.awarenessAcknowledged) return deny('awareness_module_missing', 'forbidden');
  return undefined;
}

/** Frameworks are seen by the operator, and by the parties of an active one (SPEC ROL-01). */
function frameworkParty(framework: FrameworkFacts | undefined, orgs: readonly string[]): boolean {
  if (framework?.state !== 'active') return false;
  return orgs.some((org) => org === framework.organiserOrganisationId || framework.participantIds.includes(org));
}

/**
 * SPEC WFL-09: a consultation is known to its organiser and to the parties of a case on its agenda;
 * only the organiser's members with the organiser role organise it (ROL-03).
 */
function decideConsultation(
  actor: ActorFacts,
  request: Extract<Request, { consultation: ConsultationFacts | undefined }>,
): Decision {
  const gate = caseGate(actor);
  if (gate) return gate.allowed || gate.reason !== 'no_case_role' ? gate : deny('no_case_role', 'not_found');
  const { consultation } = request;
  const acting = actingOrganisations(actor);
  const organises = consultation !== undefined && acting.includes(consultation.organiserOrganisationId);
  const party =
    organises ||
    (consultation?.agenda.some((kase) => caseAudience(kase).some((e) => acting.includes(e.organisationId))) ?? false);
  if (!consultation || !party) return deny('no_such_consultation', 'not_found');
  if (!actor.justified) return deny('justification_missing', 'forbidden');
  if (request.action !== 'consultation.organise') {
    return { allowed: true, relation: organises ? 'organiser' : 'participant' };
  }
  return organises && actor.organisationId === consultation.organiserOrganisationId && actor.roles.includes('organiser')
    ? { allowed: true, relation: 'organiser', via: consultation.organiserOrganisationId }
    : deny('organiser_role_required', 'forbidden');
}

/**
 * bill art. 4 (SPEC FIL-05): a transfer is known to its requester and to the controllers of its
 * items, each acting for its own organisation (the own file is no representative's business);
 * the controllers decide on their items, the requester attests and exports.
 */
function decideTransfer(
  actor: ActorFacts,
  request: Extract<Request, { transfer: TransferFacts | undefined }>,
): Decision {
  const seen = decideCaseAction(actor, { action: 'case.view', kase: request.kase });
  if (!seen.allowed) return seen;
  const { transfer } = request;
  const own = holdsCaseRole(actor) ? actor.organisationId : undefined;
  const requester = own !== undefined && transfer?.requesterOrganisationId === own;
  const controller = own !== undefined && (transfer?.controllerIds.includes(own) ?? false);
  if (!requester && !controller) return deny('not_transfer_party', 'not_found');
  if (request.action === 'transfer.decide' && !controller) return deny('not_controller', 'forbidden');
  if (request.action === 'transfer.requester' && !requester) return deny('not_requester', 'forbidden');
  return { allowed: true, relation: seen.relation, via: own };
}

function decideCaseAction(
  actor: ActorFacts,
  request: { action: CaseAction; kase: CaseFacts | undefined; owner?: string },
): Decision {
  const gate = caseGate(actor);
  // The operator and a DPO may not learn that a case exists (ARCHITECTURE §3.6–3.7).
  if (gate) return gate.allowed || gate.reason !== 'no_case_role' ? gate : deny('no_case_role', 'not_found');
  if (!request.kase) return deny('no_such_case', 'not_found');
  const acting = actingOrganisations(actor);
  const entries = caseAudience(request.kase).filter((e) => acting.includes(e.organisationId));
  if (entries.length === 0) return deny(hiddenReason(actor, request.kase, acting), 'not_found');
  const rule = CASE_ACTION_RULES[request.action];
  if (rule.justification && !actor.justified) return deny('justification_missing', 'forbidden');
  let refusal: DenyReason | undefined;
  for (const entry of entries) {
    if (request.owner !== undefined && entry.organisationId !== request.owner) {
      refusal ??= 'not_controller';
      continue;
    }
    // bill art. 5: without a case role of its own, a user acts only through its representation,
    // even for the authority it belongs to.
    const viaRepresentation = !holdsCaseRole(actor) || entry.organisationId !== actor.organisationId;
    const refused = caseActionRefusal(request.action, entry.relation, request.kase.state, {
      roles: actor.roles,
      viaRepresentation,
    });
    if (!refused) return { allowed: true, relation: entry.relation, via: entry.organisationId };
    refusal = refused;
  }
  // The actor is in the audience, so it knows the case: the refusal is a 403.
  return deny(refusal ?? 'not_in_audience', 'forbidden');
}

export function decide(actor: ActorFacts, request: Request): Decision {
  switch (request.action) {
    case 'platform.administer':
      return administersPlatform(actor)
        ? { allowed: true, relation: 'platform' }
        : deny('not_platform_operator', 'forbidden');
    case 'framework.view':
      if (administersPlatform(actor)) return { allowed: true, relation: 'platform' };
      return frameworkParty(request.framework, actingOrganisations(actor))
        ? { allowed: true, relation: 'framework_party' }
        : deny('no_such_framework', 'not_found');
    case 'case.create': {
      // A representative acts for an authority at consultations; pre-registering is the authority's own.
      if (!holdsCaseRole(actor)) return deny('no_case_role', 'forbidden');
      const gate = caseGate(actor);
      if (gate) return gate;
      // ROL-01: only an organisation the framework declares takes part in it.
      return frameworkParty(request.framework, [actor.organisationId])
        ? { allowed: true, relation: 'own_compartment', via: actor.organisationId }
        : deny('no_such_framework', 'not_found');
    }
    case 'case.list': {
      const gate = caseGate(actor);
      if (gate) return gate;
      return actor.justified
        ? { allowed: true, relation: 'acting_organisations' }
        : deny('justification_missing', 'forbidden');
    }
    case 'person.search': {
      const gate = caseGate(actor);
      if (gate) return gate;
      if (!actor.crossCaseSearch) return deny('cross_case_search_not_granted', 'forbidden');
      return actor.justified
        ? { allowed: true, relation: 'acting_organisations' }
        : deny('justification_missing', 'forbidden');
    }
    // DAT-19: the controller's designations are kept by its DPO, for its own staff only.
    // SPEC TRF-01 (L2007 arts 21-22): a controller's transfer register is kept by its DPO; the
    // deny-list of the royal decrees (TRF-03) binds every controller, so the operator keeps it
    // and the DPOs read it.
    case 'transfer_register.manage':
      return actor.roles.includes('dpo') ? desk(actor.organisationId) : deny('not_transfer_register_keeper', 'forbidden');
    case 'transfer_deny_rules.view':
      if (administersPlatform(actor)) return { allowed: true, relation: 'platform' };
      return decide(actor, { action: 'transfer_register.manage' });
    case 'designation.manage':
      return actor.roles.includes('dpo')
        ? { allowed: true, relation: 'acting_organisations', via: actor.organisationId }
        : deny('not_dpo', 'forbidden');
    // SPEC INT-01 (L1992 art. 21): the register of interconnections is its parties' to know (it
    // names no person); each controller's DPO registers, approves and switches off its side.
    case 'interconnection.view':
      return request.interconnection?.partyIds.includes(actor.organisationId)
        ? { allowed: true, relation: 'acting_organisations', via: actor.organisationId }
        : deny('no_such_interconnection', 'not_found');
    case 'interconnection.manage': {
      if (!actor.roles.includes('dpo')) return deny('not_dpo', 'forbidden');
      const { interconnection } = request;
      if (!('interconnection' in request)) return desk(actor.organisationId);
      if (!interconnection?.partyIds.includes(actor.organisationId))
        return deny('no_such_interconnection', 'not_found');
      if (request.need === 'owner' && interconnection.ownerId !== actor.organisationId) {
        return deny('not_interconnection_owner', 'forbidden');
      }
      return desk(actor.organisationId);
    }
    // SPEC RGT-GEN-01, ROL-12: a controller's DPO works its rights desk (a DPO has no case access,
    // only this); the prosecutor works the office's, for the requests bill art. 7 al. 2 sends there.
    // Both handle content covered by the secrecy of art. 458ter §2, so the same gate applies.
    case 'rights.desk': {
      if (!actor.roles.includes('dpo') && !actor.roles.includes('prosecutor')) return deny('not_rights_desk', 'forbidden');
      if (!actor.secrecyAccepted) return deny('secrecy_undertaking_missing', 'forbidden');
      return desk(actor.organisationId);
    }
    // L2007 art. 9 (SPEC RGT-INF): the controller's own members with a case role keep its
    // information obligations (a representative acts at consultations, not for the authority's
    // duties); its DPO also sees them and reviews the exemptions (RGT-INF-03, ROL-12).
    case 'information.keep': {
      if (!holdsCaseRole(actor)) return deny('no_case_role', 'forbidden');
      return caseGate(actor) ?? { allowed: true, relation: 'acting_organisations', via: actor.organisationId };
    }
    case 'information.review':
      return actor.roles.includes('dpo')
        ? { allowed: true, relation: 'acting_organisations', via: actor.organisationId }
        : decide(actor, { action: 'information.keep' });
    // The part a desk sees (row-level security showed it) is acted on by whom the law names.
    case 'rights.part': {
      const { part, need } = request;
      const own = actor.organisationId;
      if (need === 'controller') return own === part.controllerId ? desk(own) : deny('not_part_controller', 'forbidden');
      return own === (part.officeId ?? part.controllerId) ? desk(own) : deny('not_part_answerer', 'forbidden');
    }
    // SPEC RGT-ACC-02: the desk that received the request checks who sent it.
    case 'rights.identity':
      return actor.organisationId === request.intakeId ? desk(actor.organisationId) : deny('not_intake_desk', 'forbidden');
    // The processor registry and break-glass grants (L2007 art. 16 §1 and §3; processor-decisions.ts).
    case 'processor.list':
    case 'processor.create':
    case 'processor.view':
    case 'processor.edit':
    case 'processor.upload':
    case 'processor.approve':
    case 'processor.review':
    case 'break_glass.request':
    case 'break_glass.list':
    case 'break_glass.view':
    case 'break_glass.decide':
    case 'break_glass.close':
    case 'break_glass.read':
      return decideProcessorRequest(actor, request);
    // The compliance evidence, dashboards and statistics (compliance-decisions.ts).
    case 'compliance.instance':
    case 'compliance.controller':
    case 'compliance.designate_owner':
    case 'statistics.list':
    case 'statistics.read':
      return decideComplianceRequest(actor, request);
    // The declarations of processing and their register (declaration-decisions.ts).
    case 'declaration.manage':
    case 'declaration.keep':
      return decideDeclarationRequest(actor, request);
    // The retention of the cases an organisation keeps or controls records of (retention-access.ts).
    case 'retention.desk':
    case 'retention.list':
    case 'retention.approve':
    case 'retention.review':
    case 'retention.paper':
    case 'retention.override':
      return decideRetention(actor, request);
    // A court's erasure order and an emergency destruction (L1992 arts 41 §1, 45; destruction-order-decisions.ts).
    case 'destruction_order.record':
    case 'destruction_order.view':
    case 'destruction_order.execute':
    case 'emergency_authority.designate':
    case 'emergency_destruction.act':
      return decideDestructionOrder(actor, request);
    // The controller's supervisory cases and the Commission's inspector (L1992 arts 30-33; supervision-decisions.ts).
    case 'supervision.manage':
    case 'inspection.enter':
    case 'inspection.read':
      return decideSupervisionRequest(actor, request);
    // The controller's penal evidence, its DPO's (L1992 arts 38-39; penal-evidence-decisions.ts).
    case 'penal_evidence.read':
      return decidePenalEvidenceRequest(actor, request);
    // Notifications carry no content: every full session reads its organisation's.
    case 'notification.read':
      return { allowed: true, relation: 'acting_organisations' };
    case 'transfer.view':
    case 'transfer.decide':
    case 'transfer.requester':
      return decideTransfer(actor, request);
    case 'consultation.view':
    case 'consultation.attend':
    case 'consultation.organise':
      return decideConsultation(actor, request);
    default:
      return decideCaseAction(actor, request);
  }
}
