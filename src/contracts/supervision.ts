/**
 * A controller's dealings with the supervisory authority, the Commission de la protection de la
 * vie privée (L1992 arts 10 §2, 30-33; SPEC SUP-01..SUP-05, PEN-14, PEN-22):
 * - its supervisory cases: the complaints the Commission forwards, the correspondence, the minutes
 *   of a settlement, the opinions and recommendations, the actions taken with their due dates
 *   (art. 31), and the controller's position asked before a recommendation (art. 30 §2);
 * - the inspector accounts its DPO grants a member or expert of the Commission for an on-site
 *   examination (art. 32 §1): read-only, for a period, every read logged, under the
 *   confidentiality duty of art. 33;
 * - the Commission's instruction shortening the interval between a person's access requests
 *   (art. 10 §2 al. 2).
 * The schemas fix the shape; the rules are the supervision service's.
 */
import { type Static, Type } from 'typebox';
import { ACCOUNT_ROLES, IdSchema } from './identity.js';
import { LanguageSchema } from './language.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** The Commission's file reference, e.g. "CO-A-2026-014" (it names a file of the Commission, not a person). */
const commissionReference = text(100);

/** A letter, minutes or a position paper as a scan or a text, base64 (at most 2 MB once decoded). */
export const SupervisoryDocumentSchema = Type.Object(
  {
    mediaType: Type.Enum(['application/pdf', 'image/png', 'image/jpeg', 'text/plain']),
    contentBase64: Type.String({ minLength: 4, maxLength: 2_800_000 }),
  },
  closed,
);

// --- SUP-01, SUP-02: the supervisory cases ---------------------------------------------------

/** complaint: art. 31 §1; recommendation: art. 30; inspection: art. 32 §1; other (e.g. a request for information). */
export const SUPERVISORY_ORIGINS = ['complaint', 'recommendation', 'inspection', 'other'] as const;
/** What the Commission sent or the controller answered, in the words of arts 30-31. */
export const SUPERVISORY_ENTRY_KINDS = [
  'complaint',
  'letter_received',
  'letter_sent',
  'settlement_minutes',
  'opinion',
  'recommendation',
  'decision',
] as const;
/** How a case ended (art. 31 §3: settlement in minutes, opinion; art. 30: recommendation; inadmissible). */
export const SUPERVISORY_CLOSURES = [
  'settled',
  'opinion',
  'recommendation_followed',
  'inadmissible',
  'withdrawn',
] as const;

export const OpenSupervisoryCaseSchema = Type.Object(
  {
    commissionReference,
    origin: Type.Enum([...SUPERVISORY_ORIGINS]),
    /** The date of the Commission's letter. */
    openedOn: civilDate,
    /** What the Commission writes about (encrypted: it may describe the complainant). */
    subject: text(2000),
  },
  closed,
);
export type OpenSupervisoryCase = Static<typeof OpenSupervisoryCaseSchema>;

export const RecordSupervisoryEntrySchema = Type.Object(
  {
    kind: Type.Enum([...SUPERVISORY_ENTRY_KINDS]),
    /** The date written on the letter, the minutes or the opinion. */
    datedOn: civilDate,
    summary: text(4000),
    document: Type.Optional(SupervisoryDocumentSchema),
  },
  closed,
);
export type RecordSupervisoryEntry = Static<typeof RecordSupervisoryEntrySchema>;

export const AddSupervisoryActionSchema = Type.Object(
  {
    /** The recommendation, opinion or minutes it answers, when there is one. */
    entryId: Type.Optional(IdSchema),
    description: text(2000),
    dueOn: civilDate,
  },
  closed,
);
export type AddSupervisoryAction = Static<typeof AddSupervisoryActionSchema>;

export const CompleteSupervisoryActionSchema = Type.Object({ note: text(2000) }, closed);
export type CompleteSupervisoryAction = Static<typeof CompleteSupervisoryActionSchema>;

