/**
 * Consultations (issue 4 scope 5; SPEC WFL-07..10): a meeting convened by the organiser with an
 * agenda of cases, the attendance ("representing X"), minutes and decisions per agenda item, and
 * follow-up actions assigned to participating organisations. These schemas fix the shapes.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { CategorySchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const content = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const OrganisationRef = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

export const CONSULTATION_STATES = ['scheduled', 'open', 'closed'] as const;
export const ACTION_STATUSES = ['open', 'done', 'cancelled'] as const;

export const ConsultationParamsSchema = Type.Object({ consultationId: IdSchema }, closed);
export const AgendaItemParamsSchema = Type.Object({ consultationId: IdSchema, caseId: IdSchema }, closed);
export const ActionParamsSchema = Type.Object({ caseId: IdSchema, actionId: IdSchema }, closed);

export const ScheduleConsultationSchema = Type.Object(
  {
    frameworkId: IdSchema,
    scheduledFor: instant,
    /** The agenda: cases of this framework that the organiser organises (at least one). */
    caseIds: Type.Array(IdSchema, { minItems: 1, maxItems: 50, uniqueItems: true }),
  },
  closed,
);
export type ScheduleConsultation = Static<typeof ScheduleConsultationSchema>;

export const AgendaAdditionSchema = Type.Object({ caseId: IdSchema }, closed);
export type AgendaAddition = Static<typeof AgendaAdditionSchema>;

/** An attendee records their own presence; a permanent representative names the authority (bill art. 5). */
export const AttendanceSchema = Type.Object(
  { representingOrganisationId: Type.Optional(Type.Union([IdSchema, Type.Null()])) },
  closed,
);
export type Attendance = Static<typeof AttendanceSchema>;

export const MinutesSchema = Type.Object({ text: content(20000) }, closed);
export type Minutes = Static<typeof MinutesSchema>;

export const DecisionInputSchema = Type.Object({ text: content(4000) }, closed);
export type DecisionInput = Static<typeof DecisionInputSchema>;

export const CreateActionSchema = Type.Object(
  { assigneeOrganisationId: IdSchema, dueOn: civilDate, description: content(2000) },
  closed,
);
export type CreateAction = Static<typeof CreateActionSchema>;

export const UpdateActionSchema = Type.Object({ status: Type.Enum([...ACTION_STATUSES]) }, closed);
export type UpdateAction = Static<typeof UpdateActionSchema>;

export const ActionSchema = Type.Object(
  {
    id: IdSchema,
    caseId: IdSchema,
    caseTitle: Type.String(),
    consultationId: Type.Union([IdSchema, Type.Null()]),
    assignee: OrganisationRef,
    dueOn: civilDate,
    status: Type.Enum([...ACTION_STATUSES]),
    description: Type.String(),
    /** Still open after its due date (SPEC WFL-10: shown to the organiser). */
    overdue: Type.Boolean(),
    createdAt: instant,
  },
  closed,
);
export type Action = Static<typeof ActionSchema>;

export const ActionListSchema = Type.Object({ actions: Type.Array(ActionSchema) }, closed);
export type ActionList = Static<typeof ActionListSchema>;

export const ConsultationSummarySchema = Type.Object(
  {
    id: IdSchema,
    framework: Type.Object({ id: IdSchema, name: Type.String() }, closed),
    organiser: OrganisationRef,
    scheduledFor: instant,
    state: Type.Enum([...CONSULTATION_STATES]),
    /** Agenda items the reader may see. */
    agendaSize: Type.Integer(),
    /** The cases of those agenda items, in agenda order. */
    caseIds: Type.Array(IdSchema),
  },
  closed,
);
export type ConsultationSummary = Static<typeof ConsultationSummarySchema>;

export const ConsultationListSchema = Type.Object({ consultations: Type.Array(ConsultationSummarySchema) }, closed);
export type ConsultationList = Static<typeof ConsultationListSchema>;

export const ConsultationSchema = Type.Object(
  {
    ...ConsultationSummarySchema.properties,
    openedAt: Type.Union([instant, Type.Null()]),
    closedAt: Type.Union([instant, Type.Null()]),
    /** Only the agenda items of cases the reader's organisation may see (SPEC WFL-09). */
    agenda: Type.Array(
      Type.Object(
        {
          caseId: IdSchema,
          caseTitle: Type.String(),
          caseState: Type.String(),
          position: Type.Integer(),
          minutes: Type.Union([Type.String(), Type.Null()]),
          minutesVersion: Type.Integer(),
          decisions: Type.Array(
            Type.Object({ id: IdSchema, text: Type.String(), recordedAt: instant, recordedBy: Type.String() }, closed),
          ),
          actions: Type.Array(ActionSchema),
          /** WFL-09: what was introduced following this consultation, and by whom. */
          shared: Type.Array(
            Type.Object({ itemId: IdSchema, category: CategorySchema, controller: OrganisationRef }, closed),
          ),
          /** The parties that may be assigned actions on this case. */
          parties: Type.Array(OrganisationRef),
        },
        closed,
      ),
    ),
    attendance: Type.Array(
      Type.Object(
        {
          userId: IdSchema,
          displayName: Type.String(),
          organisation: OrganisationRef,
          representing: Type.Union([OrganisationRef, Type.Null()]),
          recordedAt: instant,
        },
        closed,
      ),
    ),
    /** The reader organises this consultation (agenda, minutes, decisions, actions, opening, closing). */
    canOrganise: Type.Boolean(),
  },
  closed,
);
export type Consultation = Static<typeof ConsultationSchema>;
