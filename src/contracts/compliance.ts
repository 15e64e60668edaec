/**
 * The compliance module (issue 6 scope 8): the instance's security evidence (SPEC SEC-03), the
 * federal-use compliance gate (SCO-08), each controller's dashboard (SCO-12) and its imported
 * IT-security norm checklist (SEC-04). None of these shapes carries case content or a person
 * concerned: figures, statuses, dates and references only. The schemas fix the shape; the rules
 * are the compliance service's.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const nullable = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

// --- SEC-03: the security plan and its reviews -----------------------------------------------

/** What SPEC SEC-03 says the instance's security plan covers. */
export const SECURITY_PLAN_AREAS = [
  'encryption',
  'backup_restore',
  'malware_protection',
  'vulnerability_management',
  'tenant_segregation',
  'secure_development',
] as const;
export type SecurityPlanArea = (typeof SECURITY_PLAN_AREAS)[number];

/** Why the plan was reviewed: first adopted, the yearly review, or a significant change. */
export const REVIEW_OCCASIONS = ['initial', 'annual', 'significant_change'] as const;

export const RecordSecurityPlanReviewSchema = Type.Object(
  {
    /** The version of the instance's plan that was reviewed, e.g. "2.1". */
    planVersion: text(50),
    reviewedOn: civilDate,
    occasion: Type.Enum([...REVIEW_OCCASIONS]),
    /** The significant change that called for the review (occasion significant_change only). */
    changeDescription: nullable(text(2000)),
    /** Where the plan is kept (document reference, repository path or URL). */
    planReference: text(500),
    /** Where the documented risk assessment is kept. */
    riskAssessmentReference: text(500),
    /** The areas the reviewed plan covers: SPEC SEC-03 requires all of them. */
    areas: Type.Array(Type.Enum([...SECURITY_PLAN_AREAS]), { minItems: 1, maxItems: 6, uniqueItems: true }),
  },
  closed,
);
export type RecordSecurityPlanReview = Static<typeof RecordSecurityPlanReviewSchema>;

const RecorderSchema = Type.Object(
  {
    displayName: Type.String(),
    organisation: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
  },
  closed,
);

export const SecurityPlanReviewSchema = Type.Object(
  {
    id: IdSchema,
    planVersion: Type.String(),
    reviewedOn: civilDate,
    occasion: Type.Enum([...REVIEW_OCCASIONS]),
    changeDescription: Type.Union([Type.String(), Type.Null()]),
    planReference: Type.String(),
    riskAssessmentReference: Type.String(),
    areas: Type.Array(Type.Enum([...SECURITY_PLAN_AREAS])),
    recordedBy: RecorderSchema,
    recordedAt: instant,
  },
  closed,
);
export type SecurityPlanReview = Static<typeof SecurityPlanReviewSchema>;

/** Whether the evidence is current: dated within its interval (SPEC SEC-03), and when the next is due. */
export const EvidenceStatusSchema = Type.Object(
  {
    current: Type.Boolean(),
    /** The last day the latest evidence counts; null when there is none. */
    dueOn: Type.Union([civilDate, Type.Null()]),
    rule: Type.String(),
  },
  closed,
);

export const SecurityPlanReviewListSchema = Type.Object(
  { status: EvidenceStatusSchema, reviews: Type.Array(SecurityPlanReviewSchema) },
  closed,
);
export type SecurityPlanReviewList = Static<typeof SecurityPlanReviewListSchema>;

// --- SEC-03: restore tests ----------------------------------------------------------------

export const RESTORE_TEST_OUTCOMES = ['succeeded', 'failed'] as const;

export const RecordRestoreTestSchema = Type.Object(
  {
    /** The day a backup was restored (`concerto restore` into an empty database) and checked. */
    testedOn: civilDate,
    outcome: Type.Enum([...RESTORE_TEST_OUTCOMES]),
    /** The test report: a ticket, a document reference, the backup file's date. */
    reference: text(500),
  },
  closed,
);
export type RecordRestoreTest = Static<typeof RecordRestoreTestSchema>;

export const RestoreTestSchema = Type.Object(
  {
    id: IdSchema,
    testedOn: civilDate,
    outcome: Type.Enum([...RESTORE_TEST_OUTCOMES]),
    reference: Type.String(),
    recordedBy: RecorderSchema,
    recordedAt: instant,
  },
  closed,
);
export type RestoreTest = Static<typeof RestoreTestSchema>;

export const RestoreTestListSchema = Type.Object(
  { status: EvidenceStatusSchema, restoreTests: Type.Array(RestoreTestSchema) },
  closed,
);
export type RestoreTestList = Static<typeof RestoreTestListSchema>;

// --- SCO-08: the federal-use compliance gate ------------------------------------------------

/** The conditions SPEC SCO-08 sets before a federal participant may use the shared file. */
export const FEDERAL_GATE_CONDITIONS = [
  'max_retention_set',
  'access_management_active',
  'security_plan_documented',
  'controller_attribution_active',
] as const;
export type FederalGateCondition = (typeof FEDERAL_GATE_CONDITIONS)[number];

export const GATE_STATUSES = ['green', 'red'] as const;

