/**
 * The content of a declaration (L2007 art. 17 §3 1°-12°; L1992 art. 17 §3), generated from the
 * configuration, never typed in (SPEC DCL-04..15; PEN-09: no manual drift): the controller
 * (organisations), the frameworks it covers (their instruments, purposes, categories, parties and
 * retention), the safeguards the platform enforces, the notices and rights desk, and the
 * maintained description of the security measures. Pure: the facts are loaded beforehand.
 *
 * A field the law asks for and the configuration lacks blocks the generation, named by its field
 * (SPEC DCL-05: a controller without an address is not declared).
 *
 * Two sections come from facts other modules load: §3 3° of the 1992 text (the "gestionnaire",
 * the host of the processor registry; SPEC DCL-06, PRC-09) and §6 (per category transmitted
 * abroad, its countries, foreign processing chains included; SPEC DCL-18..20, TRF-11). Being
 * sections, a change of either fails the conformity check and opens an update item (art. 17 §7).
 */
import type { AbroadCategory } from '../../../contracts/cross-border.js';
import type { DeclarationContent, DeclarationLanguage } from '../../../contracts/declarations.js';
import type { OrganisationKind } from '../../../contracts/identity.js';
import type { CategoryCode, PurposeCode } from '../../../contracts/legal-codes.js';
import { RIGHTS_CHANNELS } from '../../../contracts/rights.js';
import type { FieldIssue } from '../../kernel/errors.js';
import {
  DATA_CATEGORIES,
  type Duration,
  JUDICIAL_DATA_TYPES_1992,
  months,
  PURPOSES,
} from '../../kernel/legal-rules/index.js';
import { SPECIAL_CATEGORIES } from '../access/record-visibility.js';
import { EU_EEA } from '../identity/organisation-rules.js';
import { DECLARATION_TEXTS, type SafeguardCode } from './declaration-texts.js';

/** The rule every refusal to generate cites. */
export const CONTENT_RULE = 'L2007 art. 17 §3; L1992 art. 17 §3 (SPEC DCL-04..15)';

export interface ControllerFacts {
  id: string;
  kind: OrganisationKind;
  dpRegime: string;
  legalName: string;
  address: string;
  enterpriseNumber: string | null;
  establishmentCountry: string;
  representative: { name: string; address: string } | null;
  rightsContact: string;
}

export interface PartyFacts {
  id: string;
  legalName: string;
  kind: OrganisationKind;
}

export interface CoveredFramework {
  id: string;
  name: string;
  state: 'draft' | 'active';
  processingName: { fr: string; nl: string };
  basisKind: 'law' | 'decree' | 'ordinance' | 'prosecutor_authorisation' | null;
  basisCitation: { title: string; date: string; article: string } | null;
  authorisation: { reference: string; date: string; office: string | null } | null;
  processingBasis: string | null;
  purposes: readonly PurposeCode[];
  allowedCategories: readonly CategoryCode[];
  defaultRetention: { months: number; otherRule: string | null } | null;
  ownFileExportDisabled: boolean;
  exportFourEyes: boolean;
  /** The organiser and the participants. */
  parties: readonly PartyFacts[];
}

/** The legal periods the retention section states, as the instance's legal rules resolve them. */
export interface RetentionPeriods {
  maxRetention: Duration;
  draftRetention: Duration;
  prosecutorListErasure: Duration;
}

/** The host the 1992 §3 3° names (modules/processors `hostIdentity`). */
export interface HostFacts {
  legalName: string;
  address: string;
  enterpriseNumber: string | null;
  country: string | null;
}

export interface DeclarationFacts {
  declarationId: string;
  language: DeclarationLanguage;
  /** §3 1°: the submission's date, or today's for a preview. */
  date: string;
  purposes: readonly PurposeCode[];
  purposeDescription: string | null;
  securityDescription: string;
  securityPlan: { version: string; document: string };
  controller: ControllerFacts;
  frameworks: readonly CoveredFramework[];
  periods: RetentionPeriods;
  /** L1992 §3 3°: the host, or null when the instance has none. */
  host: HostFacts | null;
  /** §6: per category sent abroad, its countries (modules/cross-border `transfersAbroad`). */
  abroad: readonly AbroadCategory[];
}

export type GeneratedContent =
  | { content: DeclarationContent; issues: [] }
  | { content: null; issues: FieldIssue[] };

const blank = (value: string | null | undefined): boolean =>
  value === null || value === undefined || value.trim() === '';

