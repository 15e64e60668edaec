/**
 * Login and sessions (issue 3, scope 3–4): the shapes of the auth API. The rules (throttling,
 * second factor, expiry) are the auth services'; these schemas only fix the shape.
 */
import { type Static, Type } from 'typebox';
import { ACCOUNT_ROLES, IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });

/** `mfa_enrolment`: the password was right but the account has no usable second factor yet. */
export const SESSION_PURPOSES = ['full', 'mfa_enrolment'] as const;
export type SessionPurpose = (typeof SESSION_PURPOSES)[number];

export const LoginSchema = Type.Object(
  {
    // Bounded so that an oversized input is refused before any hashing work.
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 512 }),
    totp: Type.Optional(Type.String({ minLength: 6, maxLength: 9 })),
    recoveryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  closed,
);
export type Login = Static<typeof LoginSchema>;

/** Who is signed in, and the synchroniser token every state-changing request must echo. */
export const SessionInfoSchema = Type.Object(
  {
    sessionId: IdSchema,
    userId: IdSchema,
    organisationId: IdSchema,
    roles: Type.Array(Type.Enum([...ACCOUNT_ROLES])),
    csrfToken: Type.String({ description: 'Send it back in the x-csrf-token header' }),
    purpose: Type.Enum([...SESSION_PURPOSES], {
      description: 'mfa_enrolment: only GET /api/session, logout and /api/auth/mfa/enrolment/* answer',
    }),
    createdAt: instant,
    mfaAt: Type.Union([instant, Type.Null()], { description: 'When a second factor was last proven' }),
    idleExpiresAt: instant,
    absoluteExpiresAt: instant,
    justification: Type.Union([Type.String(), Type.Null()], {
      description: 'Why case files are consulted in this working session; null until given',
    }),
  },
  closed,
);
export type SessionInfo = Static<typeof SessionInfoSchema>;

export const SessionSummarySchema = Type.Object(
  {
    id: IdSchema,
    createdAt: instant,
    lastSeenAt: instant,
    userAgent: Type.String(),
    current: Type.Boolean(),
  },
  closed,
);
export type SessionSummary = Static<typeof SessionSummarySchema>;

export const SessionListSchema = Type.Object({ sessions: Type.Array(SessionSummarySchema) }, closed);
export type SessionList = Static<typeof SessionListSchema>;

/** Issue 4 scope 7: the reason for this working session, e.g. "preparing the consultation of 12 March". */
export const JustificationSchema = Type.Object(
  { justification: Type.String({ minLength: 3, maxLength: 200, pattern: '\\S' }) },
  closed,
);
export type Justification = Static<typeof JustificationSchema>;

export const SessionParamsSchema = Type.Object({ id: IdSchema }, closed);
