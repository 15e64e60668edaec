/**
 * Minimisation and justification (L1992 art. 39 3°: processing in breach of arts 5-8; bill Comm.
 * art. 2; L2007 arts 4 §1 3°, 6-8; SPEC PUR-04, DAT-16, DAT-22..DAT-30, PEN-04): for every item of
 * the controller that holds data, whether it still carries what the law asks of it: a purpose code
 * (its case's, among its framework's, PUR-01), the relevance of categories 9-16 (PUR-04), the
 * exception of arts 6-8 with its justification (DAT-18, DAT-22, DAT-24, DAT-29), the written-consent
 * record with who collected it and how (DAT-22, PEN-07), the law cited (DAT-09, DAT-29), the health
 * professional or exception and the source of health data (DAT-25, DAT-26), the source of judicial
 * data (DAT-09).
 *
 * The check is the one that refuses an item at its recording (`itemIssues`, cases/item-rules.ts),
 * run again over what is stored: a row written or changed past the service (a migration, an
 * import, a repair by hand) shows here. Pure over the decrypted payload; the report says which
 * ground is missing, never what the item holds.
 */

import type { SensitiveRevelation } from '../../../contracts/items.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import { CATEGORY_CODES } from '../../../contracts/legal-codes.js';
import type { MissingGround } from '../../../contracts/penal-evidence.js';
import { requiredDesignations } from '../access/record-visibility.js';
import type { ItemPayload } from '../cases/case-presenter.js';
import { CRIMINAL_RELATED_CATEGORIES, itemIssues } from '../cases/item-rules.js';

export const MINIMISATION_RULE =
  'L1992 art. 39 3° and arts 5-8; L2007 arts 4 §1 3°, 6-8 (SPEC PUR-04, DAT-22..DAT-30, PEN-04)';
const PURPOSE_RULE = 'CP art. 458ter §1 al. 2; bill art. 2 §1 (SPEC PUR-01, PUR-04)';

export interface ItemGroundFacts {
  id: string;
  case_id: string;
  category: string;
  genetic_biometric: boolean;
  reveals_sensitive: readonly string[];
  criminal_related: boolean;
  police_mission: string;
  classification: string;
  case_purposes: readonly string[];
  framework_purposes: readonly string[];
  personIds: readonly string[];
  payload: ItemPayload;
  controller: { kind: string; dpRegime: string };
}

/** Which field of the recording rules names which ground. */
const GROUND_OF_FIELD: [RegExp, MissingGround][] = [
  [/^\/body\/relevance$/, 'relevance'],
  [/^\/body\/special\/ground$/, 'exception_ground'],
  [/^\/body\/special\/justification$/, 'exception_justification'],
  [/^\/body\/special\/consent/, 'consent_record'],
  [/^\/body\/special\/lawCitation$/, 'law_citation'],
  [/^\/body\/details\/healthProfessional$/, 'health_responsibility'],
  [/^\/body\/details\/healthSource/, 'health_source'],
  [/^\/body\/details\/(judicialSubtype|sourceReference)$/, 'judicial_source'],
];

export function missingGrounds(item: ItemGroundFacts): { missing: MissingGround[]; rules: string[] } {
  const category = item.category as CategoryCode;
  const { payload } = item;
  const issues = itemIssues(
    {
      category,
      personIds: [...item.personIds],
      content: payload.content,
      ...(payload.details ? { details: payload.details } : {}),
      classification: item.classification as 'non_classified',
      ...(payload.special ? { special: payload.special } : {}),
      ...(payload.relevance ? { relevance: payload.relevance } : {}),
      geneticOrBiometric: item.genetic_biometric,
      revealsSensitive: item.reveals_sensitive as SensitiveRevelation[],
      ...(payload.secretOfInvestigation ? { secretOfInvestigation: payload.secretOfInvestigation } : {}),
      ...(payload.judicial ? { judicial: payload.judicial } : {}),
      policeMission: item.police_mission as 'none',
      criminalRelated: item.criminal_related,
    },
    {
      // What is not a ground (the framework's categories, the persons) is not this report's.
      allowedCategories: CATEGORY_CODES,
      controller: item.controller as Parameters<typeof itemIssues>[1]['controller'],
      persons: new Map(item.personIds.map((id) => [id, 'subject' as const])),
    },
  );
  const special =
    requiredDesignations(
      category,
      item.genetic_biometric,
      item.reveals_sensitive as SensitiveRevelation[],
      item.criminal_related && CRIMINAL_RELATED_CATEGORIES.includes(category),
    ).length > 0;
  const found = new Map<MissingGround, string>();
  for (const issue of issues) {
    // A special category without its `special` block lacks both the ground and its justification.
    if (issue.field === '/body/special' && special) {
      found.set('exception_ground', issue.rule);
      found.set('exception_justification', issue.rule);
      continue;
    }
    const ground = GROUND_OF_FIELD.find(([pattern]) => pattern.test(issue.field))?.[1];
    if (ground && !found.has(ground)) found.set(ground, issue.rule);
  }
  // The recording form requires a justification's text; a stored one may have lost it.
  if (special && payload.special && !payload.special.justification?.trim()) {
    found.set('exception_justification', 'L2007 arts 6-8 §2 (SPEC DAT-18)');
  }
  const purposes = item.case_purposes;
  if (purposes.length === 0 || purposes.some((code) => !item.framework_purposes.includes(code))) {
    found.set('purpose', PURPOSE_RULE);
  }
  const missing = [...found.keys()].sort();
  return { missing, rules: [...new Set(missing.map((ground) => found.get(ground)!))] };
}
