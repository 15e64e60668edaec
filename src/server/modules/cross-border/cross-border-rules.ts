/**
 * The rules of transfers abroad, as pure functions over facts loaded in the transaction (L2007 arts
 * 21-22; L1992 arts 4 §2, 17 §6 and 22; SPEC TRF-01..12, DCL-18, DCL-20). Each issue names its
 * field and the rule that refuses it, so a refused register entry or a blocked transfer says
 * everything that stands in the way at once.
 *
 * - At home (Belgium) nothing is transferred abroad: nothing to check.
 * - Anywhere else the destination must be in the controller's register with the categories sent
 *   (TRF-01; TRF-11: inside the Community too, for the declaration's §6).
 * - Outside the Community it rests on an adequacy assessment concluding to adequate protection in
 *   that country (art. 21 §1, TRF-02) or a derogation of art. 22 (TRF-04..10); a deny rule of a
 *   royal decree (art. 21 §2, TRF-03) refuses it whatever the basis.
 * - Anywhere abroad, an item of the categories of L2007 arts 6-8 leaves only with its Belgian
 *   exception ground recorded (L1992 art. 4 §2, offence of art. 39 2°; TRF-12).
 */
import {
  type AbroadCategory,
  type BasisInput,
  type DerogationCode,
  type DestinationKind,
  type GroundCode,
  ONWARD_KINDS,
  type RecordAdequacyAssessment,
  type RegisterDestination,
} from '../../../contracts/cross-border.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { countryZone } from '../../kernel/legal-rules/countries.js';
import { isIsoCountry } from '../identity/organisation-rules.js';

export interface RuledIssue extends FieldIssue {
  rule: string;
}

/** The rules this module cites. */
export const TRANSFER_RULES = {
  register: 'L2007 art. 21 §1; L1992 art. 22 (SPEC TRF-01, TRF-11)',
  categories: 'L1992 art. 17 §6 1° (SPEC TRF-01, DCL-18)',
  adequacy: 'L2007 art. 21 §1 al. 2 (SPEC TRF-02)',
  denyList: 'L2007 art. 21 §2 (SPEC TRF-03)',
  chain: 'L1992 art. 17 §6 al. 2 (SPEC DCL-20)',
  foreignItems: 'L1992 art. 4 §2 and art. 39 2° (SPEC TRF-12, PEN-03)',
  country: 'ISO 3166-1 alpha-2 (SPEC TRF-01)',
  // L1992 art. 17 §7: a change of a §6 item is declared before it is made ("préalable").
  declaration: 'L1992 art. 17 §6 and §7 ("préalable"); L2007 art. 17 §7 (SPEC DCL-21)',
} as const;

/** L2007 art. 22: each derogation, its rule, and the basis fields it needs. */
export const DEROGATIONS: Record<
  DerogationCode,
  { rule: string; requires: readonly (keyof BasisInput)[]; unavailable?: string }
> = {
  D1: { rule: 'L2007 art. 22 §1 al. 1 1° (SPEC TRF-04, PEN-07)', requires: ['consent'] },
  D2: { rule: 'L2007 art. 22 §1 al. 1 2° (SPEC TRF-05)', requires: ['contractReference'] },
  D3: { rule: 'L2007 art. 22 §1 al. 1 3° (SPEC TRF-06)', requires: ['contractReference'] },
  D4: { rule: 'L2007 art. 22 §1 al. 1 4° (SPEC TRF-07)', requires: ['legalReference'] },
  D5: { rule: 'L2007 art. 22 §1 al. 1 5° (SPEC TRF-08)', requires: ['justification'] },
  D6: {
    rule: 'L2007 art. 22 §1 al. 1 6° (SPEC TRF-09)',
    requires: [],
    unavailable:
      'a transfer from a public register open to consultation: the shared file is not a public register, so this derogation never applies',
  },
  D7: { rule: 'L2007 art. 22 §1 al. 2 (SPEC TRF-10)', requires: ['royalDecreeReference', 'clauses'] },
};

/** What each basis carries besides its kind; a field of another basis is refused, not stored. */
const BASIS_FIELDS: readonly (keyof BasisInput)[] = [
  'adequacyAssessmentId',
  'derogation',
  'consent',
  'contractReference',
  'legalReference',
  'justification',
  'royalDecreeReference',
  'clauses',
];

