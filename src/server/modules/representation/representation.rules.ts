/** Permanent representatives (bill art. 5): who may be represented, and when. */
import type { OrganisationKind } from '../../../contracts/identity.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';

export const RULE_AL1 = 'bill art. 5 al. 1';
export const RULE_AL2 = 'bill art. 5 al. 2';
export const RULE_AL3 = 'bill art. 5 al. 3';

/**
 * bill art. 5 al. 1 (SPEC ROL-04; A-16: the operative text, broader than the commentary):
 * administrative and judicial authorities, federal authorities and services, police services.
 */
export const REPRESENTABLE_KINDS: ReadonlySet<OrganisationKind> = new Set([
  'administrative_authority',
  'judicial_authority',
  'federal_service',
  'police_service',
]);

/** Roles with which a member acts for the authority; a representative does not designate. */
export const DESIGNATING_ROLES: ReadonlySet<string> = new Set(['organiser', 'participant', 'prosecutor']);

/**
 * The period [validFrom, validTo] is in civil dates of Brussels, both inclusive: a designation
 * until 2025-12-31 ends by itself at 2026-01-01 00:00 Brussels time (SPEC ROL-04).
 */
export function periodCovers(validFrom: string, validTo: string, at: Date): boolean {
  const today = brusselsDateOf(at);
  return validFrom <= today && today <= validTo;
}

export {
  type Briefing,
  type BriefingRecord,
  BriefingSchema,
  type Debriefing,
  DebriefingSchema,
  type Designation,
  DesignationSchema,
  type Representation,
} from '../../../contracts/representation.js';
