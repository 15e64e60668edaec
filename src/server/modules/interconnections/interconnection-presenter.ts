/**
 * Interconnections, links and exchanges in the contract's words. The register names no person;
 * a link's file reference and relevance are decrypted with the case's cipher (ARCHITECTURE §3.3).
 */
import type {
  Exchange,
  FieldMapping,
  Interconnection,
  InterconnectionLink,
  PersonMatching,
} from '../../../contracts/interconnections.js';
import type { ScopeCipher } from '../../kernel/crypto/envelope.js';
import { interconnectionState } from '../access/interconnection-admission.js';
import { mappedCategories } from './interconnection-rules.js';
import type { ExchangeRow, InterconnectionRow, LinkRow, PartyRow } from './interconnections.repository.js';

const iso = (at: Date | string): string => new Date(at).toISOString();

/** The encrypted fields of a link, as `[record, version]` for `ScopeCipher`. */
export const LINK_FIELDS = {
  reference: (id: string) => [`interconnection_link:${id}`, 1] as const,
  relevance: (id: string) => [`interconnection_link:${id}:relevance`, 1] as const,
};

/** Where the connected system sends its signed deliveries. */
export const deliveryPath = (id: string): string => `/api/interconnections/${id}/deliveries`;

export interface RegisterContext {
  parties: readonly PartyRow[];
  organisationNames: ReadonlyMap<string, string>;
  userNames: ReadonlyMap<string, string>;
  frameworkNames: ReadonlyMap<string, string>;
  /** What the reader may do to this interconnection now. */
  actionsOf(row: InterconnectionRow, parties: readonly PartyRow[]): Interconnection['allowedActions'];
}

/** The standing `interconnectionState` reads from a row and its parties. */
export function standingOf(row: Pick<InterconnectionRow, 'retired_at'>, parties: readonly PartyRow[]) {
  return {
    retired: row.retired_at !== null,
    parties: parties.map((party) => ({
      approved: party.approved_at !== null,
      suspended: party.suspended_at !== null,
    })),
  };
}

export function presentInterconnection(row: InterconnectionRow, context: RegisterContext): Interconnection {
  const { organisationNames, userNames } = context;
  const parties = context.parties.filter((party) => party.interconnection_id === row.id);
  const name = (id: string) => organisationNames.get(id) ?? '';
  const user = (id: string | null) => (id === null ? '' : (userNames.get(id) ?? ''));
  const mapping = row.field_mapping as FieldMapping[];
  const matching: PersonMatching =
    row.person_matching === 'off'
      ? { rule: 'off' }
      : { rule: row.person_matching, basis: row.matching_basis! };
  return {
    id: row.id,
    name: row.name,
    owner: { id: row.owner_organisation_id, legalName: name(row.owner_organisation_id) },
    framework: { id: row.framework_id, name: context.frameworkNames.get(row.framework_id) ?? '' },
    counterpart: { system: row.counterpart_system, operator: row.counterpart_operator },
    direction: row.direction,
    legalBasis: row.legal_basis,
    royalDecree:
      row.royal_decree_reference === null
        ? null
        : { reference: row.royal_decree_reference, conditions: row.royal_decree_conditions },
    securityMeasures: row.security_measures,
    fieldMapping: mapping.map(({ field, category }) => ({ field, category })),
    categories: mappedCategories(mapping),
    personMatching: matching,
    rateLimitPerMinute: row.rate_limit_per_minute,
    credential: { algorithm: 'ed25519', fingerprint: row.key_fingerprint },
    endpoint: deliveryPath(row.id),
    // The owner first, then the others in the order of their names.
    parties: [...parties]
      .sort(
        (a, b) =>
          Number(b.organisation_id === row.owner_organisation_id) -
            Number(a.organisation_id === row.owner_organisation_id) ||
          name(a.organisation_id).localeCompare(name(b.organisation_id)),
      )
      .map((party) => ({
        organisation: { id: party.organisation_id, legalName: name(party.organisation_id) },
        owner: party.organisation_id === row.owner_organisation_id,
        approval:
          party.approved_at === null ? null : { by: user(party.approved_by), at: iso(party.approved_at) },
        suspension:
          party.suspended_at === null
            ? null
            : { by: user(party.suspended_by), at: iso(party.suspended_at), reason: party.suspension_reason! },
      })),
    state: interconnectionState(standingOf(row, parties)),
    registered: { by: user(row.registered_by), at: iso(row.registered_at) },
    retirement:
      row.retired_at === null
        ? null
        : { by: user(row.retired_by), at: iso(row.retired_at), reason: row.retirement_reason! },
    allowedActions: context.actionsOf(row, parties),
  };
}

/** The users an interconnection and its parties name. */
export const usersNamedBy = (rows: readonly InterconnectionRow[], parties: readonly PartyRow[]): string[] =>
  [
    ...rows.flatMap((row) => [row.registered_by, row.retired_by]),
    ...parties.flatMap((party) => [party.approved_by, party.suspended_by]),
  ].filter((id): id is string => id !== null);

export function presentExchange(row: ExchangeRow): Exchange {
  return {
    id: row.id,
    receivedAt: iso(row.received_at),
    sentBy: row.sent_by,
    outcome: row.outcome,
    reason: row.reason,
    caseId: row.case_id,
    records: row.records,
    items: row.items,
    categories: row.categories,
    droppedFields: row.dropped_fields,
    matchedPersons: row.matched_persons,
  };
}

export interface LinkContext {
  cipher: ScopeCipher;
  interconnections: ReadonlyMap<string, Pick<Interconnection, 'id' | 'name' | 'state'>>;
  persons: ReadonlyMap<string, string[]>;
  deliveredItems: ReadonlyMap<string, number>;
  organisationNames: ReadonlyMap<string, string>;
  userNames: ReadonlyMap<string, string>;
  actionsOf(row: LinkRow): InterconnectionLink['allowedActions'];
}

export async function presentLink(row: LinkRow, context: LinkContext): Promise<InterconnectionLink> {
  const { cipher, userNames } = context;
  return {
    id: row.id,
    interconnection: context.interconnections.get(row.interconnection_id) ?? {
      id: row.interconnection_id,
      name: '',
      state: 'retired',
    },
    controller: {
      id: row.organisation_id,
      legalName: context.organisationNames.get(row.organisation_id) ?? '',
    },
    reference: await cipher.decryptText(...LINK_FIELDS.reference(row.id), row.reference),
    personIds: context.persons.get(row.id) ?? [],
    relevance:
      row.relevance === null
        ? null
        : await cipher.decryptText(...LINK_FIELDS.relevance(row.id), row.relevance),
    policeMission: row.police_mission,
    linked: { by: userNames.get(row.linked_by) ?? '', at: iso(row.linked_at) },
    ended: row.ended_at === null ? null : { by: userNames.get(row.ended_by!) ?? '', at: iso(row.ended_at) },
    deliveredItems: context.deliveredItems.get(row.id) ?? 0,
    allowedActions: context.actionsOf(row),
  };
}
