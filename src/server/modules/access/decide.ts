/**
 * `decide(actor, action, resource)`: the one place that says who may do what (ARCHITECTURE
 * §3.2, SPEC SEC-06). Pure: every fact is loaded beforehand in the transaction. Deny by
 * default; a denial names its reason and whether the actor may know the resource exists
 * (ARCHITECTURE §3.7: a case outside your audience answers 404, not 403).
 */
import type { AudienceRelation } from '../../db/schema.js';
import { type ActorFacts, actingOrganisations, holdsCaseRole } from './actor-facts.js';
import { type CaseFacts, caseAudience } from './case-audience.js';

export type DenyReason =
  | 'not_platform_operator'
  | 'no_case_role'
  | 'secrecy_undertaking_missing'
  | 'awareness_module_missing'
  | 'representation_expired'
  | 'compartment_sealed'
  | 'admission_revoked'
  | 'not_in_audience'
  | 'no_such_case';

export type Decision =
  | {
      allowed: true;
      relation: AudienceRelation | 'own_compartment' | 'platform' | 'acting_organisations';
      /** The organisation the actor acts for on this case (an authority, for a representative). */
      via?: string;
    }
  | { allowed: false; reason: DenyReason; answer: 'forbidden' | 'not_found' };

export type Request =
  | { action: 'platform.administer' }
  | { action: 'case.create' }
  | { action: 'case.list' }
  | { action: 'case.view'; kase: CaseFacts | undefined };

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
};

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

export function decide(actor: ActorFacts, request: Request): Decision {
  switch (request.action) {
    case 'platform.administer':
      return administersPlatform(actor)
        ? { allowed: true, relation: 'platform' }
        : deny('not_platform_operator', 'forbidden');
    case 'case.create': {
      // A representative acts for an authority at consultations; pre-registering is the authority's own.
      if (!holdsCaseRole(actor)) return deny('no_case_role', 'forbidden');
      return caseGate(actor) ?? { allowed: true, relation: 'own_compartment' };
    }
    case 'case.list':
      return caseGate(actor) ?? { allowed: true, relation: 'acting_organisations' };
    case 'case.view': {
      const gate = caseGate(actor);
      // The operator and a DPO may not learn that a case exists (ARCHITECTURE §3.6–3.7).
      if (gate)
        return gate.allowed || gate.reason !== 'no_case_role' ? gate : deny('no_case_role', 'not_found');
      if (!request.kase) return deny('no_such_case', 'not_found');
      const acting = actingOrganisations(actor);
      const entry = caseAudience(request.kase).find((e) => acting.includes(e.organisationId));
      return entry
        ? { allowed: true, relation: entry.relation, via: entry.organisationId }
        : deny(hiddenReason(actor, request.kase, acting), 'not_found');
    }
  }
}