/** Everything the configuration lacks for §3, each named by its field; empty when the content can be generated. */
export function contentIssues(facts: DeclarationFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const missing = (field: string, message: string) => issues.push({ field, message });
  const { controller } = facts;
  if (blank(controller.legalName)) missing('/controller/legalName', 'the controller has no name (§3 2°)');
  if (blank(controller.address)) missing('/controller/address', 'the controller has no address (§3 2°)');
  // L2007 art. 3bis al. 2 (SPEC SCO-11): a controller established outside the EU/EEA names its representative.
  if (!EU_EEA.has(controller.establishmentCountry) && !controller.representative) {
    missing(
      '/controller/representative',
      'a controller established outside the EU/EEA names its representative in Belgium (§3 2°)',
    );
  }
  if (blank(controller.rightsContact)) {
    missing('/controller/rightsContact', 'name the service where the right of access is exercised (§3 9°)');
  }
  if (facts.frameworks.length === 0)
    missing('/frameworks', 'map at least one framework the declaration covers (§3 4°)');
  facts.frameworks.forEach((framework, index) => {
    const at = (field: string, message: string) => missing(`/frameworks/${index}/${field}`, message);
    if (!framework.parties.some((party) => party.id === controller.id)) {
      at('frameworkId', 'the controller no longer takes part in this framework');
    }
    if (!framework.basisKind) at('basisKind', 'the framework names no instrument (§3 1°)');
    else if (
      framework.basisKind === 'prosecutor_authorisation' ? !framework.authorisation : !framework.basisCitation
    ) {
      at('basisCitation', 'the framework does not cite its instrument (§3 1°)');
    }
    if (blank(framework.processingBasis))
      at('processingBasis', 'the framework names no legal basis for processing (§3 1°)');
    if (framework.purposes.length === 0) at('purposes', 'the framework has no purpose (§3 5°)');
    framework.purposes.forEach((purpose) => {
      if (!facts.purposes.includes(purpose)) {
        at('purposes', `the framework serves ${purpose}, which this declaration does not cover (art. 17 §5)`);
      }
    });
    if (!framework.defaultRetention)
      at('defaultRetention', 'the framework sets no maximum retention (§3 10°)');
  });
  if (blank(facts.securityDescription))
    missing('/securityDescription', 'describe the security measures (§3 11°)');
  return issues;
}

const sorted = <T extends string>(values: Iterable<T>): T[] => [...new Set(values)].sort();

/** §3 1°: the instrument deciding the processing (SPEC DCL-04). */
function instrumentOf(framework: CoveredFramework, language: DeclarationLanguage) {
  const texts = DECLARATION_TEXTS[language];
  const kind = texts.basisKinds[framework.basisKind!];
  const basis =
    framework.basisKind === 'prosecutor_authorisation'
      ? `${kind} ${framework.authorisation!.reference} (${framework.authorisation!.date})${
          framework.authorisation!.office ? `, ${framework.authorisation!.office}` : ''
        }`
      : `${kind}: ${framework.basisCitation!.title} (${framework.basisCitation!.date}), ${framework.basisCitation!.article}`;
  return { frameworkId: framework.id, basis, processingBasis: framework.processingBasis! };
}

/** The article of the 2007 law each special category falls under (§3 6° "articles 6 à 8"). */
const SPECIAL_ARTICLE: Record<string, string> = {
  C09: 'L2007 art. 8',
  C10: 'L2007 art. 7',
  C12: 'L2007 art. 6',
  C13: 'L2007 art. 6',
  C15: 'L2007 art. 6',
};

function safeguardsOf(frameworks: readonly CoveredFramework[], special: boolean): SafeguardCode[] {
  const codes: SafeguardCode[] = [
    'secrecy_undertaking',
    'need_to_know',
    'encryption',
    'audit_log',
    'export_watermark',
  ];
  if (special) codes.push('special_category_designations');
  if (frameworks.some((framework) => !framework.ownFileExportDisabled)) codes.push('own_file_consent');
  if (frameworks.some((framework) => framework.ownFileExportDisabled)) codes.push('own_file_export_disabled');
  if (frameworks.some((framework) => framework.exportFourEyes)) codes.push('export_four_eyes');
  return codes;
}

/**
 * SPEC RGT-IND-01, SCO-15: police data and the data of the services of L2007 art. 3 §§4-5 are
 * reached through the Commission (art. 13), everything else directly.
 */
function rightsRouteOf(controller: ControllerFacts): 'direct' | 'commission' {
  return controller.kind === 'police_service' ||
    controller.dpRegime === 'intelligence' ||
    controller.dpRegime === 'law2018_title3'
    ? 'commission'
    : 'direct';
}

