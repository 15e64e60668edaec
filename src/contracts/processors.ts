/**
 * The processor registry of each controller (L2007 art. 16 §1; SPEC PRC-01..PRC-09): the host of
 * the platform and every other processor (backup provider, sub-processor), with the guarantees it
 * offers, the contract and its clauses, the signed documents kept as immutable versions, the
 * controller's approval and its periodic reviews. A proposal may be incomplete; approval checks
 * completeness field by field. These schemas fix the shape only.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { FieldIssueSchema } from './problem.js';

const closed = { additionalProperties: false } as const;
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const nullable = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));
const orNull = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/**
 * What the processor is to the controller: the host of the platform (bill art. 3 §1 al. 2: a
 * processor of each participant, SPEC PRC-06), a backup provider, or another processor.
 */
export const PROCESSOR_ROLES = ['host', 'backup', 'other'] as const;
export type ProcessorRole = (typeof PROCESSOR_ROLES)[number];

/** art. 16 §1 1°: the evidence of sufficient guarantees (SPEC PRC-01). */
export const GUARANTEE_KINDS = ['certification', 'audit_report'] as const;

export const GuaranteeSchema = Type.Object(
  {
    kind: Type.Enum([...GUARANTEE_KINDS]),
    /** e.g. "ISO/IEC 27001:2022" or "ISAE 3402 type II report 2025". */
    title: text(200),
    /** The certification body or auditor. */
    issuer: text(200),
    reference: nullable(text(200)),
    issuedOn: civilDate,
    /** A certificate's end of validity; past it, the registry turns amber. */
    validUntil: nullable(civilDate),
  },
  closed,
);
export type Guarantee = Static<typeof GuaranteeSchema>;

/** art. 16 §1 2°-4°: the contract and its clauses, each as a reference or section (SPEC PRC-02..PRC-04). */
export const ContractTermsSchema = Type.Object(
  {
    reference: nullable(text(200)),
    signedOn: nullable(civilDate),
    /** The security annex (art. 16 §1 2°, 5°). */
    securityAnnexReference: nullable(text(300)),
    /** The processor's liability towards the controller (art. 16 §1 3°; SPEC PRC-03). */
    liabilityClause: nullable(text(300)),
    /** The processor acts only on the controller's instructions (art. 16 §1 4°, §3; SPEC PRC-04). */
    instructionClause: nullable(text(300)),
    /** The processor is bound by the same security obligations (art. 16 §1 4°, §4; SPEC PRC-04, A-20). */
    securityObligationsClause: nullable(text(300)),
  },
  closed,
);
export type ContractTerms = Static<typeof ContractTermsSchema>;

/** Who the processor is; the host's identity is the platform operator organisation's (SPEC PRC-09). */
export const ProcessorIdentitySchema = Type.Object(
  {
    name: text(200),
    address: text(500),
    enterpriseNumber: nullable(text(50)),
  },
  closed,
);

const countryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const reviewInterval = Type.Integer({ minimum: 1, maximum: 36 });

export const CreateProcessorRecordSchema = Type.Object(
  {
    /** The controller whose processor it is. */
    controllerOrganisationId: IdSchema,
    role: Type.Enum([...PROCESSOR_ROLES]),
    /** A sub-processor names the processor of the same controller that engaged it (SPEC DCL-20). */
    subProcessorOf: nullable(IdSchema),
    /** Required unless the role is `host`, whose identity is the platform operator's. */
    processor: nullable(ProcessorIdentitySchema),
    /** Where it processes the data (SPEC TRF-01, DCL-20). */
    country: countryCode,
    /** What it does for the controller, e.g. "hosting and operation of the Concerto instance". */
    services: text(1000),
    guarantees: Type.Optional(Type.Array(GuaranteeSchema, { maxItems: 50 })),
    contract: Type.Optional(ContractTermsSchema),
    /** Months between compliance reviews; the instance's setting when left out. */
    reviewIntervalMonths: Type.Optional(reviewInterval),
  },
  closed,
);
export type CreateProcessorRecord = Static<typeof CreateProcessorRecordSchema>;