function fieldsOfBasis(basis: BasisInput): readonly (keyof BasisInput)[] {
  if (basis.kind === 'adequacy') return ['adequacyAssessmentId'];
  if (basis.kind !== 'derogation') return [];
  const code = basis.derogation;
  const own = code ? DEROGATIONS[code].requires : [];
  // D4 may say why as well as which law (SPEC TRF-07: "legal basis / public-interest justification").
  return ['derogation', ...own, ...(code === 'D4' ? (['justification'] as const) : [])];
}

/** An adequacy assessment as a destination reads it. */
export interface AssessmentFacts {
  conclusion: 'adequate' | 'not_adequate';
  finalDestinationCountry: string;
  withdrawn: boolean;
}

/** The destination an onward processor works for. */
export interface ParentFacts {
  name: string;
  categories: readonly string[];
  inForce: boolean;
}

export interface DestinationInputFacts {
  /** The assessment the basis names, if it is one of this register. */
  assessment?: AssessmentFacts;
  /** The destination `viaDestinationId` names, if it is one of this register. */
  parent?: ParentFacts;
}

const issue = (field: string, message: string, rule: string): RuledIssue => ({
  field: `/body${field}`,
  message,
  rule,
});

/** Whether an assessment supports transfers to `country` today (SPEC TRF-02). */
function assessmentIssue(assessment: AssessmentFacts | undefined, country: string): string | undefined {
  if (!assessment || assessment.withdrawn) return 'is not an adequacy assessment in force of your register';
  if (assessment.conclusion !== 'adequate') {
    return 'concluded that protection there is not adequate: record a derogation of art. 22 instead';
  }
  if (assessment.finalDestinationCountry !== country) {
    return `assesses transfers to ${assessment.finalDestinationCountry}, not to ${country}`;
  }
  return undefined;
}

/**
 * What a new register entry must hold, besides the policy (`transferIssues`): a real country, an
 * onward processor under a destination in force receiving no more than it, and the basis its zone
 * needs with every field of it (SPEC TRF-01, TRF-02, TRF-04..10, TRF-11, DCL-20).
 */
export function destinationIssues(input: RegisterDestination, facts: DestinationInputFacts): RuledIssue[] {
  const issues: RuledIssue[] = [];
  if (!isIsoCountry(input.country)) {
    issues.push(issue('/country', 'must be an ISO 3166-1 alpha-2 country code', TRANSFER_RULES.country));
  }
  if (input.viaDestinationId !== undefined) {
    if (!ONWARD_KINDS.includes(input.kind)) {
      issues.push(
        issue(
          '/kind',
          'only a sub-processor or a support access works for another destination',
          TRANSFER_RULES.chain,
        ),
      );
    }
    const parent = facts.parent;
    if (!parent?.inForce) {
      issues.push(
        issue('/viaDestinationId', 'is not a destination in force of your register', TRANSFER_RULES.chain),
      );
    } else {
      input.categories.forEach((category, index) => {
        if (!parent.categories.includes(category)) {
          issues.push(
            issue(
              `/categories/${index}`,
              `is not sent to ${parent.name}: an onward processor receives no more than the destination it works for`,
              TRANSFER_RULES.chain,
            ),
          );
        }
      });
    }
  }
  issues.push(...basisIssues(input, facts));
  return issues;
}

function basisIssues(input: RegisterDestination, facts: DestinationInputFacts): RuledIssue[] {
  const { basis } = input;
  const issues: RuledIssue[] = [];
  const zone = isIsoCountry(input.country) ? countryZone(input.country) : undefined;
  if (zone !== undefined && zone !== 'third_country' && basis.kind !== 'none') {
    issues.push(
      issue(
        '/basis/kind',
        'a destination in Belgium or another member state of the Community needs no adequacy assessment nor derogation: its basis is none',
        TRANSFER_RULES.register,
      ),
    );
    return issues;
  }
  const allowed = fieldsOfBasis(basis);
  for (const field of BASIS_FIELDS) {
    if (basis[field] !== undefined && !allowed.includes(field)) {
      issues.push(
        issue(
          `/basis/${field}`,
          `does not belong to a basis of kind ${basis.kind}${basis.derogation ? ` ${basis.derogation}` : ''}`,
          TRANSFER_RULES.register,
        ),
      );
    }
  }
  if (basis.kind === 'adequacy') {
    if (basis.adequacyAssessmentId === undefined) {
      issues.push(
        issue(
          '/basis/adequacyAssessmentId',
          'name the adequacy assessment of this transfer',
          TRANSFER_RULES.adequacy,
        ),
      );
    } else {
      const problem = assessmentIssue(facts.assessment, input.country);
      if (problem) issues.push(issue('/basis/adequacyAssessmentId', problem, TRANSFER_RULES.adequacy));
    }
  }
  if (basis.kind === 'derogation') {
    const code = basis.derogation;
    if (code === undefined) {
      issues.push(
        issue(
          '/basis/derogation',
          'name the derogation of L2007 art. 22 the transfer rests on',
          TRANSFER_RULES.register,
        ),
      );
      return issues;
    }
    const derogation = DEROGATIONS[code];
    if (derogation.unavailable) {
      issues.push(
        issue('/basis/derogation', `${code} is not available: ${derogation.unavailable}`, derogation.rule),
      );
    }
    for (const field of derogation.requires) {
      if (basis[field] === undefined)
        issues.push(issue(`/basis/${field}`, `${code} requires it`, derogation.rule));
    }
    // PEN-07: consent under pressure is an offence; "indubitablement": it leaves no doubt.
    if (code === 'D1' && basis.consent && !basis.consent.unambiguous) {
      issues.push(
        issue(
          '/basis/consent/unambiguous',
          'the data subject must have consented unambiguously to this transfer',
          derogation.rule,
        ),
      );
    }
  }
  return issues;
}

