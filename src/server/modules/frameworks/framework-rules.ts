/**
 * When a framework may be activated (SPEC SCO-03, SCO-04, PUR-01, FIL-01, ROL-01): pure checks
 * over the stored draft, each missing or wrong element named by its field, so the operator sees
 * everything that is missing at once.
 */
import type { CreateFramework } from '../../../contracts/frameworks.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { type LegalRules, months } from '../../kernel/legal-rules/index.js';

/** A framework as stored, in the contract's words. */
export interface FrameworkRecord {
  name: string;
  template: CreateFramework['template'] | null;
  basisKind: CreateFramework['basisKind'] | null;
  basisCitation: CreateFramework['basisCitation'] | null;
  authorisation: (NonNullable<CreateFramework['authorisation']> & { documentSha256: string | null }) | null;
  processingBasis: CreateFramework['processingBasis'] | null;
  authorisingOrganisationId: string | null;
  purposes: NonNullable<CreateFramework['purposes']>;
  organiserOrganisationId: string | null;
  participantIds: readonly string[];
  modalities: string | null;
  ownFileExportDisabled: boolean;
  exportFourEyes: boolean;
  allowedCategories: NonNullable<CreateFramework['allowedCategories']>;
  defaultRetention: CreateFramework['defaultRetention'] | null;
  designatedControllers: string | null;
}

export const ACTIVATION_RULE = 'CP art. 458ter §1 al. 1 and al. 3 (SPEC SCO-03)';

/**
 * SPEC SCO-04 (opinion 2022/114 of the Vlaamse Toezichtcommissie, bill Dév.): art. 458ter is no
 * legal basis for processing by itself. A citation that names nothing but art. 458ter of the
 * Criminal Code is refused.
 */
const CITATION_NOISE = new Set([
  'art', 'article', 'artikel', 'cp', 'sw', 'code', 'pénal', 'penal', 'criminal', 'strafwetboek', 'wetboek',
  'van', 'het', 'du', 'de', 'of', 'the', 'al', 'alinéa', 'lid',
  // The Code's other abbreviations ("C.P.", "C. pén.") and the ordinals of its paragraphs and
  // indents ("§ 1er, al. 1er", "eerste lid") name nothing besides art. 458ter either.
  'c', 'p', 'pén', 'er', 'premier', 'eerste', 'tweede', 'derde', 'first', 'second', 'third',
  'paragraphe', 'paragraaf', 'paragraph',
]);

export function citesOnlyArticle458ter(citation: string): boolean {
  if (!/458\s*ter/i.test(citation)) return false;
  const words = citation
    .toLowerCase()
    .replace(/458\s*ter/g, ' ')
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '' && !CITATION_NOISE.has(word));
  return words.length === 0;
}

/** Every reason the draft cannot be activated yet; empty when it can. */
export function activationIssues(framework: FrameworkRecord, rules: LegalRules): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const missing = (field: string, message: string) => issues.push({ field: `/${field}`, message });

  if (!framework.basisKind) {
    missing('basisKind', 'name the instrument: a law, decree, ordinance or motivated authorisation (CP art. 458ter §1 al. 1)');
  } else if (framework.basisKind === 'prosecutor_authorisation') {
    if (!framework.authorisation) {
      missing('authorisation', "record the procureur du Roi's motivated authorisation: reference, date and motivation");
    } else if (!framework.authorisation.documentSha256) {
      missing('authorisationDocument', 'upload the signed authorisation (PDF)');
    }
    // bill arts 7-8: the office that authorised restricts rights and keeps the list of its cases.
    if (!framework.authorisingOrganisationId) {
      missing('authorisingOrganisationId', "name the procureur du Roi's office that gave the authorisation (bill arts 7-8)");
    }
  } else if (!framework.basisCitation) {
    missing('basisCitation', "cite the instrument's title, date and article");
  }
  if (!framework.processingBasis) {
    missing('processingBasis', 'name the legal basis for processing besides CP art. 458ter (SPEC SCO-04)');
  } else if (citesOnlyArticle458ter(framework.processingBasis.citation)) {
    missing('processingBasis/citation', 'CP art. 458ter alone is no legal basis for processing (SPEC SCO-04)');
  }
  if (framework.purposes.length === 0) {
    missing('purposes', 'choose at least one of the three purposes of CP art. 458ter §1 al. 2');
  }
  if (!framework.organiserOrganisationId) missing('organiserOrganisationId', 'name the organiser (bill art. 2 §3 1°)');
  if (framework.participantIds.length === 0) {
    missing('participantIds', 'declare who may participate (CP art. 458ter §1 al. 3; SPEC ROL-01)');
  }
  if (!framework.modalities) missing('modalities', 'describe the modalities of the consultation (CP art. 458ter §1 al. 3)');
  if (!framework.defaultRetention) {
    missing('defaultRetention', 'propose the default maximum retention after closure (bill art. 3 §1 al. 1)');
  } else {
    const problem = retentionProblem(rules, framework.defaultRetention);
    if (problem) missing('defaultRetention/months', problem);
  }
  return issues;
}

/** Why a maximum retention cannot be agreed (beyond 30 years without another rule), or undefined. */
export function retentionProblem(
  rules: LegalRules,
  retention: { months: number; otherRule?: string | null },
): string | undefined {
  try {
    rules.assertAgreedRetention(months(retention.months), retention.otherRule ?? undefined);
    return undefined;
  } catch (error) {
    if (error instanceof DomainError && error.details.fields?.[0]) return error.details.fields[0].message;
    throw error;
  }
}
