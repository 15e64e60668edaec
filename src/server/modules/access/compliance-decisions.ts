/**
 * Who reads and keeps the compliance evidence and who reads the statistics (issue 6 scopes 8-9), as
 * pure rules over facts loaded in the transaction; `decide` applies them.
 * - The instance's evidence (security plan reviews, restore tests, the federal-use gate; SPEC
 *   SEC-03, SCO-08) is the host's and every controller's concern (L2007 art. 16 §4 binds both): the
 *   operator and the controllers' DPOs read and record it. None of it is case content.
 * - A controller's dashboard and norm checklist (SPEC SCO-12, SEC-04) are its DPO's and its named
 *   compliance owner's (L2007 art. 4 §2: the controller ensures compliance); the DPO designates
 *   the compliance owner's account.
 * - The statistics of a framework (PUR-03: anonymised aggregates) are read by the DPOs of its
 *   parties and by the organiser's members with the organiser role; never by the host.
 */
import type { ActorFacts } from './actor-facts.js';

/** What the statistics rule knows of a framework (the same facts as `framework.view`). */
export interface StatisticsFrameworkFacts {
  state: 'draft' | 'active';
  organiserOrganisationId: string | null;
  participantIds: readonly string[];
}

export type ComplianceRequest =
  | { action: 'compliance.instance' }
  | {
      action: 'compliance.controller';
      /** The actor holds the account the DPO designated for its organisation's compliance owner. */
      complianceOwner: boolean;
    }
  | { action: 'compliance.designate_owner' }
  | { action: 'statistics.list' }
  | { action: 'statistics.read'; framework: StatisticsFrameworkFacts | undefined };

export type ComplianceDenyReason =
  | 'not_compliance_reader'
  | 'not_compliance_owner'
  | 'not_statistics_reader'
  | 'no_statistics_for_framework';

export const COMPLIANCE_DENY_RULES: Record<ComplianceDenyReason, string> = {
  not_compliance_reader:
    "L2007 art. 16 §4: the host and the controllers' DPOs keep the instance's security evidence (SPEC SEC-03, SCO-08)",
  not_compliance_owner:
    "L2007 art. 4 §2: the controller's DPO and named compliance owner keep its compliance (SPEC SCO-12, SEC-04)",
  not_statistics_reader:
    "L2007 art. 4 §1 2°: statistics are for the DPOs of the parties and the framework's organiser (SPEC PUR-03)",
  no_statistics_for_framework: 'CP art. 458ter §1 al. 3 (SPEC ROL-01); ARCHITECTURE §3.7',
};

export type ComplianceDecision =
  | { allowed: true; relation: 'platform' | 'acting_organisations' | 'framework_party'; via?: string }
  | { allowed: false; reason: ComplianceDenyReason | 'not_dpo'; answer: 'forbidden' | 'not_found' };

const own = (actor: ActorFacts): ComplianceDecision => ({
  allowed: true,
  relation: 'acting_organisations',
  via: actor.organisationId,
});
const deny = (
  reason: ComplianceDenyReason | 'not_dpo',
  answer: 'forbidden' | 'not_found' = 'forbidden',
): ComplianceDecision => ({
  allowed: false,
  reason,
  answer,
});

const isDpo = (actor: ActorFacts): boolean => actor.roles.includes('dpo');
const isOrganiser = (actor: ActorFacts): boolean => actor.roles.includes('organiser');

export function decideComplianceRequest(actor: ActorFacts, request: ComplianceRequest): ComplianceDecision {
  switch (request.action) {
    case 'compliance.instance':
      if (actor.roles.includes('operator')) return { allowed: true, relation: 'platform' };
      return isDpo(actor) ? own(actor) : deny('not_compliance_reader');
    case 'compliance.controller':
      return isDpo(actor) || request.complianceOwner ? own(actor) : deny('not_compliance_owner');
    case 'compliance.designate_owner':
      return isDpo(actor) ? own(actor) : deny('not_dpo');
    case 'statistics.list':
      return isDpo(actor) || isOrganiser(actor) ? own(actor) : deny('not_statistics_reader');
    case 'statistics.read': {
      if (!isDpo(actor) && !isOrganiser(actor)) return deny('not_statistics_reader');
      const { framework } = request;
      const organises = framework?.organiserOrganisationId === actor.organisationId;
      const party = organises || (framework?.participantIds.includes(actor.organisationId) ?? false);
      // A DPO reads the frameworks its controller takes part in; an organiser those it organises.
      const reads =
        framework?.state === 'active' && ((isDpo(actor) && party) || (isOrganiser(actor) && organises));
      return reads
        ? { allowed: true, relation: 'framework_party', via: actor.organisationId }
        : deny('no_statistics_for_framework', 'not_found');
    }
  }
}
