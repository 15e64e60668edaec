/**
 * The interconnections of a controller's processing statement (SPEC SEC-13, INT-04; L1992 art. 16
 * §1 1°: the "état" of each automated processing records its "interconnexions"): for a period, every
 * interconnection the controller is a party to that could exchange at some moment of it, or that
 * exchanged in it, with its legal basis and royal decree, and its volumes from the exchange log.
 * For the declarations module, inside its own transaction: the register and the log name no person
 * and have no row-level security, so the caller needs no case access to read them.
 */
import type { FieldMapping } from '../../../contracts/interconnections.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { Tx } from '../../db/database.js';
import { activeWithin, mappedCategories } from './interconnection-rules.js';
import type { InterconnectionsRepository } from './interconnections.repository.js';

export interface InterconnectionVolumes {
  interconnectionId: string;
  name: string;
  ownerOrganisationId: string;
  partyOrganisationIds: string[];
  counterpart: { system: string; operator: string };
  direction: 'inbound';
  legalBasis: string;
  royalDecree: { reference: string; conditions: string | null } | null;
  /** The data categories it maps (bill art. 2 §2). */
  categories: CategoryCode[];
  /** It could exchange at some moment of the period (approved by all, switched off by none, not retired). */
  activeInPeriod: boolean;
  /** Requests of the period, accepted and refused (authenticated ones: the exchange log). */
  exchanges: { accepted: number; refused: number };
  /** Records received and items written in the period, and items per category. */
  records: number;
  items: number;
  itemsByCategory: Partial<Record<CategoryCode, number>>;
  /** Names of the fields dropped in the period, as not mapped (SPEC INT-02). */
  droppedFields: string[];
  /** Persons matched under a registered matching rule (SPEC INT-03). */
  matchedPersons: number;
}

/**
 * The interconnections `controllerId` is a party to that were active in [from, to) or exchanged
 * in it, with their volumes in that period, by name.
 */
export async function interconnectionStatement(
  tx: Tx,
  interconnections: InterconnectionsRepository,
  period: { controllerId: string; from: Date; to: Date },
): Promise<InterconnectionVolumes[]> {
  const rows = await interconnections.ofParty(tx, period.controllerId);
  const ids = rows.map((row) => row.id);
  const [parties, history, exchanges] = await Promise.all([
    interconnections.partiesOf(tx, ids),
    interconnections.historyOf(tx, ids),
    interconnections.exchangesWithin(tx, ids, period.from, period.to),
  ]);
  const statement = rows.map((row): InterconnectionVolumes => {
    const partyIds = parties.filter((p) => p.interconnection_id === row.id).map((p) => p.organisation_id);
    const changes = history
      .filter((line) => line.interconnection_id === row.id)
      .map((line) => ({ organisationId: line.organisation_id, kind: line.kind, at: new Date(line.at) }));
    const own = exchanges.filter((exchange) => exchange.interconnection_id === row.id);
    const accepted = own.filter((exchange) => exchange.outcome === 'accepted');
    const itemsByCategory: Partial<Record<CategoryCode, number>> = {};
    for (const exchange of accepted) {
      for (const [category, count] of Object.entries(exchange.categories)) {
        itemsByCategory[category as CategoryCode] = (itemsByCategory[category as CategoryCode] ?? 0) + count;
      }
    }
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    return {
      interconnectionId: row.id,
      name: row.name,
      ownerOrganisationId: row.owner_organisation_id,
      partyOrganisationIds: partyIds,
      counterpart: { system: row.counterpart_system, operator: row.counterpart_operator },
      direction: row.direction,
      legalBasis: row.legal_basis,
      royalDecree:
        row.royal_decree_reference === null
          ? null
          : { reference: row.royal_decree_reference, conditions: row.royal_decree_conditions },
      categories: mappedCategories(row.field_mapping as FieldMapping[]),
      activeInPeriod: activeWithin(partyIds, changes, period),
      exchanges: { accepted: accepted.length, refused: own.length - accepted.length },
      records: sum(accepted.map((exchange) => exchange.records)),
      items: sum(accepted.map((exchange) => exchange.items)),
      itemsByCategory,
      droppedFields: [...new Set(accepted.flatMap((exchange) => exchange.dropped_fields))].sort(),
      matchedPersons: sum(accepted.map((exchange) => exchange.matched_persons)),
    };
  });
  return statement
    .filter((entry) => entry.activeInPeriod || entry.exchanges.accepted + entry.exchanges.refused > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}
