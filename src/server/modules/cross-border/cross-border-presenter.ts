/**
 * The transfer register in the contract's words: each destination with its zone, its ground code
 * (SPEC PEN-13) and whether a transfer there is allowed today (a deny rule added or an assessment
 * withdrawn since shows here before a transfer is refused); the derogations as the form offers them
 * (D6 disabled, with the reason: SPEC TRF-09).
 */
import {
  type AdequacyAssessment,
  type BlockedTransfer,
  type CountryLists,
  DEROGATION_CODES,
  type DenyRule,
  type Destination,
  type TransferRegister,
} from '../../../contracts/cross-border.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import {
  countryZone,
  DOMESTIC_COUNTRY,
  EEA_EFTA_STATES,
  EU_MEMBER_STATES,
} from '../../kernel/legal-rules/countries.js';
import {
  DEROGATIONS,
  type DenyRuleFacts,
  groundCodeOf,
  pendingDeclarationIssue,
  transferIssues,
} from './cross-border-rules.js';
import type { AssessmentRow, BlockedRow, DenyRuleRow, DestinationRow } from './cross-border.repository.js';
import { destinationFacts } from './transfer-check.js';

const iso = (at: Date | string): string => new Date(at).toISOString();
const categoriesOf = (values: readonly string[]): CategoryCode[] => values as CategoryCode[];

export interface DestinationContext {
  userNames: ReadonlyMap<string, string>;
  assessments: ReadonlyMap<string, AssessmentRow>;
  denyRules: readonly DenyRuleFacts[];
  /** The reader keeps this register (its DPO). */
  keeper: boolean;
  /** DCL-21: per destination in force, the categories the controller's declaration does not list there yet. */
  undeclared: ReadonlyMap<string, readonly string[]>;
}

export function presentDestination(row: DestinationRow, context: DestinationContext): Destination {
  const inForce = row.ended_at === null;
  const issues = inForce
    ? transferIssues(
        { kind: row.kind, country: row.country, categories: row.categories },
        destinationFacts(row, context.assessments),
        context.denyRules,
        { country: '/country', categories: '/categories', items: '/items' },
      )
    : [];
  const undeclared = (inForce && context.undeclared.get(row.id)) || [];
  if (undeclared.length > 0) issues.push(pendingDeclarationIssue(row.country, undeclared, '/country'));
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    country: row.country,
    zone: countryZone(row.country),
    categories: categoriesOf(row.categories),
    viaDestinationId: row.via_destination_id,
    operations: row.operations,
    basis: {
      kind: row.basis,
      adequacyAssessmentId: row.adequacy_assessment_id,
      derogation: row.derogation,
      consent:
        row.derogation === 'D1'
          ? {
              reference: row.consent_reference!,
              collectedBy: row.consent_collected_by!,
              context: row.consent_context!,
              givenOn: row.consent_given_on!,
            }
          : null,
      contractReference: row.contract_reference,
      legalReference: row.legal_reference,
      justification: row.justification,
      royalDecreeReference: row.royal_decree_reference,
      clauses: row.clauses_sha256 ? { sha256: row.clauses_sha256, sizeBytes: row.clauses_size ?? 0 } : null,
    },
    groundCode: groundCodeOf(row),
    registeredBy: context.userNames.get(row.registered_by) ?? '',
    registeredAt: iso(row.registered_at),
    ended: row.ended_at
      ? { by: context.userNames.get(row.ended_by!) ?? '', at: iso(row.ended_at), reason: row.end_reason! }
      : null,
    standing: { allowed: inForce && issues.length === 0, pendingDeclaration: undeclared.length > 0, issues },
    allowedActions: context.keeper
      ? [
          ...(inForce ? (['end'] as const) : []),
          ...(row.clauses_sha256 ? (['download_clauses'] as const) : []),
        ]
      : [],
  };
}

export function presentAssessment(
  row: AssessmentRow,
  context: { userNames: ReadonlyMap<string, string>; usedBy: readonly string[]; keeper: boolean },
): AdequacyAssessment {
  return {
    id: row.id,
    dataNature: row.data_nature,
    purpose: row.purpose,
    duration: row.duration,
    originCountry: row.origin_country,
    finalDestinationCountry: row.final_destination_country,
    legalFramework: row.legal_framework,
    professionalRules: row.professional_rules,
    securityMeasures: row.security_measures,
    conclusion: row.conclusion,
    reviewer: row.reviewer,
    reviewedOn: row.reviewed_on,
    recordedBy: context.userNames.get(row.recorded_by) ?? '',
    recordedAt: iso(row.recorded_at),
    withdrawn: row.withdrawn_at
      ? {
          by: context.userNames.get(row.withdrawn_by!) ?? '',
          at: iso(row.withdrawn_at),
          reason: row.withdrawal_reason!,
        }
      : null,
    usedBy: [...context.usedBy],
    // An assessment some destination in force rests on is withdrawn once they are ended.
    allowedActions:
      context.keeper && row.withdrawn_at === null && context.usedBy.length === 0 ? ['withdraw'] : [],
  };
}

export function presentDenyRule(
  row: DenyRuleRow,
  context: { userNames: ReadonlyMap<string, string>; operator: boolean },
): DenyRule {
  return {
    id: row.id,
    royalDecreeReference: row.royal_decree_reference,
    country: row.country,
    categories: categoriesOf(row.categories),
    kinds: row.kinds,
    circumstance: row.circumstance,
    addedBy: context.userNames.get(row.added_by) ?? '',
    addedAt: iso(row.added_at),
    repealed: row.repealed_at
      ? {
          by: context.userNames.get(row.repealed_by!) ?? '',
          at: iso(row.repealed_at),
          reason: row.repeal_reason!,
        }
      : null,
    allowedActions: context.operator && row.repealed_at === null ? ['repeal'] : [],
  };
}

export function presentBlocked(row: BlockedRow, userNames: ReadonlyMap<string, string>): BlockedTransfer {
  return {
    id: row.id,
    attemptedAt: iso(row.attempted_at),
    attemptedBy: row.attempted_by ? (userNames.get(row.attempted_by) ?? '') : '',
    source: row.source,
    destination: { kind: row.destination_kind, country: row.destination_country, id: row.destination_id },
    categories: categoriesOf(row.categories),
    caseId: row.case_id,
    itemIds: row.item_ids,
    rule: row.rule,
    issues: row.issue_fields.map((field, index) => ({ field, message: row.issue_messages[index] ?? '' })),
  };
}

/** SPEC TRF-04..10: each derogation, what it needs, and D6 disabled with its reason. */
export function derogationOptions(): TransferRegister['derogations'] {
  return DEROGATION_CODES.map((code) => {
    const derogation = DEROGATIONS[code];
    return {
      code,
      rule: derogation.rule,
      requires: [...derogation.requires],
      available: derogation.unavailable === undefined,
      unavailableReason: derogation.unavailable ?? null,
    };
  });
}

export function countryLists(): CountryLists {
  return {
    domestic: DOMESTIC_COUNTRY,
    community: { codes: [...EU_MEMBER_STATES.codes], source: EU_MEMBER_STATES.source },
    eeaOutsideCommunity: { codes: [...EEA_EFTA_STATES.codes], source: EEA_EFTA_STATES.source },
    note: 'L2007 art. 21 restricts transfers to countries that are not members of the European Community (since the Treaty of Lisbon, the European Union). Iceland, Liechtenstein and Norway are in the EEA but not members: a transfer there needs an adequacy assessment (e.g. citing the EEA Agreement) or a derogation, like any other country outside the Community.',
  };
}
