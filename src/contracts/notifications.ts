/** "There is something for you in Concerto": kinds and ids, never content (ARCHITECTURE §2). */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;

export const NotificationSchema = Type.Object(
  {
    id: IdSchema,
    kind: Type.String(),
    caseId: Type.Union([IdSchema, Type.Null()]),
    subjectId: Type.Union([IdSchema, Type.Null()]),
    /** For the organisation's DPOs (a security alert, SPEC SEC-07), or for its members. */
    audience: Type.Enum(['members', 'dpo']),
    createdAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type Notification = Static<typeof NotificationSchema>;

export const NotificationListSchema = Type.Object({ notifications: Type.Array(NotificationSchema) }, closed);
export type NotificationList = Static<typeof NotificationListSchema>;

export const NotificationParamsSchema = Type.Object({ notificationId: IdSchema }, closed);
