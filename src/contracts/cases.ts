/**
 * Cases of the shared file and their workflow (issue 4 scope 2, 7; bill art. 2 §3, art. 3):
 * pre-registration in a compartment, review, signalling, acceptance, admission, the agreed
 * maximum retention, closure. These schemas fix the shapes; the rules are the services' and the
 * access module's.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { PurposeSchema, PurposesSchema } from './legal-codes.js';
import { ItemSchema } from './items.js';
import { PersonSchema } from './persons.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const nullableInstant = Type.Union([instant, Type.Null()]);
/** A reason or justification written by a user: content, encrypted under the case key. */
export const reasonText = (max = 2000) => Type.String({ minLength: 3, maxLength: max, pattern: '\\S' });

export const CASE_STATES = [
  'pre_registered',
  'under_evaluation',
  'not_signalled',
  'signalled',
  'accepted',
  'refused',
  'in_consultation',
  'follow_up',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** How the reader relates to the case: why it may see it (ARCHITECTURE §3.2). */
export const CASE_RELATIONS = ['compartment', 'reviewer', 'organiser', 'participant'] as const;

/** What the actor may do to the case now, as the access module decides it (for the UI). */
export const CASE_ACTION_NAMES = [
  'contribute',
  'request_review',
  'review',
  'signal',
  'close_draft',
  'decide_signal',
  'admit',
  'propose_retention',
  'approve_retention',
  'organise',
  'close',
  'reopen',
  'request_transfer',
  'review_minimisation',
] as const;

/** bill art. 2 §3 2° (SPEC ROL-02): why a participant can contribute to the follow-up. */
export const ADMISSION_GROUNDS = ['expertise', 'knowledge_of_person'] as const;

export const CaseParamsSchema = Type.Object({ caseId: IdSchema }, closed);
export const CaseParticipantParamsSchema = Type.Object({ caseId: IdSchema, organisationId: IdSchema }, closed);

export const CreateCaseSchema = Type.Object(
  {
    /** The consultation's legal basis; it names the organiser (bill art. 2 §3 1°). */
    frameworkId: IdSchema,
    // Content: encrypted under the case's data key (ARCHITECTURE §3.3).
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    /** Among the framework's purposes (CP art. 458ter §1 al. 2; SPEC PUR-01). */
    purposes: PurposesSchema,
  },
  closed,
);
export type CreateCase = Static<typeof CreateCaseSchema>;

/** The persons and items a signalling or a sharing discloses (SPEC WFL-03: the minimum set). */
export const SelectionSchema = Type.Object(
  {
    personIds: Type.Array(IdSchema, { maxItems: 200, uniqueItems: true }),
    itemIds: Type.Array(IdSchema, { maxItems: 500, uniqueItems: true }),
  },
  closed,
);
export type Selection = Static<typeof SelectionSchema>;

export const ReviewRequestSchema = Type.Object({ reviewerOrganisationId: IdSchema }, closed);
export type ReviewRequest = Static<typeof ReviewRequestSchema>;

export const SignalSchema = Type.Object(
  {
    selection: SelectionSchema,
    /** The signaller confirms that sharing exactly these is necessary to signal (bill art. 2 §3 1°). */
    necessityConfirmed: Type.Boolean(),
  },
  closed,
);
export type Signal = Static<typeof SignalSchema>;

export const REVIEW_DECISIONS = ['signal', 'do_not_signal', 'more_information'] as const;

export const ReviewSchema = Type.Object(
  {
    decision: Type.Enum([...REVIEW_DECISIONS]),
    reason: reasonText(),
    /** With "signal": what the organiser will see, and the confirmation of necessity. */
    selection: Type.Optional(SelectionSchema),
    necessityConfirmed: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type Review = Static<typeof ReviewSchema>;

export const ReasonSchema = Type.Object({ reason: reasonText() }, closed);
export type Reason = Static<typeof ReasonSchema>;

export const SignalDecisionSchema = Type.Object(
  { decision: Type.Enum(['accept', 'refuse']), reason: reasonText() },
  closed,
);
export type SignalDecision = Static<typeof SignalDecisionSchema>;

export const AdmissionSchema = Type.Object(
  { organisationId: IdSchema, ground: Type.Enum([...ADMISSION_GROUNDS]), justification: reasonText() },
  closed,
);
export type Admission = Static<typeof AdmissionSchema>;

export const RetentionProposalSchema = Type.Object(
  {
    /** Maximum retention after closure, in months (bill art. 2 §3 4°: at most 30 years). */
    months: Type.Integer({ minimum: 1, maximum: 1200 }),
    /** The provision in force that allows a longer period (bill art. 2 §3 4°, in fine). */
    otherRule: Type.Optional(Type.Union([Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' }), Type.Null()])),
  },
  closed,
);
export type RetentionProposal = Static<typeof RetentionProposalSchema>;

export const RetentionApprovalSchema = Type.Object(
  { proposal: Type.Integer({ minimum: 1 }) },
  closed,
);
export type RetentionApproval = Static<typeof RetentionApprovalSchema>;

const OrganisationRef = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

export const CaseSummarySchema = Type.Object(
  {
    id: IdSchema,
    state: Type.Enum([...CASE_STATES]),
    title: Type.String(),
    relation: Type.Enum([...CASE_RELATIONS]),
    frameworkId: IdSchema,
    frameworkName: Type.String(),
    purposes: Type.Array(PurposeSchema),
    compartmentOrganisationId: IdSchema,
    reviewerOrganisationId: Type.Union([IdSchema, Type.Null()]),
    organiserOrganisationId: IdSchema,
    createdAt: instant,
    updatedAt: instant,
  },
  closed,
);
export type CaseSummary = Static<typeof CaseSummarySchema>;

export const CaseListSchema = Type.Object({ cases: Type.Array(CaseSummarySchema) }, closed);
export type CaseList = Static<typeof CaseListSchema>;

export const CaseDetailSchema = Type.Object(
  {
    ...CaseSummarySchema.properties,
    framework: Type.Object(
      {
        id: IdSchema,
        name: Type.String(),
        basisKind: Type.Union([Type.String(), Type.Null()]),
        ownFileExportDisabled: Type.Boolean(),
        exportFourEyes: Type.Boolean(),
        allowedCategories: Type.Array(Type.String()),
        purposes: Type.Array(PurposeSchema),
        participants: Type.Array(OrganisationRef),
      },
      closed,
    ),
    /** Who can see the case now, and as what ("who can see it"). */
    audience: Type.Array(
      Type.Object({ organisation: OrganisationRef, relation: Type.Enum([...CASE_RELATIONS]) }, closed),
    ),
    participants: Type.Array(
      Type.Object(
        {
          organisation: OrganisationRef,
          ground: Type.Enum([...ADMISSION_GROUNDS]),
          justification: Type.String(),
          admittedAt: instant,
          revokedAt: nullableInstant,
        },
        closed,
      ),
    ),
    signalledAt: nullableInstant,
    review: Type.Union([
      Type.Object({ decision: Type.Enum([...REVIEW_DECISIONS]), reason: Type.String(), at: instant }, closed),
      Type.Null(),
    ]),
    signalDecision: Type.Union([
      Type.Object({ decision: Type.Enum(['accept', 'refuse']), reason: Type.String(), at: instant }, closed),
      Type.Null(),
    ]),
    retention: Type.Object(
      {
        months: Type.Union([Type.Integer(), Type.Null()]),
        otherRule: Type.Union([Type.String(), Type.Null()]),
        proposal: Type.Integer(),
        approvedBy: Type.Array(IdSchema),
        pending: Type.Array(IdSchema),
        agreed: Type.Boolean(),
        /** Once closed: the last day of the shared file (bill art. 2 §3 4°). */
        endsOn: Type.Union([Type.String(), Type.Null()]),
        /** RET-02: a change proposed after the first consultation, in force once every party approved it. */
        change: Type.Union([
          Type.Object(
            {
              months: Type.Integer(),
              otherRule: Type.Union([Type.String(), Type.Null()]),
              proposal: Type.Integer(),
              proposedAt: Type.String(),
              approvedBy: Type.Array(IdSchema),
              pending: Type.Array(IdSchema),
            },
            closed,
          ),
          Type.Null(),
        ]),
        /**
         * RET-01: a maximum beyond 30 years and its provision: awaiting the DPO of the organiser's
         * organisation (`approvedAt` null, the 30-year cap in force meanwhile), or approved and in force.
         */
        beyondCap: Type.Union([
          Type.Object(
            {
              months: Type.Integer(),
              otherRule: Type.String(),
              approvedAt: Type.Union([Type.String(), Type.Null()]),
            },
            closed,
          ),
          Type.Null(),
        ]),
      },
      closed,
    ),
    firstConsultationAt: nullableInstant,
    closedAt: nullableInstant,
    closureReason: Type.Union([Type.String(), Type.Null()]),
    persons: Type.Array(PersonSchema),
    items: Type.Array(ItemSchema),
    history: Type.Array(
      Type.Object(
        {
          at: instant,
          kind: Type.String(),
          state: Type.Union([Type.String(), Type.Null()]),
          user: Type.Union([Type.String(), Type.Null()]),
          organisation: Type.Union([Type.String(), Type.Null()]),
        },
        closed,
      ),
    ),
    allowedActions: Type.Array(Type.Enum([...CASE_ACTION_NAMES])),
  },
  closed,
);
export type CaseDetail = Static<typeof CaseDetailSchema>;

/** What a change of state answers: the case and its new state (read the case again for the rest). */
export const CaseStateSchema = Type.Object({ id: IdSchema, state: Type.Enum([...CASE_STATES]) }, closed);
export type CaseStateResult = Static<typeof CaseStateSchema>;
