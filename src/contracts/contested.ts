/**
 * The contested-data marking and the court actions (L2007/L1992 arts 14-15; SPEC RGT-CON-01..04,
 * RGT-CRT-01, RGT-CRT-03, A-22). From receipt of a request to rectify, erase or prohibit the use of
 * data, or from notification of a court action, until a decision is res judicata, every
 * communication of the data says that it is contested; the controller records the court action,
 * the court's orders, and the end event that clears a mark, on a recorded basis.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { RECIPIENT_CLASSES } from './rights.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** Why an item is contested (art. 15): a request of the person, or the court action of art. 14. */
export const CONTESTED_CAUSES = [
  'rectification_request',
  'erasure_request',
  'prohibition_request',
  'court_action',
] as const;
export type ContestedCause = (typeof CONTESTED_CAUSES)[number];

/** SPEC RGT-CON-03, A-22: the end events that clear a mark. */
export const CLEAR_BASES = ['final_judgment', 'request_executed', 'request_withdrawn'] as const;
export type ClearBasis = (typeof CLEAR_BASES)[number];

/** L2007 art. 14 §1: what the claim before the president of the court asks. */
export const COURT_CLAIMS = ['access', 'rectification', 'erasure', 'prohibition', 'objection'] as const;
export type CourtClaim = (typeof COURT_CLAIMS)[number];

/** On every item, to every reader (SPEC RGT-CON-02): since when it is contested, and why. */
export const ContestedStateSchema = Type.Object(
  { since: instant, causes: Type.Array(Type.Enum([...CONTESTED_CAUSES]), { minItems: 1 }) },
  closed,
);
export type ContestedState = Static<typeof ContestedStateSchema>;

/** RGT-CRT-01: the court action notified to the controller, about items it controls. */
export const RecordCourtActionSchema = Type.Object(
  {
    claim: Type.Enum([...COURT_CLAIMS]),
    /** The president of which court of first instance (art. 14 §2). */
    court: text(200),
    rollNumber: text(100),
    /** When the controller received the notification: the items are contested from then (art. 15). */
    notifiedAt: instant,
    itemIds: Type.Array(IdSchema, { minItems: 1, maxItems: 200, uniqueItems: true }),
    /** The rights request the action follows (art. 14 §5), if it was recorded in Concerto. */
    rightsRequestId: Type.Optional(IdSchema),
  },
  closed,
);
export type RecordCourtAction = Static<typeof RecordCourtActionSchema>;

/** RGT-CRT-01, RGT-CRT-03: an order of the president (art. 14 §2 al. 2, §6). */
export const RecordCourtOrderSchema = Type.Object(
  {
    orderedOn: civilDate,
    reference: text(100),
    summary: text(4000),
    /** Art. 14 §6: the order tells the controller to inform the third parties; where it says so. */
    informThirdPartiesReference: Type.Optional(text(200)),
  },
  closed,
);
export type RecordCourtOrder = Static<typeof RecordCourtOrderSchema>;

/**
 * RGT-CON-03: the end event. Every field is optional in the shape so that a missing basis, or a
 * judgment without its reference, date or confirmation, is refused by the rule that asks for it.
 */
