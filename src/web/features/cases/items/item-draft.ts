/**
 * The information form as typed, and the body it sends (CreateItemSchema): what each category
 * asks for (bill art. 2 §2; L2007 arts 6-8; L1992 arts 6 and 8; SPEC DAT-09, DAT-16, DAT-18,
 * DAT-21, DAT-23, DAT-25, DAT-26, DAT-29, DAT-31, SCO-05, SCO-06). The server checks every rule and names the fields it refuses.
 */
import type {
  CLASSIFICATIONS,
  CreateItem,
  ItemDetails,
  JUDICIAL_DATA_TAGS,
  JUDICIAL_SUBTYPES,
  SensitiveRevelation,
} from '../../../../contracts/items.js';
import type { CategoryCode } from '../../../../contracts/legal-codes.js';

/** bill art. 2 §2 al. 3 (SPEC DAT-18): judicial, health, origin, beliefs, sexual life. */
export const SPECIAL_CATEGORIES: readonly CategoryCode[] = ['C09', 'C10', 'C12', 'C13', 'C15'];

/**
 * The exceptions of L2007 art. 8 §2 a)-e) (judicial), art. 6 §2 a)-l) (origin, beliefs, sexual
 * life, and what L1992 art. 6 adds: SPEC DAT-23), art. 7 §2 a)-k) (health, genetic, biometric).
 */
export function exceptionGrounds(
  category: CategoryCode | '',
  geneticOrBiometric: boolean,
  criminalRelated = false,
): {
  letters: string[];
  article: '6' | '7' | '8';
} {
  if (category === 'C09' || (criminalRelated && offersCriminalRelated(category))) return { letters: [...'abcde'], article: '8' };
  if (category === 'C12' || category === 'C13' || category === 'C15')
    return { letters: [...'abcdefghijkl'], article: '6' };
  if (category === 'C10' || geneticOrBiometric) return { letters: [...'abcdefghijk'], article: '7' };
  return { letters: [...'abcdefghijkl'], article: '6' };
}

/** DAT-29: risk (11°) and behaviour (14°) information may be criminal-related (L2007 art. 8 §1). */
export const offersCriminalRelated = (category: CategoryCode | ''): boolean => category === 'C11' || category === 'C14';

/** The flag as sent: only where the category offers it, so that changing the category drops it. */
export const criminalRelatedOf = (draft: Pick<ItemDraft, 'category' | 'criminalRelated'>): boolean =>
  draft.criminalRelated && offersCriminalRelated(draft.category);

export type HealthMode = 'professional' | 'exception';
export type Provenance = 'already_held' | 'collected_following_consultation';

export interface ItemDraft {
  category: CategoryCode | '';
  personIds: string[];
  content: string;
  classification: (typeof CLASSIFICATIONS)[number];
  relevance: string;
  geneticOrBiometric: boolean;
  revealsSensitive: SensitiveRevelation[];
  criminalRelated: boolean;
  specialGround: string;
  specialJustification: string;
  lawCitation: string;
  consentReference: string;
  consentCollectedBy: string;
  consentContext: string;
  judicialSubtype: (typeof JUDICIAL_SUBTYPES)[number] | '';
  sourceReference: string;
  judicialDataTags: (typeof JUDICIAL_DATA_TAGS)[number][];
  healthMode: HealthMode;
  healthProfessionalName: string;
  healthProfessionalRegistration: string;
  healthException: NonNullable<ItemDetails['healthException']> | '';
  healthSource: NonNullable<ItemDetails['healthSource']> | '';
  healthSourceJustification: NonNullable<ItemDetails['healthSourceJustification']> | '';
  secret: boolean;
  secretReference: string;
  judicial: boolean;
  judicialReference: string;
  provenance: Provenance;
  provenanceReference: string;
  consultationId: string;
  missionConfirmed: boolean;
}

export const EMPTY_ITEM: ItemDraft = {
  category: '',
  personIds: [],
  content: '',
  classification: 'non_classified',
  relevance: '',
  geneticOrBiometric: false,
  revealsSensitive: [],
  criminalRelated: false,
  specialGround: '',
  specialJustification: '',
  lawCitation: '',
  consentReference: '',
  consentCollectedBy: '',
  consentContext: '',
  judicialSubtype: '',
  sourceReference: '',
  judicialDataTags: [],
  healthMode: 'professional',
  healthProfessionalName: '',
  healthProfessionalRegistration: '',
  healthException: '',
  healthSource: '',
  healthSourceJustification: '',
  secret: false,
  secretReference: '',
  judicial: false,
  judicialReference: '',
  provenance: 'already_held',
  provenanceReference: '',
  consultationId: '',
  missionConfirmed: false,
};

