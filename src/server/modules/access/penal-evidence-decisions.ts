/**
 * Who produces a controller's penal evidence (L1992 arts 38-39; SPEC PEN-01..PEN-10), as a pure
 * rule over facts loaded in the transaction; `decide` applies it.
 *
 * The controller, its representative, agent or mandatary answers for the offences of arts 38-39
 * (art. 38 al. 1; art. 42: the controller is civilly liable for the fines of its agents). The
 * evidence is drawn from the controller's registers, its audit log and its records: it is its
 * DPO's to produce (L2007 art. 17bis; SPEC ROL-12: the DPO reads its controller's logs, registers,
 * declarations and request queues), for its own controller only, at that controller's desk
 * (row-level security of migration 0023 shows no other controller's records). Another role, and
 * the DPO of another controller, are refused on their role.
 *
 * The Commission's inspector (SUP-03) is not let in here: the reports read the controller's case
 * records (to find a missing exception ground, a contested item in a disclosure), which the
 * inspector's account may not reach (L1992 art. 32 §1 al. 3: samples are communicated by the
 * controller on demand). The controller hands the pack over, and the inspection export carries
 * the registers the inspector reads itself.
 */
import type { ActorFacts } from './actor-facts.js';

export type PenalEvidenceRequest = { action: 'penal_evidence.read' };

export type PenalEvidenceDenyReason = 'not_penal_evidence_keeper';

export const PENAL_EVIDENCE_DENY_RULES: Record<PenalEvidenceDenyReason, string> = {
  not_penal_evidence_keeper:
    "L1992 arts 38-39 and 42; L2007 art. 17bis: the controller's DPO produces its evidence (SPEC PEN-01..PEN-10, ROL-12)",
};

export type PenalEvidenceDecision =
  | { allowed: true; relation: 'acting_organisations'; via: string }
  | { allowed: false; reason: PenalEvidenceDenyReason; answer: 'forbidden' };

export function decidePenalEvidenceRequest(
  actor: ActorFacts,
  _request: PenalEvidenceRequest,
): PenalEvidenceDecision {
  return actor.roles.includes('dpo')
    ? { allowed: true, relation: 'acting_organisations', via: actor.organisationId }
    : { allowed: false, reason: 'not_penal_evidence_keeper', answer: 'forbidden' };
}