export const ClearContestedMarkSchema = Type.Object(
  {
    basis: Type.Optional(Type.Enum([...CLEAR_BASES])),
    /** The judgment's reference, or of the written withdrawal or the execution. */
    reference: Type.Optional(text(200)),
    /** The day of the end event (judgment, execution, withdrawal). */
    date: Type.Optional(civilDate),
    /** The judgment has the force of res judicata (art. 15 "coulée en force de chose jugée"). */
    resJudicataConfirmed: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type ClearContestedMark = Static<typeof ClearContestedMarkSchema>;

export const CourtOrderSchema = Type.Object(
  {
    id: IdSchema,
    orderedOn: civilDate,
    reference: Type.String(),
    summary: Type.String(),
    informThirdParties: Type.Union([Type.Object({ reference: Type.String() }, closed), Type.Null()]),
    recordedAt: instant,
  },
  closed,
);
export type CourtOrder = Static<typeof CourtOrderSchema>;

export const CourtActionSchema = Type.Object(
  {
    id: IdSchema,
    claim: Type.Enum([...COURT_CLAIMS]),
    court: Type.String(),
    rollNumber: Type.String(),
    notifiedAt: instant,
    rightsRequestId: Type.Union([IdSchema, Type.Null()]),
    itemIds: Type.Array(IdSchema),
    recordedAt: instant,
    orders: Type.Array(CourtOrderSchema),
  },
  closed,
);
export type CourtAction = Static<typeof CourtActionSchema>;

export const CourtActionListSchema = Type.Object({ courtActions: Type.Array(CourtActionSchema) }, closed);
export type CourtActionList = Static<typeof CourtActionListSchema>;

/** One mark of an item, standing or cleared (with its end event, SPEC RGT-CON-03). */
export const ContestedMarkSchema = Type.Object(
  {
    id: IdSchema,
    itemId: IdSchema,
    cause: Type.Enum([...CONTESTED_CAUSES]),
    /** The rights request or the court action. */
    reference: IdSchema,
    since: instant,
    cleared: Type.Union([
      Type.Object(
        {
          at: instant,
          by: Type.String(),
          basis: Type.Enum([...CLEAR_BASES]),
          reference: Type.Union([Type.String(), Type.Null()]),
          date: civilDate,
          resJudicataConfirmed: Type.Boolean(),
        },
        closed,
      ),
      Type.Null(),
    ]),
  },
  closed,
);
export type ContestedMark = Static<typeof ContestedMarkSchema>;

export const ContestedMarkListSchema = Type.Object({ marks: Type.Array(ContestedMarkSchema) }, closed);
export type ContestedMarkList = Static<typeof ContestedMarkListSchema>;

export const CourtActionParamsSchema = Type.Object({ caseId: IdSchema, courtActionId: IdSchema }, closed);
export const ItemMarksParamsSchema = Type.Object({ caseId: IdSchema, itemId: IdSchema }, closed);
export const ContestedMarkParamsSchema = Type.Object(
  { caseId: IdSchema, itemId: IdSchema, markId: IdSchema },
  closed,
);

/** RGT-CRT-03: the recipients since day D (Europe/Brussels), in the disclosure log and the notices. */
export const SinceQuerySchema = Type.Object({ since: Type.Optional(civilDate) }, closed);
export type SinceQuery = Static<typeof SinceQuerySchema>;

export const CourtOrderParamsSchema = Type.Object(
  { caseId: IdSchema, courtActionId: IdSchema, orderId: IdSchema },
  closed,
);

/** RGT-CRT-03 (art. 14 §6): the notices to generate for an order, to the recipients since `since`. */
export const GenerateCourtOrderNoticesSchema = Type.Object({ since: Type.Optional(civilDate) }, closed);
export type GenerateCourtOrderNotices = Static<typeof GenerateCourtOrderNoticesSchema>;

/** One recipient told under the order, with the order's reference to inform third parties. */
export const CourtOrderNoticeSchema = Type.Object(
  {
    id: IdSchema,
    courtOrderId: IdSchema,
    orderReference: Type.String(),
    recipient: Type.String(),
    recipientOrganisationId: Type.Union([IdSchema, Type.Null()]),
    recipientClass: Type.Enum([...RECIPIENT_CLASSES]),
    itemIds: Type.Array(IdSchema),
    /** The notification in Concerto; null for a recipient outside it, told by the controller. */
    notificationId: Type.Union([IdSchema, Type.Null()]),
    createdAt: instant,
  },
  closed,
);
export type CourtOrderNotice = Static<typeof CourtOrderNoticeSchema>;
export const CourtOrderNoticeListSchema = Type.Object({ notices: Type.Array(CourtOrderNoticeSchema) }, closed);
export type CourtOrderNoticeList = Static<typeof CourtOrderNoticeListSchema>;
