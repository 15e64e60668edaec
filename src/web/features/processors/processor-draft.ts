/**
 * The processor form's state and the bodies it sends (L2007 art. 16 §1; SPEC PRC-01..PRC-04): a
 * proposal may be incomplete (approval checks completeness), so an empty optional text is sent as
 * null, never as an empty string the server would refuse; a required one is sent trimmed, so that
 * the server names it when empty. The host's identity is the platform operator's: never sent.
 */
import type {
  ContractTerms,
  CreateProcessorRecord,
  Guarantee,
  ProcessorRecord,
  ProcessorRole,
  UpdateProcessorRecord,
} from '../../../contracts/processors.js';

export interface GuaranteeDraft {
  kind: Guarantee['kind'];
  title: string;
  issuer: string;
  reference: string;
  issuedOn: string;
  validUntil: string;
}

export interface ContractDraft {
  reference: string;
  signedOn: string;
  securityAnnexReference: string;
  liabilityClause: string;
  instructionClause: string;
  securityObligationsClause: string;
}

export const CONTRACT_FIELDS: readonly (keyof ContractDraft)[] = [
  'reference',
  'signedOn',
  'securityAnnexReference',
  'liabilityClause',
  'instructionClause',
  'securityObligationsClause',
];

export interface ProcessorDraft {
  role: ProcessorRole;
  /** '' when it is no sub-processor. */
  subProcessorOf: string;
  name: string;
  address: string;
  enterpriseNumber: string;
  country: string;
  services: string;
  guarantees: GuaranteeDraft[];
  contract: ContractDraft;
  /** '' for the instance's default interval. */
  reviewIntervalMonths: string;
}

export const emptyGuarantee = (): GuaranteeDraft => ({
  kind: 'certification',
  title: '',
  issuer: '',
  reference: '',
  issuedOn: '',
  validUntil: '',
});

export function emptyProcessor(role: ProcessorRole = 'other'): ProcessorDraft {
  return {
    role,
    subProcessorOf: '',
    name: '',
    address: '',
    enterpriseNumber: '',
    country: role === 'host' ? 'BE' : '',
    services: '',
    guarantees: [],
    contract: {
      reference: '',
      signedOn: '',
      securityAnnexReference: '',
      liabilityClause: '',
      instructionClause: '',
      securityObligationsClause: '',
    },
    reviewIntervalMonths: '',
  };
}

const text = (value: string | null): string => value ?? '';

/** The record as the form edits it. */
export function draftOf(record: ProcessorRecord): ProcessorDraft {
  return {
    role: record.role,
    subProcessorOf: record.subProcessorOf ?? '',
    name: record.processor.name,
    address: record.processor.address,
    enterpriseNumber: text(record.processor.enterpriseNumber),
    country: record.country,
    services: record.services,
    guarantees: record.guarantees.map((guarantee) => ({
      kind: guarantee.kind,
      title: guarantee.title,
      issuer: guarantee.issuer,
      reference: text(guarantee.reference ?? null),
      issuedOn: guarantee.issuedOn,
      validUntil: text(guarantee.validUntil ?? null),
    })),
    contract: {
      reference: text(record.contract.reference),
      signedOn: text(record.contract.signedOn),
      securityAnnexReference: text(record.contract.securityAnnexReference),
      liabilityClause: text(record.contract.liabilityClause),
      instructionClause: text(record.contract.instructionClause),
      securityObligationsClause: text(record.contract.securityObligationsClause),
    },
    reviewIntervalMonths: String(record.reviewIntervalMonths),
  };
}

const orNull = (value: string): string | null => {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

function guaranteeBody(draft: GuaranteeDraft): Guarantee {
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    issuer: draft.issuer.trim(),
    reference: orNull(draft.reference),
    issuedOn: draft.issuedOn,
    validUntil: orNull(draft.validUntil),
  };
}

function contractBody(draft: ContractDraft): ContractTerms {
  return Object.fromEntries(CONTRACT_FIELDS.map((field) => [field, orNull(draft[field])])) as ContractTerms;
}

/** A whole number of months as typed, or undefined (the instance's default) when left empty. */
function interval(value: string): number | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

const identity = (draft: ProcessorDraft) => ({
  name: draft.name.trim(),
  address: draft.address.trim(),
  enterpriseNumber: orNull(draft.enterpriseNumber),
});

export function createBody(draft: ProcessorDraft, controllerOrganisationId: string): CreateProcessorRecord {
  const months = interval(draft.reviewIntervalMonths);
  return {
    controllerOrganisationId,
    role: draft.role,
    subProcessorOf: orNull(draft.subProcessorOf),
    processor: draft.role === 'host' ? null : identity(draft),
    country: draft.country,
    services: draft.services.trim(),
    guarantees: draft.guarantees.map(guaranteeBody),
    contract: contractBody(draft.contract),
    ...(months !== undefined && { reviewIntervalMonths: months }),
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The terms the form changed from the record as it was opened (`before`), and only those: a change
 * of an approved term withdraws the approval (server), so an untouched term is never sent again.
 * Empty when nothing changed.
 */
export function updateBody(draft: ProcessorDraft, before: ProcessorDraft): UpdateProcessorRecord {
  const months = interval(draft.reviewIntervalMonths);
  const identityChanged =
    draft.name !== before.name ||
    draft.address !== before.address ||
    draft.enterpriseNumber !== before.enterpriseNumber;
  return {
    ...(draft.role !== 'host' && identityChanged && { processor: identity(draft) }),
    ...(draft.country !== before.country && { country: draft.country }),
    ...(draft.services !== before.services && { services: draft.services.trim() }),
    ...(!same(draft.guarantees, before.guarantees) && { guarantees: draft.guarantees.map(guaranteeBody) }),
    ...(!same(draft.contract, before.contract) && { contract: contractBody(draft.contract) }),
    ...(months !== undefined &&
      draft.reviewIntervalMonths !== before.reviewIntervalMonths && { reviewIntervalMonths: months }),
  };
}
