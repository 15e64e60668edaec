/** What the access rules know about the acting user, loaded in the transaction (ARCHITECTURE §3.2). */
import type { AccountRole } from '../../../contracts/identity.js';
import type { DesignationScope } from './record-visibility.js';

export interface ActorFacts {
  userId: string;
  organisationId: string;
  roles: readonly AccountRole[];
  /** Authorities this user represents today: representation within its period, undertaking accepted (bill art. 5). */
  representedAuthorities: readonly string[];
  /** Authorities of this user's representations that have ended or lapsed (for the denial's reason only). */
  lapsedAuthorities: readonly string[];
  /** The current art. 458ter §2 secrecy text is accepted (SPEC ROL-07). */
  secrecyAccepted: boolean;
  /** The controller's current awareness module is acknowledged, within its interval (SPEC SEC-09). */
  awarenessAcknowledged: boolean;
  /** The working session states why case content is read (issue 4 scope 7). */
  justified: boolean;
  /** Special categories the user's own organisation designated them for (SPEC DAT-19). */
  designations: readonly DesignationScope[];
  /** Cross-case search on persons, granted separately and off by default (SPEC SEC-07). */
  crossCaseSearch: boolean;
}

/** Roles that take part in consultations for the user's own organisation. */
export const CASE_ROLES: readonly AccountRole[] = ['organiser', 'participant', 'prosecutor'];

export function holdsCaseRole(actor: Pick<ActorFacts, 'roles'>): boolean {
  return actor.roles.some((role) => CASE_ROLES.includes(role));
}

/**
 * The organisations the user acts for on cases: its own when it holds a case role, and the
 * authorities it represents today. The operator and a DPO act for none (ARCHITECTURE §3.6;
 * SPEC ROL-12: a DPO has no content access by default).
 */
export function actingOrganisations(actor: ActorFacts): string[] {
  const own = holdsCaseRole(actor) ? [actor.organisationId] : [];
  return [...new Set([...own, ...actor.representedAuthorities])];
}
