/**
 * The retention of cases (SPEC RET-01..08, SCO-09, FIL-09; bill art. 2 §3 4°, art. 3 §1 al. 1, art. 4
 * al. 5; ADR 0016): each organisation's schedule of the cases it keeps or controls records of, the
 * destruction lists its keeper and the DPOs of its controllers approve (four eyes), the signed proof
 * of destruction, the destruction tasks of paper parts, the necessity reviews and the report of
 * own-file copies past their due date. Everything here is ids, codes, dates and counts: the
 * retention desk never shows case content.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { CategorySchema, PurposeSchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const OrganisationRefSchema = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

/** Who keeps the case for its retention: the organiser's organisation, or the compartment's for a draft never signalled. */
export const KeeperSchema = Type.Object(
  { id: IdSchema, legalName: Type.String(), relation: Type.Enum(['organiser', 'compartment']) },
  closed,
);

export const RETENTION_STATUSES = [
  'running',
  'due',
  'on_legal_hold',
  'on_destruction_list',
  'destroyed',
] as const;
export type RetentionStatus = (typeof RETENTION_STATUSES)[number];

export const RetentionScheduleQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Enum([...RETENTION_STATUSES])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  closed,
);
export type RetentionScheduleQuery = Static<typeof RetentionScheduleQuerySchema>;

/** How the end of retention was computed (RET-01, RET-02, RET-06). */
export const RetentionBasisSchema = Type.Enum(['agreed', 'draft', 'cap']);

export const ScheduledCaseSchema = Type.Object(
  {
    caseId: IdSchema,
    frameworkId: IdSchema,
    keeper: KeeperSchema,
    /** The closed state: closed, or a draft closed as not signalled, or a refused signal. */
    finalState: Type.Enum(['closed', 'not_signalled', 'refused']),
    closedAt: instant,
    retention: Type.Object(
      {
        /** The agreed maximum (months) for a closed case; null for a draft's configured period. */
        months: nullable(Type.Integer()),
        basis: RetentionBasisSchema,
        /** The last day the data may be kept (Brussels); the destruction is due from the next day. */
        endsOn: civilDate,
        rule: Type.String(),
      },
      closed,
    ),
    status: Type.Enum([...RETENTION_STATUSES]),
    /** Standing legal holds (L2007 art. 14 §7): while any stands, nothing is destroyed. */
    legalHolds: Type.Integer({ minimum: 0 }),
    destructionListId: nullable(IdSchema),
    /** The open necessity review (RET-05), when there is one. */
    necessityReviewId: nullable(IdSchema),
    nextNecessityReviewOn: nullable(civilDate),
    destroyedAt: nullable(instant),
  },
  closed,
);
export type ScheduledCase = Static<typeof ScheduledCaseSchema>;

export const RetentionScheduleSchema = Type.Object(
  {
    organisation: OrganisationRefSchema,
    generatedAt: instant,
    entries: Type.Array(ScheduledCaseSchema),
  },
  closed,
);
export type RetentionSchedule = Static<typeof RetentionScheduleSchema>;

export const DestructionListParamsSchema = Type.Object({ listId: IdSchema }, closed);

export const DESTRUCTION_LIST_STATUSES = ['awaiting_approval', 'purging', 'completed'] as const;

export const DestructionListSummarySchema = Type.Object(
  {
    id: IdSchema,
    keeper: KeeperSchema,
    createdAt: instant,
    status: Type.Enum([...DESTRUCTION_LIST_STATUSES]),
    pendingEntries: Type.Integer({ minimum: 0 }),
    totalEntries: Type.Integer({ minimum: 0 }),
    /** The approvals still missing: the keeper's, and the organisations whose DPO has not approved. */
    missing: Type.Object({ keeper: Type.Boolean(), dpoOf: Type.Array(OrganisationRefSchema) }, closed),
  },
  closed,
);

export const DestructionListSummariesSchema = Type.Object(
  { destructionLists: Type.Array(DestructionListSummarySchema) },
  closed,
);
export type DestructionListSummaries = Static<typeof DestructionListSummariesSchema>;

