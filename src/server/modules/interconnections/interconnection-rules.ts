/**
 * What an interconnection must say before it is registered, what a link of a case to a file of the
 * connected system needs, and what of a delivery is kept (SPEC INT-01..03; L1992 art. 21; bill
 * Comm. art. 2), as pure functions over facts loaded in the transaction. Each issue names its field
 * so that a refused registration or link says everything that is missing at once.
 */
import type {
  Delivery,
  FieldMapping,
  LinkCase,
  RegisterInterconnection,
} from '../../../contracts/interconnections.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { SPECIAL_CATEGORIES } from '../access/record-visibility.js';
import { needsRelevance } from '../cases/item-rules.js';

/** The rule a refused registration cites. */
export const REGISTRATION_RULE = 'L1992 art. 21; bill Comm. art. 2 (SPEC INT-01, INT-02)';
/** The rule a refused link or delivery content cites. */
export const LINK_RULE = 'bill Comm. art. 2; bill art. 3 §1 al. 2 (SPEC INT-02, SCO-06, PUR-04)';
/** The rule of person matching. */
export const MATCHING_RULE = 'L1992 art. 16 §1 4°, art. 21 (SPEC INT-03)';

/**
 * A delivery is signed for a moment: one older or newer than this is refused, and within it the
 * nonce is remembered, so that a captured request cannot be replayed (ADR 0017). A technical
 * tolerance for clock skew, not a legal period.
 */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;
/** The window a registered rate limit counts deliveries in (per minute, SPEC INT-02). */
export const RATE_WINDOW_MS = 60_000;

export interface RegistrationFacts {
  ownerId: string;
  /** The framework named, if it exists. */
  framework:
    | {
        state: string;
        organiserId: string | null;
        participantIds: readonly string[];
        allowedCategories: readonly string[];
      }
    | undefined;
}

/** Everything wrong with a registration, field by field (the key is checked where it is parsed). */
export function registrationIssues(input: RegisterInterconnection, facts: RegistrationFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { framework } = facts;
  if (!framework) return [{ field: '/body/frameworkId', message: 'is not a framework' }];
  if (framework.state !== 'active')
    issues.push({ field: '/body/frameworkId', message: 'is not an active framework' });
  const parties = new Set([
    ...framework.participantIds,
    ...(framework.organiserId ? [framework.organiserId] : []),
  ]);
  if (!parties.has(facts.ownerId)) {
    issues.push({
      field: '/body/frameworkId',
      message: 'your organisation does not take part in this framework',
    });
  }
  input.partyIds.forEach((id, index) => {
    if (id === facts.ownerId) {
      issues.push({
        field: `/body/partyIds/${index}`,
        message: 'is your own organisation, a party already as the owner',
      });
    } else if (!parties.has(id)) {
      issues.push({ field: `/body/partyIds/${index}`, message: 'does not take part in this framework' });
    }
  });
  const seen = new Set<string>();
  input.fieldMapping.forEach((entry, index) => {
    if (seen.has(entry.field))
      issues.push({ field: `/body/fieldMapping/${index}/field`, message: 'is mapped twice' });
    seen.add(entry.field);
    if (!framework.allowedCategories.includes(entry.category)) {
      issues.push({
        field: `/body/fieldMapping/${index}/category`,
        message: "is not among the categories this consultation's framework allows",
      });
    } else if (mappableCategories([entry.category]).length === 0) {
      issues.push({
        field: `/body/fieldMapping/${index}/category`,
        message:
          'is a special category: its items need an exception ground and a designated author, item by item',
      });
    }
  });
  return issues;
}

/**
 * The categories of `allowed` a mapping may use: not the special ones (bill art. 2 §2 al. 3; SPEC
 * DAT-18, DAT-19), whose items each need an exception ground and an author designated for the
 * category, which an automated delivery cannot give.
 */
export function mappableCategories(allowed: readonly string[]): CategoryCode[] {
  return (allowed as CategoryCode[]).filter((category) => !SPECIAL_CATEGORIES.includes(category)).sort();
}

/** The categories a mapping carries, each once, in order. */
export function mappedCategories(mapping: readonly FieldMapping[]): CategoryCode[] {
  return [...new Set(mapping.map((entry) => entry.category))].sort();
}

export interface LinkFacts {
  /** The persons of the case the linking member sees. */
  persons: ReadonlySet<string>;
  /** The categories the interconnection maps. */
  categories: readonly CategoryCode[];
  /** The owner is a police service (only its items carry a police mission, SPEC RGT-IND-01). */
  policeOwner: boolean;
}

