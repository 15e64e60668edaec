/**
 * What an information item must carry, by category (bill art. 2 §2 and art. 3 §2; L2007 arts
 * 6-8; SPEC DAT-00..33, PUR-04, SCO-06): pure checks over the input and the facts of the case
 * and of its controller, each issue naming its field and its rule, so that a refused item says
 * everything that is missing at once and changes nothing.
 */
import type { DP_REGIMES, OrganisationKind } from '../../../contracts/identity.js';
import type { CreateItem, ItemDetails, PoliceMission, UpdateItem } from '../../../contracts/items.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import { findClassificationMarking } from '../../kernel/documents/index.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { requiredDesignations } from '../access/record-visibility.js';

export interface RuledIssue extends FieldIssue {
  rule: string;
}

export interface ItemFacts {
  /** The framework may narrow the sixteen categories (SPEC DAT-00). */
  allowedCategories: readonly CategoryCode[];
  controller: { kind: OrganisationKind; dpRegime: (typeof DP_REGIMES)[number] };
  /** The persons of the case the author can see, and their role. */
  persons: ReadonlyMap<string, 'subject' | 'relation'>;
}

/** Which category each detail field belongs to. */
const DETAIL_CATEGORY: Record<keyof ItemDetails, CategoryCode> = {
  contacts: 'C02',
  profession: 'C03',
  competence: 'C03',
  education: 'C03',
  training: 'C03',
  sex: 'C04',
  nationality: 'C04',
  civilStatus: 'C04',
  residenceStatus: 'C04',
  creditorType: 'C05',
  amountRange: 'C05',
  tags: 'C06',
  householdPersonIds: 'C07',
  adults: 'C07',
  children: 'C07',
  judicialSubtype: 'C09',
  sourceReference: 'C09',
  judicialDataTags: 'C09',
  healthProfessional: 'C10',
  healthException: 'C10',
  healthSource: 'C10',
  healthSourceJustification: 'C10',
};

/** What L1992 art. 6 al. 1 adds to the sensitive data, under the exceptions of L2007 art. 6 §2. */
const REVELATION_RULE = 'L1992 art. 6 al. 1; L2007 art. 6 §2 (SPEC DAT-22, DAT-23)';

/**
 * The exceptions to the prohibitions of L2007 arts 6-8, by what the item holds: art. 8 §2 a)-e)
 * for judicial data, art. 7 §2 a)-k) for health (and genetic or biometric) data, art. 6 §2 a)-l)
 * for origin, beliefs and sexual life, and for what L1992 art. 6 al. 1 adds (SPEC DAT-23).
 */
function groundsFor(
  category: CategoryCode,
  geneticOrBiometric: boolean,
  criminalRelated: boolean,
): { article: 6 | 7 | 8; letters: string; rule: string } {
  if (category === 'C09' || criminalRelated) return { article: 8, letters: 'abcde', rule: CRIMINAL_RULE };
  if (category === 'C12' || category === 'C13' || category === 'C15') {
    return { article: 6, letters: 'abcdefghijkl', rule: 'L2007 art. 6 §2 (SPEC DAT-22)' };
  }
  if (category === 'C10' || geneticOrBiometric) {
    return { article: 7, letters: 'abcdefghijk', rule: 'L2007 art. 7 §2 (SPEC DAT-24)' };
  }
  return { article: 6, letters: 'abcdefghijkl', rule: REVELATION_RULE };
}

/** PUR-04, DAT-16: categories 9 to 16 are processed only where relevant, case by case (bill Comm. art. 2). */
export const needsRelevance = (category: CategoryCode): boolean => Number(category.slice(1)) >= 9;

/** The prohibition of L2007 art. 8 §1 and its exceptions (SPEC DAT-29). */
const CRIMINAL_RULE = 'L2007 art. 8 §2 (SPEC DAT-29)';

/**
 * SPEC DAT-29: besides category 9, risk situations and behaviour (11°, 14°) are where data on
 * offences, suspicions, convictions, administrative sanctions or security measures may be held.
 */
export const CRIMINAL_RELATED_CATEGORIES: readonly CategoryCode[] = ['C11', 'C14'];

/** Public authorities may process judicial data under art. 8 §2 a); others cite the law (b). */
const PUBLIC_AUTHORITIES: readonly OrganisationKind[] = [
  'administrative_authority',
  'judicial_authority',
  'federal_service',
  'police_service',
  'federated_entity_body',
];

type ItemInput = Omit<CreateItem, 'provenance' | 'missionConfirmed' | 'annotatesItemId'> &
  Partial<Pick<CreateItem, 'missionConfirmed'>>;