export const ApprovalSchema = Type.Object(
  {
    capacity: Type.Enum(['keeper', 'dpo']),
    organisation: OrganisationRefSchema,
    approvedBy: Type.String(),
    approvedAt: instant,
  },
  closed,
);

export const DestructionEntrySchema = Type.Object(
  {
    caseId: IdSchema,
    /** `restore`: destroyed after the backup a restore came from, re-applied by the restore (SPEC RET-07). */
    reason: Type.Enum(['retention_ended', 'necessity_review', 'restore']),
    dueOn: civilDate,
    rule: Type.String(),
    listedAt: instant,
    status: Type.Enum(['pending', 'purged', 'withdrawn']),
    withdrawnBecause: nullable(Type.Enum(['legal_hold', 'reopened', 'restore'])),
    settledAt: nullable(instant),
    /** What remains of a purged case: counts per data category, and when its key was destroyed. */
    tombstone: nullable(
      Type.Object(
        {
          purgedAt: instant,
          keyDestroyedAt: nullable(instant),
          persons: Type.Integer({ minimum: 0 }),
          items: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
          paperParts: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
        },
        closed,
      ),
    ),
  },
  closed,
);

export const DESTRUCTION_LIST_ACTIONS = ['approve_as_keeper', 'approve_as_dpo'] as const;

export const DestructionListSchema = Type.Object(
  {
    id: IdSchema,
    keeper: KeeperSchema,
    /** The controllers of the records of its cases: each one's DPO approves. */
    controllers: Type.Array(OrganisationRefSchema),
    createdAt: instant,
    approvedAt: nullable(instant),
    completedAt: nullable(instant),
    status: Type.Enum([...DESTRUCTION_LIST_STATUSES]),
    entries: Type.Array(DestructionEntrySchema),
    approvals: Type.Array(ApprovalSchema),
    missing: Type.Object({ keeper: Type.Boolean(), dpoOf: Type.Array(OrganisationRefSchema) }, closed),
    /** The signed proof of destruction, once the list is completed. */
    proofIssuedAt: nullable(instant),
    allowedActions: Type.Array(Type.Enum([...DESTRUCTION_LIST_ACTIONS])),
  },
  closed,
);
export type DestructionList = Static<typeof DestructionListSchema>;

/** In which capacity the caller approves: as the case's keeper, or as the DPO of a controller. */
export const ApproveDestructionListSchema = Type.Object({ capacity: Type.Enum(['keeper', 'dpo']) }, closed);
export type ApproveDestructionList = Static<typeof ApproveDestructionListSchema>;

export const DestructionProofQuerySchema = Type.Object(
  {
    format: Type.Optional(Type.Enum(['json', 'pdf'])),
    language: Type.Optional(Type.Enum(['fr', 'nl', 'de', 'en'])),
  },
  closed,
);
export type DestructionProofQuery = Static<typeof DestructionProofQuerySchema>;

/**
 * The proof as JSON: the document that was signed (verify the signature over its canonical JSON:
 * keys sorted, no whitespace) and the Ed25519 signature with the audit log's checkpoint key.
 */
export const DestructionProofSchema = Type.Object(
  {
    proof: Type.Record(Type.String(), Type.Unknown()),
    signature: Type.Object(
      {
        algorithm: Type.Literal('Ed25519'),
        signed: Type.Literal('canonical JSON of proof'),
        keyName: Type.String(),
        verifierKey: Type.String(),
        publicKey: Type.String(),
        value: Type.String(),
      },
      closed,
    ),
  },
  closed,
);
export type DestructionProof = Static<typeof DestructionProofSchema>;

export const PaperTaskParamsSchema = Type.Object({ taskId: IdSchema }, closed);

export const PaperDestructionTaskSchema = Type.Object(
  {
    id: IdSchema,
    paperPartId: IdSchema,
    caseId: IdSchema,
    /** The case was purged: the task is confirmed here; before, on the paper part of the case. */
    casePurged: Type.Boolean(),
    holder: OrganisationRefSchema,
    custodian: nullable(Type.String()),
    categories: Type.Array(CategorySchema),
    pageCount: nullable(Type.Integer()),
    dueOn: civilDate,
    createdAt: instant,
    destroyedOn: nullable(civilDate),
    confirmedBy: nullable(Type.String()),
    confirmedAt: nullable(instant),
    allowedActions: Type.Array(Type.Enum(['confirm'])),
  },
  closed,
);
export type PaperDestructionTask = Static<typeof PaperDestructionTaskSchema>;