/** SUP-02 (art. 30 §2): the Commission invites the controller's point of view, by a deadline it sets. */
export const InvitePositionSchema = Type.Object({ invitedOn: civilDate, deadlineOn: civilDate }, closed);
export type InvitePosition = Static<typeof InvitePositionSchema>;

export const SubmitPositionSchema = Type.Object(
  { submittedOn: civilDate, document: SupervisoryDocumentSchema },
  closed,
);
export type SubmitPosition = Static<typeof SubmitPositionSchema>;

export const CloseSupervisoryCaseSchema = Type.Object(
  { closure: Type.Enum([...SUPERVISORY_CLOSURES]) },
  closed,
);
export type CloseSupervisoryCase = Static<typeof CloseSupervisoryCaseSchema>;

export const SupervisoryCaseParamsSchema = Type.Object({ caseId: IdSchema }, closed);
export const SupervisoryActionParamsSchema = Type.Object({ caseId: IdSchema, actionId: IdSchema }, closed);
export const SupervisoryPositionParamsSchema = Type.Object(
  { caseId: IdSchema, positionId: IdSchema },
  closed,
);
export const SupervisoryEntryParamsSchema = Type.Object({ caseId: IdSchema, entryId: IdSchema }, closed);

const documentFacts = Type.Object({ mediaType: Type.String(), sha256: Type.String() }, closed);

export const SupervisoryEntrySchema = Type.Object(
  {
    id: IdSchema,
    kind: Type.Enum([...SUPERVISORY_ENTRY_KINDS]),
    datedOn: civilDate,
    summary: Type.String(),
    document: nullable(documentFacts),
    recordedBy: Type.String(),
    recordedAt: instant,
  },
  closed,
);

export const SupervisoryActionSchema = Type.Object(
  {
    id: IdSchema,
    caseId: IdSchema,
    entryId: nullable(IdSchema),
    description: Type.String(),
    dueOn: civilDate,
    /** Past its due date and not done (the dashboard shows it red). */
    overdue: Type.Boolean(),
    done: nullable(Type.Object({ by: Type.String(), at: instant, note: Type.String() }, closed)),
  },
  closed,
);
export type SupervisoryAction = Static<typeof SupervisoryActionSchema>;

export const SupervisoryPositionSchema = Type.Object(
  {
    id: IdSchema,
    invitedOn: civilDate,
    deadlineOn: civilDate,
    overdue: Type.Boolean(),
    submission: nullable(
      Type.Object(
        { submittedOn: civilDate, document: documentFacts, submittedBy: Type.String(), recordedAt: instant },
        closed,
      ),
    ),
  },
  closed,
);

const caseFields = {
  id: IdSchema,
  commissionReference: Type.String(),
  origin: Type.Enum([...SUPERVISORY_ORIGINS]),
  openedOn: civilDate,
  state: Type.Enum(['open', 'closed']),
  closure: nullable(Type.Enum([...SUPERVISORY_CLOSURES])),
  closedAt: nullable(instant),
};

export const SupervisoryCaseSummarySchema = Type.Object(
  {
    ...caseFields,
    openActions: Type.Integer(),
    overdueActions: Type.Integer(),
    awaitedPositions: Type.Integer(),
  },
  closed,
);
export const SupervisoryCaseListSchema = Type.Object(
  { supervisoryCases: Type.Array(SupervisoryCaseSummarySchema) },
  closed,
);
export type SupervisoryCaseList = Static<typeof SupervisoryCaseListSchema>;

export const SupervisoryCaseSchema = Type.Object(
  {
    ...caseFields,
    subject: Type.String(),
    entries: Type.Array(SupervisoryEntrySchema),
    actions: Type.Array(SupervisoryActionSchema),
    positions: Type.Array(SupervisoryPositionSchema),
  },
  closed,
);
export type SupervisoryCase = Static<typeof SupervisoryCaseSchema>;

/** SUP-01: what is still to do for the Commission, soonest first (the compliance dashboard's details). */
export const OpenSupervisoryItemsSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          item: Type.Enum(['action', 'position']),
          id: IdSchema,
          caseId: IdSchema,
          commissionReference: Type.String(),
          dueOn: civilDate,
          overdue: Type.Boolean(),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type OpenSupervisoryItems = Static<typeof OpenSupervisoryItemsSchema>;