/** SPEC TRF-02: an assessment is of a country outside the Community, from a real origin. */
export function assessmentIssues(input: RecordAdequacyAssessment): RuledIssue[] {
  const issues: RuledIssue[] = [];
  for (const field of ['originCountry', 'finalDestinationCountry'] as const) {
    if (!isIsoCountry(input[field])) {
      issues.push(issue(`/${field}`, 'must be an ISO 3166-1 alpha-2 country code', TRANSFER_RULES.country));
    }
  }
  if (
    isIsoCountry(input.finalDestinationCountry) &&
    countryZone(input.finalDestinationCountry) !== 'third_country'
  ) {
    issues.push(
      issue(
        '/finalDestinationCountry',
        'is in the Community: only a transfer outside it needs its adequacy assessed (L2007 art. 21 §1)',
        TRANSFER_RULES.adequacy,
      ),
    );
  }
  return issues;
}

/** SPEC TRF-03: art. 21 §2 reaches transfers outside the Community only. */
export function denyRuleIssues(input: { country: string | null }): RuledIssue[] {
  if (input.country === null) return [];
  if (!isIsoCountry(input.country)) {
    return [issue('/country', 'must be an ISO 3166-1 alpha-2 country code', TRANSFER_RULES.country)];
  }
  return countryZone(input.country) === 'third_country'
    ? []
    : [
        issue(
          '/country',
          'is in the Community: a royal decree of art. 21 §2 forbids transfers outside it only',
          TRANSFER_RULES.denyList,
        ),
      ];
}

/** A register entry as the transfer check reads it. */
export interface DestinationFacts {
  kind: DestinationKind;
  country: string;
  categories: readonly string[];
  basis: 'none' | 'adequacy' | 'derogation';
  derogation: DerogationCode | null;
  /** The assessment named by an `adequacy` basis, as it stands now. */
  assessment?: AssessmentFacts;
}

/** A deny rule in force (SPEC TRF-03). */
export interface DenyRuleFacts {
  royalDecreeReference: string;
  country: string | null;
  categories: readonly string[];
  kinds: readonly string[];
  circumstance: string;
}

/** An information item leaving in a transfer: whether it falls under L2007 arts 6-8, and its ground. */
export interface TransferItem {
  id: string;
  category: CategoryCode;
  /** Special categories, genetic or biometric data, what L1992 art. 6 adds, criminal-related data. */
  special: boolean;
  /** The exception letter recorded with the item (DAT-22, DAT-24, DAT-29), or null. */
  exceptionGround: string | null;
}

export interface TransferAsked {
  kind: DestinationKind;
  country: string;
  categories: readonly string[];
  items?: readonly TransferItem[];
}

/** Where each issue points: the caller's names for the country, the categories and the items. */
export interface IssueFields {
  country: string;
  categories: string;
  items: string;
}

const overlaps = (rule: readonly string[], asked: readonly string[]): boolean =>
  rule.length === 0 || asked.some((value) => rule.includes(value));

/** SPEC TRF-03: the deny rules that reach a transfer of `categories` to `country` by a `kind`. */
export function matchingDenyRules(
  rules: readonly DenyRuleFacts[],
  transfer: { kind: string; country: string; categories: readonly string[] },
): DenyRuleFacts[] {
  if (countryZone(transfer.country) !== 'third_country') return [];
  return rules.filter(
    (rule) =>
      (rule.country === null || rule.country === transfer.country) &&
      overlaps(rule.categories, transfer.categories) &&
      overlaps(rule.kinds, [transfer.kind]),
  );
}