/** A change of an approved record's identity, location, guarantees or contract withdraws its approval. */
export const UpdateProcessorRecordSchema = Type.Object(
  {
    processor: Type.Optional(ProcessorIdentitySchema),
    country: Type.Optional(countryCode),
    services: Type.Optional(text(1000)),
    guarantees: Type.Optional(Type.Array(GuaranteeSchema, { maxItems: 50 })),
    contract: Type.Optional(ContractTermsSchema),
    reviewIntervalMonths: Type.Optional(reviewInterval),
  },
  { ...closed, minProperties: 1 },
);
export type UpdateProcessorRecord = Static<typeof UpdateProcessorRecordSchema>;

export const PROCESSOR_DOCUMENT_KINDS = ['contract', 'security_annex', 'security_plan'] as const;
export type ProcessorDocumentKind = (typeof PROCESSOR_DOCUMENT_KINDS)[number];

/** The upload's metadata; the body is the raw PDF. */
export const ProcessorDocumentQuerySchema = Type.Object(
  {
    kind: Type.Enum([...PROCESSOR_DOCUMENT_KINDS]),
    /** The day the contract was signed or the security plan dated. */
    documentDate: civilDate,
    filename: Type.String({ minLength: 1, maxLength: 255 }),
  },
  closed,
);
export type ProcessorDocumentQuery = Static<typeof ProcessorDocumentQuerySchema>;

export const PROCESSOR_REVIEW_KINDS = ['compliance', 'security_plan'] as const;
export const PROCESSOR_REVIEW_OUTCOMES = ['compliant', 'compliant_with_remarks', 'non_compliant'] as const;

/** art. 16 §1 2° (PRC-02): a compliance review; §4 (PRC-07): a review of a security plan version. */
export const RecordProcessorReviewSchema = Type.Object(
  {
    kind: Type.Enum([...PROCESSOR_REVIEW_KINDS]),
    reviewedOn: civilDate,
    outcome: Type.Enum([...PROCESSOR_REVIEW_OUTCOMES]),
    findings: text(4000),
    /** The security plan version reviewed (kind `security_plan` only). */
    documentId: nullable(IdSchema),
  },
  closed,
);
export type RecordProcessorReview = Static<typeof RecordProcessorReviewSchema>;

export const ProcessorParamsSchema = Type.Object({ recordId: IdSchema }, closed);
export const ProcessorDocumentParamsSchema = Type.Object(
  { recordId: IdSchema, documentId: IdSchema },
  closed,
);
/** The operator may narrow its list to one controller; a DPO sees its own controller's. */
export const ProcessorListQuerySchema = Type.Object(
  { controllerOrganisationId: Type.Optional(IdSchema) },
  closed,
);
export type ProcessorListQuery = Static<typeof ProcessorListQuerySchema>;

/** green: approved and reviewed in time; amber: a review or a certificate is overdue (PRC-02); red: not approved or found non-compliant. */
export const PROCESSOR_STATUS_LEVELS = ['green', 'amber', 'red'] as const;
export type ProcessorStatusLevel = (typeof PROCESSOR_STATUS_LEVELS)[number];
export const PROCESSOR_STATUS_REASONS = [
  'not_approved',
  'found_non_compliant',
  'compliance_review_overdue',
  'security_plan_missing',
  'security_plan_review_overdue',
  'guarantee_expired',
] as const;
export type ProcessorStatusReason = (typeof PROCESSOR_STATUS_REASONS)[number];

export const ProcessorStatusSchema = Type.Object(
  {
    level: Type.Enum([...PROCESSOR_STATUS_LEVELS]),
    reasons: Type.Array(Type.Enum([...PROCESSOR_STATUS_REASONS])),
    nextComplianceReviewDue: orNull(civilDate),
    nextSecurityPlanReviewDue: orNull(civilDate),
  },
  closed,
);
export type ProcessorStatus = Static<typeof ProcessorStatusSchema>;

