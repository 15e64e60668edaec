/**
 * Whether a connected system may exchange through an interconnection now (SPEC INT-01, INT-02;
 * L1992 art. 21): only one registered, approved by every controller party, switched off by none
 * and not retired. The connected system is no user, so this is not `decide(actor, ...)`; what it
 * then writes is decided for the member who linked the case (`case.contribute`, decide.ts).
 * Pure: the facts are loaded, under a lock, in the exchange's transaction.
 */
import type { InterconnectionState } from '../../../contracts/interconnections.js';

export interface InterconnectionStanding {
  retired: boolean;
  parties: readonly { approved: boolean; suspended: boolean }[];
}

export type AdmissionRefusal =
  | 'interconnection_unregistered'
  | 'interconnection_retired'
  | 'interconnection_suspended'
  | 'interconnection_unapproved';

/** The rule every refusal to exchange cites. */
export const INTERCONNECTION_RULE = 'L1992 art. 21; bill Comm. art. 2 (SPEC INT-01, INT-02)';

/** Where the interconnection stands: retired, switched off by a party, awaiting an approval, or active. */
export function interconnectionState(standing: InterconnectionStanding): InterconnectionState {
  if (standing.retired) return 'retired';
  if (standing.parties.some((party) => party.suspended)) return 'suspended';
  if (standing.parties.length === 0 || standing.parties.some((party) => !party.approved))
    return 'awaiting_approval';
  return 'active';
}

/** Undefined when the connected system may exchange; else why not (every case answers 403). */
export function admissionRefusal(
  standing: InterconnectionStanding | undefined,
): AdmissionRefusal | undefined {
  if (!standing) return 'interconnection_unregistered';
  const state = interconnectionState(standing);
  if (state === 'retired') return 'interconnection_retired';
  if (state === 'suspended') return 'interconnection_suspended';
  if (state === 'awaiting_approval') return 'interconnection_unapproved';
  return undefined;
}