/**
 * L2007 art. 3 §5 (SPEC RGT-IND-01): the mission stored with an item. A police item without one is
 * taken as administrative police (prevention and protection, LFP art. 14), never as none.
 */
export function policeMissionOf(input: Pick<ItemInput, 'policeMission'>, controller: ItemFacts['controller']): PoliceMission {
  if (controller.kind !== 'police_service') return 'none';
  return input.policeMission ?? 'administrative_police';
}

export function itemIssues(input: ItemInput, facts: ItemFacts): RuledIssue[] {
  const issues: RuledIssue[] = [];
  const refuse = (field: string, message: string, rule: string) =>
    issues.push({ field: `/body/${field}`, message, rule });
  const { category, details = {} } = input;

  // DAT-20: classified information needs a security clearance the shared file does not give.
  const classifiedRule = 'bill Comm. art. 2 (SPEC DAT-20)';
  if (input.classification !== 'non_classified') {
    refuse('classification', 'classified information may not be entered in the shared file', classifiedRule);
  }
  const marking = findClassificationMarking(input.content);
  if (marking) refuse('content', `carries the classification marking ${marking}`, classifiedRule);

  if (!facts.allowedCategories.includes(category)) {
    refuse('category', "is not among the categories this consultation's framework allows", 'bill art. 2 §2 al. 1 (SPEC DAT-00)');
  }
  if (input.missionConfirmed === false) {
    refuse('missionConfirmed', "confirm that this processing lies within your organisation's legal mission", 'bill Comm. art. 2 (SPEC SCO-06)');
  }

  // RGT-JUD-02 (bill arts 6-7): whether data sit in a judicial file or criminal proceedings is
  // known to the police and the judicial authorities; their users alone set the flag.
  if (input.judicial && facts.controller.kind !== 'police_service' && facts.controller.kind !== 'judicial_authority') {
    refuse('judicial', 'only a police service or a judicial authority flags data of a judicial file', 'bill art. 6 (SPEC RGT-JUD-02)');
  }

  // RGT-IND-01 (L2007 art. 3 §5): only the police process data for a police mission.
  if (input.policeMission && input.policeMission !== 'none' && facts.controller.kind !== 'police_service') {
    refuse('policeMission', 'only a police service processes data for a police mission', 'L2007 art. 3 §5 (SPEC RGT-IND-01)');
  }

  input.personIds.forEach((id, index) => {
    if (!facts.persons.has(id)) refuse(`personIds/${index}`, 'is not a person of this case', 'bill art. 2 §2 al. 2 (SPEC DAT-17)');
  });
  for (const key of Object.keys(details) as (keyof ItemDetails)[]) {
    if (DETAIL_CATEGORY[key] !== category) {
      refuse(`details/${key}`, `belongs to category ${DETAIL_CATEGORY[key]}, not ${category}`, 'bill art. 2 §2 al. 1 (SPEC DAT-00)');
    }
  }

  if (needsRelevance(category) && !input.relevance) {
    refuse('relevance', 'say why this information is relevant to the consultation', 'bill Comm. art. 2; L2007 art. 4 §1 3° (SPEC PUR-04, DAT-16)');
  }

  specialIssues(input, facts, refuse);
  if (category === 'C07') {
    (details.householdPersonIds ?? []).forEach((id, index) => {
      if (facts.persons.get(id) !== 'relation') {
        refuse(`details/householdPersonIds/${index}`, 'a named household member is a relation/contact of the case', 'bill art. 2 §2 al. 2 (SPEC DAT-07)');
      }
    });
  }
  if (category === 'C09') {
    const rule = 'bill art. 2 §2 al. 1 9° (SPEC DAT-09)';
    if (!details.judicialSubtype) refuse('details/judicialSubtype', 'administrative police, judicial police or judicial data', rule);
    if (!details.sourceReference) refuse('details/sourceReference', 'the police database or report the data comes from', rule);
  }
  if (category === 'C10') healthIssues(details, refuse);
  return issues;
}