export const PROCESSOR_ACTIONS = ['edit', 'upload', 'approve', 'review'] as const;
export type ProcessorAction = (typeof PROCESSOR_ACTIONS)[number];

export const ProcessorDocumentSchema = Type.Object(
  {
    id: IdSchema,
    kind: Type.Enum([...PROCESSOR_DOCUMENT_KINDS]),
    version: Type.Integer(),
    /** The latest version of its kind. */
    current: Type.Boolean(),
    filename: Type.String(),
    mediaType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
    documentDate: civilDate,
    uploadedBy: Type.String(),
    uploadedAt: instant,
  },
  closed,
);
export type ProcessorDocument = Static<typeof ProcessorDocumentSchema>;

export const ProcessorReviewSchema = Type.Object(
  {
    id: IdSchema,
    kind: Type.Enum([...PROCESSOR_REVIEW_KINDS]),
    reviewedOn: civilDate,
    outcome: Type.Enum([...PROCESSOR_REVIEW_OUTCOMES]),
    findings: Type.String(),
    documentId: orNull(IdSchema),
    recordedBy: Type.String(),
    recordedAt: instant,
  },
  closed,
);

const party = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

export const ProcessorRecordSchema = Type.Object(
  {
    id: IdSchema,
    controller: party,
    role: Type.Enum([...PROCESSOR_ROLES]),
    subProcessorOf: orNull(IdSchema),
    /** The host's record, or a sub-processor of it: the operator proposes and documents these. */
    hostSide: Type.Boolean(),
    hostOrganisationId: orNull(IdSchema),
    processor: Type.Object(
      { name: Type.String(), address: Type.String(), enterpriseNumber: orNull(Type.String()) },
      closed,
    ),
    country: Type.String(),
    services: Type.String(),
    guarantees: Type.Array(GuaranteeSchema),
    contract: Type.Object(
      {
        reference: orNull(Type.String()),
        signedOn: orNull(civilDate),
        securityAnnexReference: orNull(Type.String()),
        liabilityClause: orNull(Type.String()),
        instructionClause: orNull(Type.String()),
        securityObligationsClause: orNull(Type.String()),
      },
      closed,
    ),
    reviewIntervalMonths: Type.Integer(),
    approval: orNull(Type.Object({ approvedBy: Type.String(), approvedAt: instant }, closed)),
    /** What approval still needs, field by field (empty when it may be approved). */
    missingForApproval: Type.Array(FieldIssueSchema),
    documents: Type.Array(ProcessorDocumentSchema),
    reviews: Type.Array(ProcessorReviewSchema),
    status: ProcessorStatusSchema,
    allowedActions: Type.Array(Type.Enum([...PROCESSOR_ACTIONS])),
    createdAt: instant,
    updatedAt: instant,
  },
  closed,
);
export type ProcessorRecord = Static<typeof ProcessorRecordSchema>;

export const ProcessorRecordListSchema = Type.Object(
  {
    records: Type.Array(ProcessorRecordSchema),
    /** The worst status of the records listed (green when none is listed). */
    level: Type.Enum([...PROCESSOR_STATUS_LEVELS]),
  },
  closed,
);
export type ProcessorRecordList = Static<typeof ProcessorRecordListSchema>;

/** The operator's view: each participant controller and the host's record for it (SPEC PRC-01, PRC-06). */
export const HostCoverageSchema = Type.Object(
  {
    host: orNull(party),
    controllers: Type.Array(
      Type.Object(
        {
          controller: party,
          hostRecord: orNull(
            Type.Object(
              { id: IdSchema, approved: Type.Boolean(), level: Type.Enum([...PROCESSOR_STATUS_LEVELS]) },
              closed,
            ),
          ),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type HostCoverage = Static<typeof HostCoverageSchema>;
