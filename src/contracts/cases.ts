/**
 * Cases of the shared file (issue 3 lays the access skeleton; issue 4 adds frameworks,
 * persons, information and the workflow). These schemas only fix the shape.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;

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

/** How the reader relates to the case: why it may see it (ARCHITECTURE §3.2). */
export const CASE_RELATIONS = ['compartment', 'reviewer', 'organiser', 'participant'] as const;

export const CreateCaseSchema = Type.Object(
  {
    // Content: encrypted under the case's data key (ARCHITECTURE §3.3).
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    // The organiser who will receive the signalling (bill art. 2 §3 1°). Issue 4 takes it from the framework.
    organiserOrganisationId: IdSchema,
  },
  closed,
);
export type CreateCase = Static<typeof CreateCaseSchema>;

export const CaseSchema = Type.Object(
  {
    id: IdSchema,
    state: Type.Enum([...CASE_STATES]),
    title: Type.String(),
    relation: Type.Enum([...CASE_RELATIONS]),
    compartmentOrganisationId: IdSchema,
    reviewerOrganisationId: Type.Union([IdSchema, Type.Null()]),
    organiserOrganisationId: IdSchema,
    createdAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type Case = Static<typeof CaseSchema>;

export const CaseListSchema = Type.Object({ cases: Type.Array(CaseSchema) }, closed);
export type CaseList = Static<typeof CaseListSchema>;

export const CaseParamsSchema = Type.Object({ caseId: IdSchema }, closed);