/** DAT-18, DAT-22, DAT-23, DAT-24, DAT-29: the exception to the prohibition, and its justification. */
function specialIssues(
  input: ItemInput,
  facts: ItemFacts,
  refuse: (field: string, message: string, rule: string) => void,
): void {
  const { category, special } = input;
  // DAT-29: what is criminal-related in another category belongs to category 9 itself.
  if (input.criminalRelated && !CRIMINAL_RELATED_CATEGORIES.includes(category)) {
    refuse(
      'criminalRelated',
      'only risk (11°) and behaviour (14°) information is flagged criminal-related: record judicial data under category 9',
      CRIMINAL_RULE,
    );
  }
  const criminalRelated = (input.criminalRelated ?? false) && CRIMINAL_RELATED_CATEGORIES.includes(category);
  // SPEC A-10: genetic and biometric data have no category of their own; they sit under health (10°)
  // or the catch-all (16°).
  if (input.geneticOrBiometric && category !== 'C10' && category !== 'C16') {
    refuse('geneticOrBiometric', 'genetic or biometric data are recorded under category 10 or 16', 'bill art. 2 §2 al. 1; SPEC DAT-18, A-10');
  }
  const geneticOrBiometric = input.geneticOrBiometric ?? false;
  const revealed = input.revealsSensitive ?? [];
  const needed = requiredDesignations(category, geneticOrBiometric, revealed, criminalRelated).length > 0;
  if (!needed) {
    if (special) refuse('special', 'only special categories record an exception ground', 'bill art. 2 §2 al. 3 (SPEC DAT-18)');
    return;
  }
  const { article, letters, rule } = groundsFor(category, geneticOrBiometric, criminalRelated);
  // DAT-23: one item answers one article's exception; judicial or health data revealing these
  // as well would need a second ground, so what they reveal is recorded as an item of its own.
  if (revealed.length > 0 && article !== 6) {
    refuse(
      'revealsSensitive',
      `its exception ground is one of art. ${article} §2: record what it reveals under art. 6 as an item of its own`,
      REVELATION_RULE,
    );
  }
  if (!special) {
    refuse('special', 'a special category needs its exception ground and a justification', rule);
    return;
  }
  if (!letters.includes(special.ground)) {
    refuse('special/ground', `must be one of ${letters.split('').join(', ')}`, rule);
  }
  // a) is written consent under art. 6 §2 and art. 7 §2; under art. 8 §2 it is the control of a public authority.
  if (article !== 8 && special.ground === 'a') {
    const consentRule = 'L2007 art. 6 §2 a), art. 7 §2 a) (SPEC DAT-22)';
    if (!special.consentReference) {
      refuse('special/consentReference', 'written consent: record where the signed consent is kept', consentRule);
    }
    // L1992 art. 39 6°: consent forced by assault, violence or threats is an offence; the record
    // says who collected it and how, so that it shows it was given freely (SPEC PEN-07).
    const freelyGiven = `${consentRule}; L1992 art. 39 6° (SPEC PEN-07)`;
    if (!special.consentCollectedBy?.trim()) {
      refuse('special/consentCollectedBy', 'written consent: say who collected it', freelyGiven);
    }
    if (!special.consentContext?.trim()) {
      refuse('special/consentContext', 'written consent: say in what circumstances it was asked and given', freelyGiven);
    }
  }
  const isAuthority = PUBLIC_AUTHORITIES.includes(facts.controller.kind);
  if (category === 'C09') {
    const title2 = facts.controller.dpRegime === 'law2018_title2';
    // DAT-09: Title 2 bodies process these data under arts 33-34; others under an art. 8 §2 authorisation.
    if ((!title2 || (special.ground === 'b' && !isAuthority)) && !special.lawCitation) {
      refuse('special/lawCitation', 'cite the law that authorises your organisation to process judicial data', 'L2007 art. 8 §2 (SPEC DAT-09, DAT-29)');
    }
  } else if (criminalRelated && special.ground === 'b' && !isAuthority && !special.lawCitation) {
    // DAT-29: b) covers "other persons" only for purposes set by or under a law, decree or ordinance.
    refuse('special/lawCitation', 'cite the law, decree or ordinance that sets the purpose your organisation processes these data for', 'L2007 art. 8 §2 b) (SPEC DAT-29)');
  }
}

/** DAT-25, DAT-26: under a health professional's responsibility or an exception; the source. */
function healthIssues(details: ItemDetails, refuse: (field: string, message: string, rule: string) => void): void {
  if (!details.healthProfessional === !details.healthException) {
    refuse('details/healthProfessional', 'name the responsible health professional, or the exception (written consent, concrete danger)', 'L2007 art. 7 §4 (SPEC DAT-25)');
  }
  const rule = 'L2007 art. 7 §5 (SPEC DAT-26)';
  if (!details.healthSource) refuse('details/healthSource', 'from the data subject or another source', rule);
  if (details.healthSource === 'other' && !details.healthSourceJustification) {
    refuse('details/healthSourceJustification', 'another source: necessary, or the data subject is unable to provide them', rule);
  }
  if (details.healthSource !== 'other' && details.healthSourceJustification) {
    refuse('details/healthSourceJustification', 'only for data from another source', rule);
  }
}

/** The input of an edit in the words of a creation, for the same checks. */
export function editAsItemInput(input: UpdateItem): ItemInput {
  const { reason: _reason, ...fields } = input;
  return fields;
}
