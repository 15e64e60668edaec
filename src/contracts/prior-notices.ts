/**
 * Prior written notices (L1992 art. 8 §5; SPEC DAT-32): an organisation that processes judicial
 * data under a royal decree designating it gives the person concerned written notice first
 * ("avis préalable donné par écrit à l'intéressé" / "voorafgaande schriftelijke kennisgeving aan
 * de betrokkenen"). Until its notice is recorded, the person is a task of that organisation and
 * no category-9 item of the organisation may be about them.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

/** How the notice was given: in writing, by post, by hand or by e-mail. */
export const NOTICE_METHODS = ['registered_letter', 'letter', 'hand_delivery', 'email'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

/** The day the notice was sent or handed over (Brussels), at the latest today. */
export const RecordPriorNoticeSchema = Type.Object(
  { sentOn: civilDate, method: Type.Enum([...NOTICE_METHODS]) },
  closed,
);
export type RecordPriorNotice = Static<typeof RecordPriorNoticeSchema>;

export const PriorNoticeSchema = Type.Object(
  {
    id: IdSchema,
    caseId: IdSchema,
    personId: IdSchema,
    organisationId: IdSchema,
    sentOn: civilDate,
    method: Type.Enum([...NOTICE_METHODS]),
    recordedAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type PriorNotice = Static<typeof PriorNoticeSchema>;

/**
 * On a person of a case, for the reader's own organisation only: null when it processes no
 * judicial data under such a decree; otherwise the notice recorded, or `due` while there is none.
 */
export const PersonPriorNoticeSchema = Type.Union([
  Type.Object(
    {
      due: Type.Boolean(),
      sentOn: Type.Union([civilDate, Type.Null()]),
      method: Type.Union([Type.Enum([...NOTICE_METHODS]), Type.Null()]),
    },
    closed,
  ),
  Type.Null(),
]);
export type PersonPriorNotice = Static<typeof PersonPriorNoticeSchema>;

/** The dashboard's tasks: per case the reader's organisation may contribute to, the persons still to notify. */
export const DuePriorNoticeListSchema = Type.Object(
  {
    due: Type.Array(
      Type.Object(
        { caseId: IdSchema, organisationId: IdSchema, persons: Type.Integer({ minimum: 1 }) },
        closed,
      ),
    ),
  },
  closed,
);
export type DuePriorNoticeList = Static<typeof DuePriorNoticeListSchema>;
