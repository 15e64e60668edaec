/** Permanent representatives (bill art. 5): who may be represented, when, and the input shapes. */
import { type Static, Type } from 'typebox';
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

const closed = { additionalProperties: false } as const;
const id = Type.String({ format: 'uuid' });
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const userIds = Type.Array(id, { minItems: 1, maxItems: 100, uniqueItems: true });
/** SHA-256 of the information passed, computed by the sender (SPEC ROL-05): never the content. */
const contentSha256 = Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' }));

export const DesignationSchema = Type.Object(
  { representativeId: id, validFrom: civilDate, validTo: civilDate, representedPersonIds: userIds },
  closed,
);
export type Designation = Static<typeof DesignationSchema>;

export const BriefingSchema = Type.Object({ consultationId: id, contentSha256 }, closed);
export type Briefing = Static<typeof BriefingSchema>;

export const DebriefingSchema = Type.Object(
  { consultationId: id, recipientIds: userIds, contentSha256 },
  closed,
);
export type Debriefing = Static<typeof DebriefingSchema>;

export interface Representation {
  id: string;
  authorityId: string;
  representativeId: string;
  designatedBy: string;
  designatedAt: string;
  validFrom: string;
  validTo: string;
  representedPersonIds: string[];
  endedAt: string | null;
}

export interface BriefingRecord {
  id: string;
  representationId: string;
  kind: 'briefing' | 'debriefing';
  consultationId: string;
  senderId: string;
  recipientIds: string[];
  contentSha256: string | null;
  recordedAt: string;
}
