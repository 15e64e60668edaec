/**
 * The right to information of the persons of a case (L2007 art. 9; L1992 arts 4 and 9; SPEC
 * RGT-INF-01..07, RGT-IND-01). Each controller owes every person it records (subject or
 * relation/contact, SPEC DAT-17) the information of art. 9: an obligation is opened with the
 * person and closed as informed (notice version, date, channel, who) or exempted (ground,
 * justification, reference, who); police and intelligence controllers are under the indirect
 * regime (art. 3 §4-§5), and an active bill art. 7 restriction suspends it.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { LanguageSchema } from './language.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** 'restricted' (bill art. 7) is shown while a restriction covering information is active. */
export const INFORMATION_STATUSES = [
  'open',
  'informed',
  'exempted',
  'restricted',
  'indirect_regime',
] as const;
export type InformationStatus = (typeof INFORMATION_STATUSES)[number];

/** How the notice reached the person. */
export const NOTICE_CHANNELS = ['hand_delivery', 'letter', 'registered_letter', 'email', 'oral'] as const;
export const NoticeChannelSchema = Type.Enum([...NOTICE_CHANNELS]);

/**
 * L2007 art. 9 §2 al. 2 a) and b) (SPEC RGT-INF-03), and the 1992 collective information
 * procedure set by royal decree (L1992 art. 9 al. 3; SPEC RGT-INF-06).
 */
export const EXEMPTION_GROUNDS = [
  'impossible_or_disproportionate',
  'legal_provision',
  'collective_information',
] as const;
export type ExemptionGround = (typeof EXEMPTION_GROUNDS)[number];

/**
 * At person creation (backwards compatible: absent means "not obtained from the person", art. 9
 * §2). Obtained from the person (art. 9 §1, SPEC RGT-INF-01): the notice must have been given at the
 * latest then, so the form confirms it with its date and channel.
 */
export const PersonInformationSchema = Type.Object(
  {
    collection: Type.Enum(['from_subject', 'not_from_subject']),
    noticeDelivered: Type.Optional(Type.Boolean()),
    noticeDeliveredOn: Type.Optional(civilDate),
    channel: Type.Optional(NoticeChannelSchema),
    /** The version of the notice given (as the notice generator names it). */
    noticeVersion: Type.Optional(text(80)),
    /** art. 9 §2 al. 1: a communication to a third party is envisaged. */
    disclosureEnvisaged: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type PersonInformation = Static<typeof PersonInformationSchema>;

export const ObligationParamsSchema = Type.Object({ obligationId: IdSchema }, closed);

export const NoticeParamsSchema = Type.Object(
  { obligationId: IdSchema, format: Type.Enum(['json', 'pdf']) },
  closed,
);
export const NoticeQuerySchema = Type.Object({ language: Type.Optional(LanguageSchema) }, closed);

export const OBLIGATION_FILTERS = ['all', 'open', 'overdue', 'exempted'] as const;
export const ObligationListQuerySchema = Type.Object(
  {
    /** 'overdue' (SPEC RGT-INF-02, the dashboard's list) and 'exempted' (the DPO's review, RGT-INF-03). */
    filter: Type.Optional(Type.Enum([...OBLIGATION_FILTERS])),
    caseId: Type.Optional(IdSchema),
  },
  closed,
);
export type ObligationListQuery = Static<typeof ObligationListQuerySchema>;

export const CloseInformedSchema = Type.Object(
  {
    noticeVersion: text(80),
    informedOn: civilDate,
    channel: NoticeChannelSchema,
  },
  closed,
);
export type CloseInformed = Static<typeof CloseInformedSchema>;

export const CloseExemptedSchema = Type.Object(
  {
    ground: Type.Enum([...EXEMPTION_GROUNDS]),
    justification: Type.String({ minLength: 10, maxLength: 2000, pattern: '\\S' }),
    /** The provision applied (ground b) or the royal decree (collective information). */
    legalReference: Type.Optional(text(300)),
  },
  closed,
);
export type CloseExempted = Static<typeof CloseExemptedSchema>;

export const InformationObligationSchema = Type.Object(
  {
    id: IdSchema,
    caseId: IdSchema,
    personId: IdSchema,
    personRole: Type.Enum(['subject', 'relation']),
    controller: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
    collection: Type.Enum(['from_subject', 'not_from_subject']),
    status: Type.Enum([...INFORMATION_STATUSES]),
    recordedOn: civilDate,
    /** art. 9 §2 al. 1: the recording date, or null when due at the latest at the first disclosure. */
    dueOn: Type.Union([civilDate, Type.Null()]),
    dueAtFirstDisclosure: Type.Boolean(),
    overdue: Type.Boolean(),
    informed: Type.Union([
      Type.Object(
        {
          noticeVersion: Type.String(),
          informedOn: civilDate,
          channel: NoticeChannelSchema,
          by: Type.String(),
          at: instant,
        },
        closed,
      ),
      Type.Null(),
    ]),
    exemption: Type.Union([
      Type.Object(
        {
          ground: Type.Enum([...EXEMPTION_GROUNDS]),
          legalReference: Type.Union([Type.String(), Type.Null()]),
          justification: Type.String(),
          decidedBy: Type.String(),
          decidedAt: instant,
        },
        closed,
      ),
      Type.Null(),
    ]),
    /** bill art. 7 (SPEC RGT-INF-07): the active restriction suspending the notice, if any. */
    restrictionId: Type.Union([IdSchema, Type.Null()]),
    /** What the reader may do now. */
    allowedActions: Type.Array(Type.Enum(['close', 'envisage_disclosure', 'notice'])),
  },
  closed,
);
export type InformationObligation = Static<typeof InformationObligationSchema>;

export const ObligationListSchema = Type.Object(
  { obligations: Type.Array(InformationObligationSchema) },
  closed,
);
export type ObligationList = Static<typeof ObligationListSchema>;
