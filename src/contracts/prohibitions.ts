/**
 * Prohibitions from managing a processing (L1992 art. 41 §2-3; SPEC PEN-17, PEN-18). On a
 * conviction under art. 39, the court may prohibit a person from managing any processing of
 * personal data, personally or through an intermediary, for at most two years. The platform
 * operator records the judgment and the person's accounts; while it runs, none of them may be given
 * a role that manages a processing, and every refused attempt is in the audit log. The schemas fix
 * the shape; the rules (the two-year bound among them) are the prohibitions service's.
 */
import { type Static, Type } from 'typebox';
import { ACCOUNT_ROLES, IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const RecordProhibitionSchema = Type.Object(
  {
    /** The person as the judgment names them (encrypted: judicial data, L1992 art. 8). */
    personName: text(200),
    court: text(300),
    judgmentReference: text(200),
    judgmentDate: civilDate,
    startsOn: civilDate,
    endsOn: civilDate,
    /** The person's accounts on the platform, chosen by the operator. */
    userIds: Type.Array(IdSchema, { minItems: 1, maxItems: 20, uniqueItems: true }),
  },
  closed,
);
export type RecordProhibition = Static<typeof RecordProhibitionSchema>;

export const LinkProhibitedAccountSchema = Type.Object({ userId: IdSchema }, closed);
export type LinkProhibitedAccount = Static<typeof LinkProhibitedAccountSchema>;

export const ProhibitionParamsSchema = Type.Object({ prohibitionId: IdSchema }, closed);

export const ProhibitionSchema = Type.Object(
  {
    id: IdSchema,
    personName: Type.String(),
    court: Type.String(),
    judgmentReference: Type.String(),
    judgmentDate: civilDate,
    startsOn: civilDate,
    endsOn: civilDate,
    /** The period runs today (Brussels). */
    running: Type.Boolean(),
    accounts: Type.Array(
      Type.Object(
        {
          userId: IdSchema,
          displayName: Type.String(),
          organisationId: IdSchema,
          roles: Type.Array(Type.Enum([...ACCOUNT_ROLES])),
          active: Type.Boolean(),
          linkedAt: instant,
        },
        closed,
      ),
    ),
    recordedAt: instant,
  },
  closed,
);
export type Prohibition = Static<typeof ProhibitionSchema>;

export const ProhibitionListSchema = Type.Object({ prohibitions: Type.Array(ProhibitionSchema) }, closed);
export type ProhibitionList = Static<typeof ProhibitionListSchema>;

/**
 * PEN-18: the audit query "role assignments to prohibited persons": every attempt, since the
 * prohibition was recorded and within its period, to give one of the person's accounts a role that
 * manages a processing. Enforcement shows as attempts that were all refused.
 */
export const RoleAssignmentAttemptsSchema = Type.Object(
  {
    attempts: Type.Array(
      Type.Object(
        {
          position: Type.Integer(),
          at: instant,
          action: Type.String(),
          outcome: Type.String(),
          prohibitionId: IdSchema,
          userId: IdSchema,
          roles: Type.Array(Type.String()),
          actor: Type.Object({ userId: Type.String(), role: Type.String() }, closed),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type RoleAssignmentAttempts = Static<typeof RoleAssignmentAttemptsSchema>;