/** PUR-04, DAT-16: categories 9 to 16 say why they are relevant. */
export const needsRelevance = (category: CategoryCode | ''): boolean =>
  category !== '' && Number(category.slice(1)) >= 9;

/**
 * DAT-18, DAT-23, DAT-29: a special category, genetic or biometric data, what L1992 art. 6 adds,
 * or criminal-related risk or behaviour information records its exception ground.
 */
export const needsException = (
  draft: Pick<ItemDraft, 'category' | 'geneticOrBiometric' | 'revealsSensitive'> & Partial<Pick<ItemDraft, 'criminalRelated'>>,
): boolean =>
  (draft.category !== '' && SPECIAL_CATEGORIES.includes(draft.category)) ||
  draft.geneticOrBiometric ||
  draft.revealsSensitive.length > 0 ||
  criminalRelatedOf({ category: draft.category, criminalRelated: draft.criminalRelated ?? false });

/** DAT-09, DAT-29: judicial data, and criminal-related information, may have to cite the law (L2007 art. 8 §2). */
export const asksLawCitation = (draft: Pick<ItemDraft, 'category' | 'criminalRelated'>): boolean =>
  draft.category === 'C09' || criminalRelatedOf(draft);

/**
 * DAT-23: the declaration is offered where its ground is one of art. 6 §2; judicial and health
 * data answer another article, so what they reveal is an item of its own. Once made, it stays in
 * sight, for the server's refusal to point at it.
 */
export const offersRevelations = (
  draft: Pick<ItemDraft, 'category' | 'geneticOrBiometric' | 'revealsSensitive'> & Partial<Pick<ItemDraft, 'criminalRelated'>>,
): boolean =>
  exceptionGrounds(draft.category, draft.geneticOrBiometric, draft.criminalRelated).article === '6' ||
  draft.revealsSensitive.length > 0;

const trimmed = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

function detailsOf(draft: ItemDraft): ItemDetails | undefined {
  if (draft.category === 'C09') {
    return {
      ...(draft.judicialSubtype ? { judicialSubtype: draft.judicialSubtype } : {}),
      ...(trimmed(draft.sourceReference) ? { sourceReference: draft.sourceReference.trim() } : {}),
      ...(draft.judicialDataTags.length > 0 ? { judicialDataTags: draft.judicialDataTags } : {}),
    };
  }
  if (draft.category === 'C10') {
    return {
      ...(draft.healthMode === 'professional' &&
      (trimmed(draft.healthProfessionalName) || trimmed(draft.healthProfessionalRegistration))
        ? {
            healthProfessional: {
              name: draft.healthProfessionalName.trim(),
              registration: draft.healthProfessionalRegistration.trim(),
            },
          }
        : {}),
      ...(draft.healthMode === 'exception' && draft.healthException
        ? { healthException: draft.healthException }
        : {}),
      ...(draft.healthSource ? { healthSource: draft.healthSource } : {}),
      ...(draft.healthSource === 'other' && draft.healthSourceJustification
        ? { healthSourceJustification: draft.healthSourceJustification }
        : {}),
    };
  }
  return undefined;
}

export function itemBody(draft: ItemDraft): CreateItem {
  const details = detailsOf(draft);
  const lawCitation = trimmed(draft.lawCitation);
  const consentReference = trimmed(draft.consentReference);
  const consentCollectedBy = trimmed(draft.consentCollectedBy);
  const consentContext = trimmed(draft.consentContext);
  return {
    category: draft.category as CategoryCode,
    personIds: draft.personIds,
    content: draft.content,
    classification: draft.classification,
    ...(details ? { details } : {}),
    ...(needsException(draft)
      ? {
          special: {
            ground: draft.specialGround,
            justification: draft.specialJustification.trim(),
            ...(lawCitation ? { lawCitation } : {}),
            ...(consentReference ? { consentReference } : {}),
            ...(consentCollectedBy ? { consentCollectedBy } : {}),
            ...(consentContext ? { consentContext } : {}),
          },
        }
      : {}),
    ...(needsRelevance(draft.category) ? { relevance: draft.relevance.trim() } : {}),
    ...(draft.geneticOrBiometric ? { geneticOrBiometric: true } : {}),
    ...(draft.revealsSensitive.length > 0 ? { revealsSensitive: draft.revealsSensitive } : {}),
    ...(criminalRelatedOf(draft) ? { criminalRelated: true } : {}),
    ...(draft.secret ? { secretOfInvestigation: { authorityReference: draft.secretReference.trim() } } : {}),
    ...(draft.judicial ? { judicial: { reference: draft.judicialReference.trim() } } : {}),
    provenance:
      draft.provenance === 'already_held'
        ? { kind: 'already_held', sourceReference: draft.provenanceReference.trim() }
        : { kind: 'collected_following_consultation', consultationId: draft.consultationId },
    missionConfirmed: draft.missionConfirmed,
  };
}