export const FederalUseGateSchema = Type.Object(
  {
    status: Type.Enum([...GATE_STATUSES]),
    conditions: Type.Array(
      Type.Object(
        {
          key: Type.Enum([...FEDERAL_GATE_CONDITIONS]),
          met: Type.Boolean(),
          /** The SPEC row and article the condition rests on. */
          rule: Type.String(),
          /** What was found, or what is missing (no personal data). */
          detail: Type.String(),
        },
        closed,
      ),
    ),
    /** The organisation kinds the gate holds back while it is red. */
    federalKinds: Type.Array(Type.String()),
    rule: Type.String(),
  },
  closed,
);
export type FederalUseGate = Static<typeof FederalUseGateSchema>;

// --- SCO-12: the dashboard -----------------------------------------------------------------

/**
 * Every indicator the dashboard must show (SPEC SCO-12, SEC-03, SEC-04, SCO-08, PRC-02, SUP-01,
 * TRF). The indicators of the modules that do not exist yet are listed as pending, never faked.
 */
export const INDICATOR_KEYS = [
  'purposes',
  'lawful_grounds',
  'retention_agreement',
  'retention_status',
  'rights_requests',
  'declaration_status',
  'security_plan',
  'restore_test',
  'norm_checklist',
  'federal_use_gate',
  'processor_reviews',
  'supervisory_recommendations',
  'cross_border_transfers',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const INDICATOR_STATUSES = ['green', 'amber', 'red'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const IndicatorSchema = Type.Object(
  {
    key: Type.Enum([...INDICATOR_KEYS]),
    status: Type.Enum([...INDICATOR_STATUSES]),
    /** Counts and codes, by name (e.g. open: 3, overdue: 1); never a person. */
    figures: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Null()])),
    /** Where the details are: the API resource (the web app maps it to its screen). */
    link: Type.String(),
    rule: Type.String(),
  },
  closed,
);
export type Indicator = Static<typeof IndicatorSchema>;

export const DashboardSchema = Type.Object(
  {
    controller: Type.Object(
      {
        id: IdSchema,
        legalName: Type.String(),
        /** SPEC SCO-12: the named compliance owner of the organisation record. */
        complianceOwner: Type.String(),
        /** The account the DPO designated for the compliance owner, if any. */
        complianceOwnerAccount: Type.Union([
          Type.Object({ userId: IdSchema, displayName: Type.String() }, closed),
          Type.Null(),
        ]),
      },
      closed,
    ),
    generatedAt: instant,
    indicators: Type.Array(IndicatorSchema),
    /** Indicators whose module is not part of this instance yet: shown as "not available". */
    pending: Type.Array(
      Type.Object(
        { key: Type.Enum([...INDICATOR_KEYS]), module: Type.String(), rule: Type.String() },
        closed,
      ),
    ),
  },
  closed,
);
export type Dashboard = Static<typeof DashboardSchema>;

export const DesignateComplianceOwnerSchema = Type.Object({ userId: IdSchema }, closed);
export type DesignateComplianceOwner = Static<typeof DesignateComplianceOwnerSchema>;

export const ComplianceOwnerSchema = Type.Object(
  { organisationId: IdSchema, userId: IdSchema, displayName: Type.String(), designatedAt: instant },
  closed,
);
export type ComplianceOwner = Static<typeof ComplianceOwnerSchema>;

// --- SEC-04: IT-security norm checklists ----------------------------------------------------

export const CONTROL_STATUSES = [
  'to_assess',
  'implemented',
  'partially_implemented',
  'not_implemented',
  'not_applicable',
] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** A norm set as published, e.g. docs/norm-sets/*.json: its origin, then its controls in order. */
export const ImportNormSetSchema = Type.Object(
  {
    code: text(100),
    version: text(50),
    title: text(500),
    issuer: text(300),
    /** Where the norms were published: a URL or a citation of the official text. */
    source: text(1000),
    controls: Type.Array(
      Type.Object({ code: text(50), title: text(500), description: Type.Optional(text(4000)) }, closed),
      { minItems: 1, maxItems: 500 },
    ),
  },
  closed,
);
export type ImportNormSet = Static<typeof ImportNormSetSchema>;

/** A control's assessment: once assessed it is never "to assess" again, and the note says how or why. */
export const SetControlStatusSchema = Type.Object(
  {
    status: Type.Enum(['implemented', 'partially_implemented', 'not_implemented', 'not_applicable']),
    note: text(2000),
  },
  closed,
);
export type SetControlStatus = Static<typeof SetControlStatusSchema>;

export const NormControlSchema = Type.Object(
  {
    id: IdSchema,
    position: Type.Integer(),
    code: Type.String(),
    title: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    status: Type.Enum([...CONTROL_STATUSES]),
    note: Type.Union([Type.String(), Type.Null()]),
    changedAt: Type.Union([instant, Type.Null()]),
    changedBy: Type.Union([Type.String(), Type.Null()]),
  },
  closed,
);
export type NormControl = Static<typeof NormControlSchema>;

export const NormSetSchema = Type.Object(
  {
    id: IdSchema,
    code: Type.String(),
    version: Type.String(),
    title: Type.String(),
    issuer: Type.String(),
    source: Type.String(),
    importedAt: instant,
    importedBy: Type.String(),
    /** How many controls have each status. */
    summary: Type.Record(Type.String(), Type.Integer()),
    controls: Type.Array(NormControlSchema),
  },
  closed,
);
export type NormSet = Static<typeof NormSetSchema>;

export const NormSetListSchema = Type.Object({ normSets: Type.Array(NormSetSchema) }, closed);
export type NormSetList = Static<typeof NormSetListSchema>;

export const NormControlParamsSchema = Type.Object({ normSetId: IdSchema, controlId: IdSchema }, closed);
