/**
 * RFC 9457 problem details, as every error of the API is returned
 * (`application/problem+json`). `code` is stable; `title` is localised.
 */
import { type Static, Type } from 'typebox';

export const FieldIssueSchema = Type.Object(
  {
    field: Type.String({ description: 'Where the input was refused, e.g. /body/name' }),
    message: Type.String(),
  },
  { additionalProperties: false },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI identifying the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable machine-readable code' }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'Request id' })),
    rule: Type.Optional(Type.String({ description: 'Legal rule that refused the action' })),
    errors: Type.Optional(Type.Array(FieldIssueSchema)),
  },
  { $id: 'Problem', additionalProperties: false },
);

export type Problem = Static<typeof ProblemSchema>;

/**
 * What a signed-in use case may answer besides its success: bad input, no session, refused,
 * unknown to the caller, or a state that does not allow it (ARCHITECTURE §3.7).
 */
export const USE_CASE_PROBLEMS = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
} as const;