// --- SUP-05: the Commission's instruction on the repeat interval ---------------------------

export const RecordRepeatInstructionSchema = Type.Object(
  {
    /** A part of the person's access request at this desk: the person is named by its blind indexes. */
    partId: IdSchema,
    commissionReference,
    issuedOn: civilDate,
    /** The interval the Commission imposes, in months, shorter than the law's (0: none at all). */
    intervalMonths: Type.Integer({ minimum: 0, maximum: 1200 }),
    supervisoryCaseId: Type.Optional(IdSchema),
  },
  closed,
);
export type RecordRepeatInstruction = Static<typeof RecordRepeatInstructionSchema>;

export const RepeatInstructionSchema = Type.Object(
  {
    id: IdSchema,
    partId: IdSchema,
    commissionReference: Type.String(),
    issuedOn: civilDate,
    intervalMonths: Type.Integer(),
    supervisoryCaseId: nullable(IdSchema),
    recordedAt: instant,
  },
  closed,
);
export type RepeatInstruction = Static<typeof RepeatInstructionSchema>;
export const RepeatInstructionListSchema = Type.Object(
  { instructions: Type.Array(RepeatInstructionSchema) },
  closed,
);
export type RepeatInstructionList = Static<typeof RepeatInstructionListSchema>;

// --- SUP-03, PEN-14, PEN-22: inspector accounts --------------------------------------------

export const GrantInspectorAccessSchema = Type.Object(
  {
    commissionReference,
    /** When the Commission's request arrived (PEN-14: the account is granted the same day). */
    requestedAt: instant,
    /** The member or expert of the Commission who inspects: a named, individual account (SPEC SEC-01). */
    inspector: Type.Object(
      { displayName: text(200), email: Type.String({ format: 'email', maxLength: 254 }) },
      closed,
    ),
    /**
     * How many days the account runs from now. Not a legal period: art. 32 sets none; the cap keeps
     * the account an inspection's, and a longer inspection is granted again.
     */
    days: Type.Integer({ minimum: 1, maximum: 90 }),
    /** The language of the invitation mail. */
    language: LanguageSchema,
    supervisoryCaseId: Type.Optional(IdSchema),
  },
  closed,
);
export type GrantInspectorAccess = Static<typeof GrantInspectorAccessSchema>;

export const InspectorGrantParamsSchema = Type.Object({ grantId: IdSchema }, closed);

export const InspectorGrantSchema = Type.Object(
  {
    id: IdSchema,
    inspector: Type.Object({ userId: IdSchema, displayName: Type.String(), email: Type.String() }, closed),
    commissionReference: Type.String(),
    supervisoryCaseId: nullable(IdSchema),
    requestedAt: instant,
    grantedAt: instant,
    /** PEN-14 (L1992 art. 39 13°): the account was made the day the Commission asked (Brussels). */
    grantedSameDay: Type.Boolean(),
    validUntil: instant,
    /** running: within its period; ended: the period is over; revoked: ended early by the DPO. */
    status: Type.Enum(['running', 'ended', 'revoked']),
    noticeAcknowledgedAt: nullable(instant),
    revokedAt: nullable(instant),
  },
  closed,
);
export type InspectorGrant = Static<typeof InspectorGrantSchema>;
export const InspectorGrantListSchema = Type.Object({ grants: Type.Array(InspectorGrantSchema) }, closed);
export type InspectorGrantList = Static<typeof InspectorGrantListSchema>;

/** The grant, and how the inspector receives the single-use link that sets the password (72 h). */
export const GrantedInspectorAccessSchema = Type.Object(
  {
    grant: InspectorGrantSchema,
    invitation: Type.Union([
      Type.Object({ delivery: Type.Literal('mail'), expiresAt: instant }, closed),
      Type.Object({ delivery: Type.Literal('dpo'), expiresAt: instant, link: Type.String() }, closed),
    ]),
  },
  closed,
);
export type GrantedInspectorAccess = Static<typeof GrantedInspectorAccessSchema>;