/**
 * Everything that stands between `transfer` and its destination `entry` of the register (undefined:
 * none in force), in the words of the law: empty when it may go (SPEC TRF-01, TRF-03, TRF-11,
 * TRF-12). The deny-list is read whatever the basis: it overrides every adequacy and derogation.
 */
/**
 * DCL-21: a destination the controller's running declaration does not list yet for `categories`
 * carries nothing until the modification is submitted (the declarations module tells which).
 */
export function pendingDeclarationIssue(
  country: string,
  categories: readonly string[],
  field: string,
): RuledIssue {
  return {
    field,
    message: `${country}: pending declaration — the declaration of the transfers abroad does not list this country for ${categories.join(', ')} yet; it takes effect once the declaration update is submitted`,
    rule: TRANSFER_RULES.declaration,
  };
}

export function transferIssues(
  transfer: TransferAsked,
  entry: DestinationFacts | undefined,
  denyRules: readonly DenyRuleFacts[],
  fields: IssueFields,
): RuledIssue[] {
  const zone = countryZone(transfer.country);
  if (zone === 'domestic') return [];
  const issues: RuledIssue[] = [];
  const at = (field: string, message: string, rule: string) => issues.push({ field, message, rule });
  if (!entry) {
    at(
      fields.country,
      `${transfer.country}: no ${transfer.kind} destination in this country is in force in the transfer register; its DPO registers it first`,
      TRANSFER_RULES.register,
    );
  } else {
    const missing = transfer.categories.filter((category) => !entry.categories.includes(category));
    if (missing.length > 0) {
      at(
        fields.categories,
        `${missing.join(', ')}: not registered as sent to this destination`,
        TRANSFER_RULES.categories,
      );
    }
  }
  const categories = [...new Set([...transfer.categories, ...(entry?.categories ?? [])])];
  for (const rule of matchingDenyRules(denyRules, { ...transfer, categories })) {
    at(
      fields.country,
      `${transfer.country}: forbidden by ${rule.royalDecreeReference} (${rule.circumstance}), whatever adequacy or derogation is recorded`,
      `${TRANSFER_RULES.denyList}; ${rule.royalDecreeReference}`,
    );
  }
  if (entry && zone === 'third_country') {
    if (entry.basis === 'none') {
      at(
        fields.country,
        `${transfer.country} is outside the European Community: no adequacy assessment nor derogation of art. 22 is recorded`,
        TRANSFER_RULES.register,
      );
    } else if (entry.basis === 'adequacy') {
      const problem = assessmentIssue(entry.assessment, transfer.country);
      if (problem) at(fields.country, `its adequacy assessment ${problem}`, TRANSFER_RULES.adequacy);
    }
  }
  for (const item of transfer.items ?? []) {
    if (item.special && !item.exceptionGround) {
      at(
        `${fields.items}/${item.id}`,
        `category ${item.category}: no exception ground of L2007 arts 6-8 is recorded for this item, so it may not be processed outside Belgium`,
        TRANSFER_RULES.foreignItems,
      );
    }
  }
  return issues;
}

/** SPEC PEN-13: the legal ground of a destination, as the register export lists it. */
export function groundCodeOf(entry: {
  country: string;
  basis: string;
  derogation: DerogationCode | null;
}): GroundCode {
  if (entry.basis === 'adequacy') return 'adequacy';
  if (entry.basis === 'derogation' && entry.derogation) return entry.derogation;
  return countryZone(entry.country) === 'domestic' ? 'domestic' : 'intra_community';
}

/**
 * L1992 art. 17 §6 1° (SPEC DCL-18, DCL-20, TRF-11): per category, the countries outside Belgium
 * it is sent to, from the destinations in force, onward processors included.
 */
export function abroadByCategory(
  destinations: readonly { country: string; categories: readonly string[] }[],
): AbroadCategory[] {
  const byCategory = new Map<CategoryCode, Set<string>>();
  for (const destination of destinations) {
    if (countryZone(destination.country) === 'domestic') continue;
    for (const category of destination.categories as CategoryCode[]) {
      const countries = byCategory.get(category) ?? new Set<string>();
      countries.add(destination.country);
      byCategory.set(category, countries);
    }
  }
  return [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, countries]) => ({ category, countries: [...countries].sort() }));
}