/** Everything wrong with a link of a case to a file of the connected system. */
export function linkIssues(input: LinkCase, facts: LinkFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  input.personIds.forEach((id, index) => {
    if (!facts.persons.has(id))
      issues.push({ field: `/body/personIds/${index}`, message: 'is not a person of this case' });
  });
  if (!input.missionConfirmed) {
    issues.push({
      field: '/body/missionConfirmed',
      message: "confirm that what arrives through this link lies within your organisation's legal mission",
    });
  }
  // PUR-04, DAT-16: categories 9 to 16 are processed only where relevant, case by case.
  const relevant = facts.categories.filter(needsRelevance);
  if (relevant.length > 0 && !input.relevance) {
    issues.push({
      field: '/body/relevance',
      message: `say why ${relevant.join(', ')} information from this file is relevant to the consultation`,
    });
  }
  if (input.policeMission && !facts.policeOwner) {
    issues.push({
      field: '/body/policeMission',
      message: 'only a police service processes data for a police mission',
    });
  }
  return issues;
}

/** One delivered field that becomes an item. */
export interface MappedField {
  record: number;
  field: string;
  category: CategoryCode;
  value: string;
}

/** What a delivery keeps and what it drops: only mapped fields pass (SPEC INT-02). */
export interface MappedDelivery {
  kept: MappedField[];
  dropped: { record: number; field: string }[];
}

/** The name under which a person identifier sent without a matching rule is dropped. */
export const PERSON_FIELD = 'person';

/**
 * Keeps the mapped fields of every record, in the record's order, and names the others; a person
 * identifier is kept only under a registered matching rule (SPEC INT-03), else dropped as well.
 */
export function mapDelivery(
  mapping: readonly FieldMapping[],
  delivery: Pick<Delivery, 'records'>,
  matching: boolean,
): MappedDelivery {
  const categories = new Map(mapping.map((entry) => [entry.field, entry.category]));
  const kept: MappedField[] = [];
  const dropped: MappedDelivery['dropped'] = [];
  delivery.records.forEach((record, index) => {
    for (const [field, value] of Object.entries(record.fields)) {
      const category = categories.get(field);
      if (category) kept.push({ record: index, field, category, value });
      else dropped.push({ record: index, field });
    }
    if (record.person && !matching) dropped.push({ record: index, field: PERSON_FIELD });
  });
  return { kept, dropped };
}

/** Items written per category, as the exchange log counts them. */
export function countByCategory(kept: readonly Pick<MappedField, 'category'>[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { category } of kept) counts[category] = (counts[category] ?? 0) + 1;
  return counts;
}

/** The signed moment is within the tolerance around `now` (an RFC 3339 UTC instant). */
export function freshTimestamp(timestamp: string, now: Date): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/.test(timestamp)) return false;
  const at = Date.parse(timestamp);
  return Number.isFinite(at) && Math.abs(now.getTime() - at) <= SIGNATURE_TOLERANCE_MS;
}

/** A line of the register's history, as the processing statement reads it. */
export interface StandingChange {
  organisationId: string;
  kind: 'registered' | 'approved' | 'suspended' | 'resumed' | 'retired';
  at: Date;
}

/**
 * SPEC SEC-13, INT-04: whether the interconnection could exchange at some moment of [from, to):
 * every party approved, none had switched it off, and it was not retired. It can only start
 * exchanging at `from` or at a change inside the period, so those are the moments looked at.
 */
export function activeWithin(
  partyIds: readonly string[],
  history: readonly StandingChange[],
  period: { from: Date; to: Date },
): boolean {
  const activeAt = (moment: number): boolean => {
    const approved = new Set<string>();
    const suspended = new Set<string>();
    for (const change of history) {
      if (change.at.getTime() > moment) break;
      if (change.kind === 'retired') return false;
      if (change.kind === 'approved') approved.add(change.organisationId);
      if (change.kind === 'suspended') suspended.add(change.organisationId);
      if (change.kind === 'resumed') suspended.delete(change.organisationId);
    }
    return partyIds.length > 0 && partyIds.every((id) => approved.has(id)) && suspended.size === 0;
  };
  const from = period.from.getTime();
  const to = period.to.getTime();
  const moments = [
    from,
    ...history.map((change) => change.at.getTime()).filter((at) => at > from && at < to),
  ];
  return moments.some(activeAt);
}
