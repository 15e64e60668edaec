/**
 * The destination form's state and the body it sends (L2007 arts 21-22; SPEC TRF-01, TRF-02,
 * TRF-04..10). The body carries only the fields of the basis chosen (the server refuses a field of
 * another basis), trimmed; an empty text is left out, so that the server names what the basis
 * requires (e.g. "D4 requires it" on the legal reference). The rules are the server's.
 */
import {
  type BasisInput,
  type DerogationCode,
  type DestinationKind,
  ONWARD_KINDS,
  type RegisterDestination,
} from '../../../contracts/cross-border.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';

export type BasisKind = BasisInput['kind'];
export type ClausesUpload = NonNullable<BasisInput['clauses']>;

export interface ConsentDraft {
  reference: string;
  collectedBy: string;
  context: string;
  givenOn: string;
  unambiguous: boolean;
}

export interface DestinationDraft {
  kind: DestinationKind;
  name: string;
  country: string;
  categories: CategoryCode[];
  /** '' when the destination works for no other. */
  viaDestinationId: string;
  operations: string;
  basis: BasisKind;
  adequacyAssessmentId: string;
  derogation: DerogationCode | '';
  consent: ConsentDraft;
  contractReference: string;
  legalReference: string;
  justification: string;
  royalDecreeReference: string;
}

export function emptyDestination(): DestinationDraft {
  return {
    kind: 'hosting',
    name: '',
    country: '',
    categories: [],
    viaDestinationId: '',
    operations: '',
    basis: 'none',
    adequacyAssessmentId: '',
    derogation: '',
    consent: { reference: '', collectedBy: '', context: '', givenOn: '', unambiguous: false },
    contractReference: '',
    legalReference: '',
    justification: '',
    royalDecreeReference: '',
  };
}

/** The basis fields each derogation of art. 22 shows and sends (D4's justification is optional). */
export const DEROGATION_FIELDS: Record<DerogationCode, readonly (keyof BasisInput)[]> = {
  D1: ['consent'],
  D2: ['contractReference'],
  D3: ['contractReference'],
  D4: ['legalReference', 'justification'],
  D5: ['justification'],
  D6: [],
  D7: ['royalDecreeReference', 'clauses'],
};

/** Only a sub-processor or a support access works for another destination (SPEC DCL-20). */
export const worksForAnother = (kind: DestinationKind): boolean => ONWARD_KINDS.includes(kind);

const filled = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

function basisOf(draft: DestinationDraft, clauses: ClausesUpload | undefined): BasisInput {
  if (draft.basis === 'none') return { kind: 'none' };
  if (draft.basis === 'adequacy') {
    const adequacyAssessmentId = filled(draft.adequacyAssessmentId);
    return { kind: 'adequacy', ...(adequacyAssessmentId && { adequacyAssessmentId }) };
  }
  if (draft.derogation === '') return { kind: 'derogation' };
  const wanted = DEROGATION_FIELDS[draft.derogation];
  const basis: BasisInput = { kind: 'derogation', derogation: draft.derogation };
  for (const field of [
    'contractReference',
    'legalReference',
    'justification',
    'royalDecreeReference',
  ] as const) {
    const value = filled(draft[field]);
    if (wanted.includes(field) && value) basis[field] = value;
  }
  // D1: the consent record is sent whole, so that the server names each of its missing fields.
  if (wanted.includes('consent')) {
    const { reference, collectedBy, context, givenOn, unambiguous } = draft.consent;
    basis.consent = {
      reference: reference.trim(),
      collectedBy: collectedBy.trim(),
      context: context.trim(),
      givenOn,
      unambiguous,
    };
  }
  if (wanted.includes('clauses') && clauses) basis.clauses = clauses;
  return basis;
}

export function destinationBody(draft: DestinationDraft, clauses?: ClausesUpload): RegisterDestination {
  const via = worksForAnother(draft.kind) ? filled(draft.viaDestinationId) : undefined;
  const operations = filled(draft.operations);
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    country: draft.country,
    categories: [...draft.categories].sort(),
    ...(via && { viaDestinationId: via }),
    ...(operations && { operations }),
    basis: basisOf(draft, clauses),
  };
}