/** The §3 content, or every missing field. */
export function generateDeclarationContent(facts: DeclarationFacts): GeneratedContent {
  const issues = contentIssues(facts);
  if (issues.length > 0) return { content: null, issues };
  const { language, controller, frameworks, periods } = facts;
  const texts = DECLARATION_TEXTS[language];
  const categories = sorted(frameworks.flatMap((framework) => framework.allowedCategories));
  const special = categories.filter((code) => SPECIAL_CATEGORIES.includes(code));
  const categoryLabel = (code: CategoryCode) => DATA_CATEGORIES.find((c) => c.code === code)!.label[language];

  // §3 7°: every other party of a covered framework may receive the data, by its kind.
  const recipients = new Map<string, Set<string>>();
  for (const party of frameworks.flatMap((framework) => framework.parties)) {
    if (party.id === controller.id || party.kind === 'platform_operator') continue;
    const names = recipients.get(party.kind) ?? new Set<string>();
    names.add(party.legalName);
    recipients.set(party.kind, names);
  }

  const cap = texts.duration(periods.maxRetention);
  const route = rightsRouteOf(controller);
  const content: DeclarationContent = {
    format: 'concerto.declaration/1',
    language,
    declarationId: facts.declarationId,
    declarationDate: facts.date,
    publicRegisterExemption: 'no',
    sections: {
      instrument: { instruments: frameworks.map((framework) => instrumentOf(framework, language)) },
      controller: {
        legalName: controller.legalName.trim(),
        address: controller.address.trim(),
        enterpriseNumber: controller.enterpriseNumber,
        establishmentCountry: controller.establishmentCountry,
        representative: controller.representative,
      },
      processor: {
        host: facts.host && {
          legalName: facts.host.legalName.trim(),
          address: facts.host.address.trim(),
          enterpriseNumber: facts.host.enterpriseNumber,
          country: facts.host.country,
        },
      },
      name: {
        processings: frameworks.map((framework) => ({
          frameworkId: framework.id,
          fr: framework.processingName.fr,
          nl: framework.processingName.nl,
        })),
      },
      purposes: {
        purposes: sorted(facts.purposes).map((code) => ({
          code,
          label: PURPOSES.find((purpose) => purpose.code === code)!.label[language],
        })),
        description: facts.purposeDescription,
      },
      categories: {
        categories: categories.map((code) => ({ code, label: categoryLabel(code) })),
        special: special.map((code) => ({
          code,
          label: categoryLabel(code),
          article: SPECIAL_ARTICLE[code]!,
          description: texts.special[code as keyof typeof texts.special],
        })),
        judicialKinds: special.includes('C09')
          ? JUDICIAL_DATA_TYPES_1992.map((kind) => ({ code: kind.code, label: kind.label[language] }))
          : [],
      },
      recipients: {
        categories: sorted(recipients.keys()).map((kind) => ({
          code: kind,
          label: texts.recipientKinds[kind as keyof typeof texts.recipientKinds],
          organisations: sorted(recipients.get(kind)!),
        })),
      },
      safeguards: {
        safeguards: safeguardsOf(frameworks, special.length > 0).map((code) => ({
          code,
          label: texts.safeguards[code],
        })),
      },
      rights: {
        information: texts.information,
        accessService: controller.rightsContact.trim(),
        route,
        routeText: texts.routes[route],
        channels: RIGHTS_CHANNELS.map((code) => ({ code, label: texts.channels[code] })),
        facilitation: texts.facilitation,
      },
      retention: {
        frameworks: frameworks.map((framework) => {
          const retention = framework.defaultRetention!;
          const agreed = texts.duration(months(retention.months));
          return {
            frameworkId: framework.id,
            months: retention.months,
            otherRule: retention.otherRule,
            text: retention.otherRule
              ? texts.retention.beyondCap(agreed, retention.otherRule)
              : texts.retention.framework(agreed, cap),
          };
        }),
        rules: [
          texts.retention.ownFile(cap),
          ...(frameworks.some((framework) => framework.basisKind === 'prosecutor_authorisation')
            ? [texts.retention.list(texts.duration(periods.prosecutorListErasure))]
            : []),
          texts.retention.drafts(texts.duration(periods.draftRetention)),
        ],
      },
      security: {
        description: facts.securityDescription.trim(),
        planVersion: facts.securityPlan.version,
        planDocument: facts.securityPlan.document,
      },
      journalism: { ground: 'not_applicable', text: texts.journalism },
      transfers: {
        categories: [...facts.abroad]
          .sort((a, b) => a.category.localeCompare(b.category))
          .map((entry) => ({
            code: entry.category,
            label: categoryLabel(entry.category),
            countries: sorted(entry.countries),
          })),
      },
    },
  };
  return { content, issues: [] };
}