/** PEN-22: the confidentiality duty of the Commission's members, staff and experts (L1992 arts 33, 37). */
export const ConfidentialityNoticeSchema = Type.Object(
  { language: LanguageSchema, text: Type.String(), rule: Type.String() },
  closed,
);
export type ConfidentialityNotice = Static<typeof ConfidentialityNoticeSchema>;

export const InspectionQuerySchema = Type.Object({ language: Type.Optional(LanguageSchema) }, closed);
export type InspectionQuery = Static<typeof InspectionQuerySchema>;

/** What the inspector sees first: its grant and the confidentiality duty it must acknowledge. */
export const InspectionOverviewSchema = Type.Object(
  {
    grantId: IdSchema,
    controller: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
    commissionReference: Type.String(),
    grantedAt: instant,
    validUntil: instant,
    noticeAcknowledgedAt: nullable(instant),
    confidentialityNotice: ConfidentialityNoticeSchema,
  },
  closed,
);
export type InspectionOverview = Static<typeof InspectionOverviewSchema>;

const looseRecord = Type.Record(Type.String(), Type.Unknown());

/**
 * SUP-03: the inspection export of the granting controller. Configuration, declarations, registers
 * and the audit log's summary; never the content of a shared file (samples are communicated by the
 * controller on the Commission's demand, art. 32 §1 al. 3, and recorded as correspondence).
 */
export const InspectionExportSchema = Type.Object(
  {
    generatedAt: instant,
    confidentialityNotice: ConfidentialityNoticeSchema,
    controller: looseRecord,
    configuration: Type.Object(
      {
        royalDecrees: Type.Array(looseRecord),
        frameworks: Type.Array(looseRecord),
        accounts: Type.Array(
          Type.Object(
            {
              userId: IdSchema,
              displayName: Type.String(),
              roles: Type.Array(Type.Enum([...ACCOUNT_ROLES])),
              active: Type.Boolean(),
              mfaEnrolled: Type.Boolean(),
              crossCaseSearch: Type.Boolean(),
              designations: Type.Array(Type.String()),
            },
            closed,
          ),
        ),
      },
      closed,
    ),
    declarations: Type.Array(looseRecord),
    registers: Type.Object(
      {
        rightsRequests: Type.Array(looseRecord),
        supervisoryCases: Type.Array(looseRecord),
        repeatInstructions: Type.Array(looseRecord),
        inspectorGrants: Type.Array(looseRecord),
      },
      closed,
    ),
    auditLog: Type.Object(
      {
        events: Type.Integer(),
        firstPosition: nullable(Type.Integer()),
        lastPosition: nullable(Type.Integer()),
      },
      closed,
    ),
  },
  closed,
);
export type InspectionExport = Static<typeof InspectionExportSchema>;

export const InspectionAuditQuerySchema = Type.Object(
  {
    /** The last position already read (-1, or absent, for the start). */
    after: Type.Optional(Type.Integer({ minimum: -1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  closed,
);
export type InspectionAuditQuery = Static<typeof InspectionAuditQuerySchema>;

/** The controller's audit events, metadata only: no justification text, no content (there is none). */
export const InspectionAuditPageSchema = Type.Object(
  {
    events: Type.Array(
      Type.Object(
        {
          position: Type.Integer(),
          at: instant,
          action: Type.String(),
          outcome: Type.String(),
          actor: Type.Object({ userId: Type.String(), role: Type.String() }, closed),
          caseId: nullable(Type.String()),
          records: Type.Array(Type.Object({ type: Type.String(), id: Type.String() }, closed)),
          reason: nullable(Type.String()),
          justified: Type.Boolean(),
        },
        closed,
      ),
    ),
    /** The position to pass as `after` for the next page; null at the end. */
    next: nullable(Type.Integer()),
  },
  closed,
);
export type InspectionAuditPage = Static<typeof InspectionAuditPageSchema>;