export const PaperDestructionTasksSchema = Type.Object(
  { paperDestructionTasks: Type.Array(PaperDestructionTaskSchema) },
  closed,
);
export type PaperDestructionTasks = Static<typeof PaperDestructionTasksSchema>;

/** The day the paper was destroyed (not in the future, not before the task). */
export const ConfirmPaperDestructionSchema = Type.Object({ destroyedOn: civilDate }, closed);
export type ConfirmPaperDestruction = Static<typeof ConfirmPaperDestructionSchema>;

export const NecessityReviewParamsSchema = Type.Object({ reviewId: IdSchema }, closed);

export const NecessityReviewSchema = Type.Object(
  {
    id: IdSchema,
    caseId: IdSchema,
    dueOn: civilDate,
    createdAt: instant,
    /** The case's purposes: the decision names one (SPEC PUR-05). */
    purposes: Type.Array(PurposeSchema),
    decision: nullable(Type.Enum(['keep', 'delete_now'])),
    purpose: nullable(PurposeSchema),
    decidedBy: nullable(Type.String()),
    decidedAt: nullable(instant),
    allowedActions: Type.Array(Type.Enum(['decide'])),
  },
  closed,
);
export type NecessityReview = Static<typeof NecessityReviewSchema>;

export const NecessityReviewsSchema = Type.Object(
  { necessityReviews: Type.Array(NecessityReviewSchema) },
  closed,
);
export type NecessityReviews = Static<typeof NecessityReviewsSchema>;

/** RET-05: keep (the purpose still needs the data) or delete now (the case goes on a destruction list). */
export const DecideNecessityReviewSchema = Type.Object(
  { decision: Type.Enum(['keep', 'delete_now']), purpose: PurposeSchema },
  closed,
);
export type DecideNecessityReview = Static<typeof DecideNecessityReviewSchema>;

export const OwnFileCopySchema = Type.Object(
  {
    transferId: IdSchema,
    caseId: IdSchema,
    exports: Type.Integer({ minimum: 1 }),
    lastExportedAt: instant,
    dueOn: civilDate,
    rule: Type.String(),
    /** The shared file was purged; the copy in the own file is still the participant's to delete. */
    casePurged: Type.Boolean(),
  },
  closed,
);

/** RET-03: the own-file copies of the organisation past their due date (bill art. 4 al. 5). */
export const OwnFileCopyReportSchema = Type.Object(
  { organisation: OrganisationRefSchema, generatedAt: instant, overdue: Type.Array(OwnFileCopySchema) },
  closed,
);
export type OwnFileCopyReport = Static<typeof OwnFileCopyReportSchema>;

/**
 * RET-01 (bill art. 2 §3 4° in fine): a maximum retention beyond 30 years, with the other provision in
 * force it rests on, awaiting the DPO of the organisation that organises the case (the controller
 * keeping the shared file). Until the DPO approves, the 30-year cap is in force (`monthsInForce`).
 */
export const RetentionOverrideSchema = Type.Object(
  {
    caseId: IdSchema,
    state: Type.String(),
    closedAt: nullable(instant),
    proposal: Type.Integer({ minimum: 1 }),
    monthsInForce: nullable(Type.Integer()),
    months: Type.Integer({ minimum: 1 }),
    otherRule: Type.String(),
  },
  closed,
);
export type RetentionOverride = Static<typeof RetentionOverrideSchema>;

export const RetentionOverridesSchema = Type.Object(
  { overrides: Type.Array(RetentionOverrideSchema) },
  closed,
);
export type RetentionOverrides = Static<typeof RetentionOverridesSchema>;

export const RetentionOverrideParamsSchema = Type.Object({ caseId: IdSchema }, closed);

/** The DPO approves the override of the proposal it read (a newer proposal needs a new approval). */
export const ApproveRetentionOverrideSchema = Type.Object({ proposal: Type.Integer({ minimum: 1 }) }, closed);
export type ApproveRetentionOverride = Static<typeof ApproveRetentionOverrideSchema>;
