/**
 * Information items of a case (issue 4 scope 4; bill art. 2 §2; SPEC DAT-00..33): one piece of
 * information in exactly one of the sixteen categories, about one or more persons of the case,
 * introduced by a participant that stays its controller. The rules per category (grounds,
 * justifications, health professional, judicial flag …) are the service's; these fix the shapes.
 */
import { type Static, Type } from 'typebox';
import { ContestedStateSchema } from './contested.js';
import { IdSchema } from './identity.js';
import { CategorySchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const justification = (max = 2000) => Type.String({ minLength: 3, maxLength: max, pattern: '\\S' });

/** Law of 11 December 1998 levels; only `non_classified` may be stored (bill Comm. art. 2; SPEC DAT-20). */
export const CLASSIFICATIONS = ['non_classified', 'restricted', 'confidential', 'secret', 'top_secret'] as const;

/** WFL-08: when the item was added, from the case's state. */
export const ITEM_PHASES = ['preparation', 'consultation', 'follow_up'] as const;

/** SPEC DAT-04 controlled vocabularies. */
export const SEXES = ['female', 'male', 'x', 'unknown'] as const;
export const CIVIL_STATUSES = [
  'single',
  'married',
  'legally_cohabiting',
  'de_facto_cohabiting',
  'separated',
  'divorced',
  'widowed',
  'unknown',
] as const;
export const RESIDENCE_STATUSES = [
  'belgian',
  'eu_citizen',
  'permanent_residence',
  'temporary_residence',
  'international_protection',
  'protection_applicant',
  'irregular_stay',
  'unknown',
] as const;
/** L2007 art. 3 §5 1°-2° (SPEC RGT-IND-01). */
export const POLICE_MISSIONS = ['none', 'administrative_police', 'judicial_police'] as const;
export type PoliceMission = (typeof POLICE_MISSIONS)[number];

/** SPEC DAT-09: the sub-type of administrative or judicial police data and judicial data. */
export const JUDICIAL_SUBTYPES = ['administrative_police', 'judicial_police', 'judicial'] as const;
/**
 * SPEC DAT-31: the sixteen kinds of judicial data of L1992 art. 8 §1 1°-16°, in the law's order,
 * so that a category-9 item can give the "description particulière" of the declaration (DCL-09).
 * Their FR/NL/EN labels are in src/server/kernel/legal-rules/enumerations-1992.ts.
 */
export const JUDICIAL_DATA_TAGS = [
  'litigation',
  'suspected_offences',
  'convictions_and_penalties',
  'vagrancy_and_aliens_detentions',
  'internment_measures',
  'pretrial_detention',
  'settlement_216bis',
  'youth_protection_measures',
  'parental_authority_forfeiture',
  'pardon_effacement_rehabilitation',
  'conditional_release',
  'dismissal_from_service',
  'forfeitures_and_prohibitions',
  'suspension_of_sentence',
  'mental_illness_measures',
  'royal_decree_measures',
] as const;
/**
 * SPEC DAT-23, DAT-22: what an item of any category may reveal that the 1992 text of art. 6 al. 1
 * lists as sensitive beside the bill's special categories: mutual-health-fund membership
 * ("appartenances mutualistes") and political, philosophical or religious activities; and
 * trade-union membership, which both texts list (L1992 art. 6 al. 1, L2007 art. 6 §1) and which
 * has no category of the bill. Declaring one makes the item special (labels in
 * src/server/kernel/legal-rules/enumerations-1992.ts).
 */
export const SENSITIVE_REVELATIONS = [
  'mutual_fund_membership',
  'trade_union_membership',
  'political_activities',
  'philosophical_activities',
  'religious_activities',
] as const;
export type SensitiveRevelation = (typeof SENSITIVE_REVELATIONS)[number];
export const CONTACT_KINDS = ['phone', 'email', 'postal'] as const;
export const CREDITOR_TYPES = ['public', 'private', 'mixed', 'unknown'] as const;
export const DEBT_RANGES = ['under_1000', '1000_5000', '5000_25000', 'over_25000', 'unknown'] as const;

/**
 * Category-specific fields (SPEC DAT-02..09, DAT-24..26). Each key belongs to one category; the
 * service refuses a key used with another category.
 */
export const ItemDetailsSchema = Type.Object(
  {
    // C02 (DAT-02): multi-valued contact details, each with its source and date.
    contacts: Type.Optional(
      Type.Array(
        Type.Object(
          { kind: Type.Enum([...CONTACT_KINDS]), value: text(300), source: text(200), date: civilDate },
          closed,
        ),
        { minItems: 1, maxItems: 20 },
      ),
    ),
    // C03 (DAT-03): four distinct fields.
    profession: Type.Optional(text(300)),
    competence: Type.Optional(text(300)),
    education: Type.Optional(text(300)),
    training: Type.Optional(text(300)),
    // C04 (DAT-04): controlled vocabularies; the age is computed from the date of birth.
    sex: Type.Optional(Type.Enum([...SEXES])),
    nationality: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    civilStatus: Type.Optional(Type.Enum([...CIVIL_STATUSES])),
    residenceStatus: Type.Optional(Type.Enum([...RESIDENCE_STATUSES])),
    // C05 (DAT-05).
    creditorType: Type.Optional(Type.Enum([...CREDITOR_TYPES])),
    amountRange: Type.Optional(Type.Enum([...DEBT_RANGES])),
    // C06 (DAT-06): tags beside the free text.
    tags: Type.Optional(Type.Array(text(50), { maxItems: 20, uniqueItems: true })),
    // C07 (DAT-07): named household members are persons of the case (relations); others are counted.
    householdPersonIds: Type.Optional(Type.Array(IdSchema, { maxItems: 20, uniqueItems: true })),
    adults: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
    children: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
    // C09 (DAT-09): sub-type and the police database or report it comes from.
    judicialSubtype: Type.Optional(Type.Enum([...JUDICIAL_SUBTYPES])),
    sourceReference: Type.Optional(text(200)),
    // C09 (DAT-31): which of the sixteen kinds of judicial data of L1992 art. 8 §1 it is, if given.
    judicialDataTags: Type.Optional(
      Type.Array(Type.Enum([...JUDICIAL_DATA_TAGS]), { minItems: 1, maxItems: JUDICIAL_DATA_TAGS.length, uniqueItems: true }),
    ),
    // C10 (DAT-25, DAT-26): the responsible health professional or the exception; the source.
    healthProfessional: Type.Optional(Type.Object({ name: text(200), registration: text(50) }, closed)),
    healthException: Type.Optional(Type.Enum(['written_consent', 'concrete_danger'])),
    healthSource: Type.Optional(Type.Enum(['data_subject', 'other'])),
    healthSourceJustification: Type.Optional(Type.Enum(['necessary', 'subject_unable'])),
  },
  closed,
);
export type ItemDetails = Static<typeof ItemDetailsSchema>;

export const ProvenanceSchema = Type.Union([
  // SCO-05: already held by the participant, with the reference in its own system.
  Type.Object({ kind: Type.Literal('already_held'), sourceReference: text(300) }, closed),
  // … or collected following a consultation of this case.
  Type.Object({ kind: Type.Literal('collected_following_consultation'), consultationId: IdSchema }, closed),
]);
export type Provenance = Static<typeof ProvenanceSchema>;

const itemFields = {
  category: CategorySchema,
  /** The persons of the case the information is about (bill art. 2 §2 al. 2). */
  personIds: Type.Array(IdSchema, { minItems: 1, maxItems: 20, uniqueItems: true }),
  content: Type.String({ minLength: 1, maxLength: 20000, pattern: '\\S' }),
  details: Type.Optional(ItemDetailsSchema),
  classification: Type.Enum([...CLASSIFICATIONS]),
  /**
   * Special categories (SPEC DAT-18): the exception of L2007 art. 6 §2 (a-l, origin, beliefs,
   * sexual life), art. 7 §2 (a-k, health) or art. 8 §2 (a-e, judicial) and its justification;
   * `lawCitation` when the exception rests on a law (e.g. art. 8 §2 b).
   */
  special: Type.Optional(
    Type.Object(
      {
        ground: Type.String({ pattern: '^[a-l]$' }),
        justification: justification(),
        lawCitation: Type.Optional(text(300)),
        consentReference: Type.Optional(text(200)),
        /**
         * Written consent (a) of art. 6 §2 or art. 7 §2): who collected it and in what
         * circumstances, so that it shows it was given freely, not as a condition (L1992 art. 39
         * 6°; SPEC DAT-22, PEN-07).
         */
        consentCollectedBy: Type.Optional(text(200)),
        consentContext: Type.Optional(text(1000)),
      },
      closed,
    ),
  ),
  /** Categories 9 to 16: why the item is relevant to the consultation (SPEC PUR-04, DAT-16). */
  relevance: Type.Optional(justification()),
  /** Genetic or biometric data (SPEC DAT-18, A-10). */
  geneticOrBiometric: Type.Optional(Type.Boolean()),
  /** What it reveals of L1992 art. 6 al. 1 beyond its category; any makes it special (SPEC DAT-23). */
  revealsSensitive: Type.Optional(
    Type.Array(Type.Enum([...SENSITIVE_REVELATIONS]), { maxItems: SENSITIVE_REVELATIONS.length, uniqueItems: true }),
  ),
  /** Covered by the secrecy of the judicial investigation (SPEC DAT-21). */
  secretOfInvestigation: Type.Optional(Type.Object({ authorityReference: text(200) }, closed)),
  /** bill art. 6: in a judicial decision or file, or processed in a criminal investigation. */
  judicial: Type.Optional(Type.Object({ reference: text(200) }, closed)),
  /**
   * L2007 art. 3 §5 (SPEC RGT-IND-01): the police mission the item was processed for; police items
   * only. Unsaid, a police item is taken as administrative police (prevention and protection, the
   * usual mission in a case consultation).
   */
  policeMission: Type.Optional(Type.Enum([...POLICE_MISSIONS])),
  /**
   * A risk (11°) or behaviour (14°) item about litigation, suspicions, prosecutions or convictions
   * for offences, administrative sanctions or security measures (L2007 art. 8 §1; SPEC DAT-29): it
   * records the exception of art. 8 §2 and is shown like judicial data (C09 designation, DAT-19).
   */
  criminalRelated: Type.Optional(Type.Boolean()),
};

export const CreateItemSchema = Type.Object(
  {
    ...itemFields,
    provenance: ProvenanceSchema,
    /** SCO-06: the user confirms the processing lies within the organisation's legal mission. */
    missionConfirmed: Type.Boolean(),
    /** ROL-09: a note on another participant's item is an item of the annotator's own. */
    annotatesItemId: Type.Optional(IdSchema),
  },
  closed,
);
export type CreateItem = Static<typeof CreateItemSchema>;

export const UpdateItemSchema = Type.Object(
  { ...itemFields, reason: justification() },
  closed,
);
export type UpdateItem = Static<typeof UpdateItemSchema>;

export const ItemParamsSchema = Type.Object({ caseId: IdSchema, itemId: IdSchema }, closed);

/**
 * Why an item is blocked: its written consent was withdrawn (L2007 art. 6 §2 a), art. 7 §2 a);
 * SPEC DAT-22) or it was obtained unlawfully (L2007 art. 16 §2 1°, art. 4 §1; SPEC SEC-11).
 */
export const BLOCKING_REASONS = ['consent_withdrawn', 'unlawfully_obtained'] as const;

export const BlockItemSchema = Type.Object({ reason: Type.Enum([...BLOCKING_REASONS]) }, closed);
/**
 * Why a reader finds an item blocked: as its controller blocked it, or because the royal decree it
 * was processed under has ended (L2007 art. 6 §3; SPEC DAT-33), which no controller decides, or
 * because the person concerned obtained the prohibition of its use (L2007 art. 12 §1 al. 5; SPEC
 * RGT-REC-02), which its controller decides on the person's request at the rights desk.
 */
export const BLOCKED_REASONS = [...BLOCKING_REASONS, 'authorisation_expired', 'prohibited_use'] as const;
export type BlockedReason = (typeof BLOCKED_REASONS)[number];
export type BlockItem = Static<typeof BlockItemSchema>;

const OrganisationRef = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

export const AttachmentSchema = Type.Object(
  {
    id: IdSchema,
    filename: Type.String(),
    mediaType: Type.String(),
    sizeBytes: Type.Integer(),
    sha256: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type Attachment = Static<typeof AttachmentSchema>;

export const ItemSchema = Type.Object(
  {
    id: IdSchema,
    category: CategorySchema,
    controller: OrganisationRef,
    shared: Type.Boolean(),
    phase: Type.Enum([...ITEM_PHASES]),
    provenance: Type.Union([
      Type.Object({ kind: Type.Literal('already_held'), sourceReference: Type.Union([Type.String(), Type.Null()]) }, closed),
      Type.Object({ kind: Type.Literal('collected_following_consultation'), consultationId: IdSchema }, closed),
    ]),
    personIds: Type.Array(IdSchema),
    /** A special category (SPEC DAT-18). */
    special: Type.Boolean(),
    /**
     * The reader was not designated for this special category (SPEC DAT-19): it sees that the
     * item exists, its category and controller, never its content.
     */
    restricted: Type.Boolean(),
    erased: Type.Boolean(),
    /** Blocked for every reader until its controller erases it or releases it (SPEC DAT-22, SEC-11), or its decree is renewed (DAT-33). */
    blocked: Type.Union([
      Type.Object({ reason: Type.Enum([...BLOCKED_REASONS]), at: Type.String({ format: 'date-time' }) }, closed),
      Type.Null(),
    ]),
    /**
     * Contested (L2007 art. 15; SPEC RGT-CON-02): since when and why, to every reader, also one who
     * sees only the placeholder of a special category; null when no mark stands.
     */
    contested: Type.Union([ContestedStateSchema, Type.Null()]),
    /** When its controller last confirmed it accurate and up to date (SPEC SEC-11). */
    lastVerifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    /**
     * For the controller's own readers (SPEC SEC-11): the day from which the item is due for review,
     * counted from its last confirmation (or its recording), and whether it is due; null for other
     * readers, and for an erased or blocked item, or where the reader may no longer add or confirm.
     */
    review: Type.Union([Type.Object({ dueOn: civilDate, due: Type.Boolean() }, closed), Type.Null()]),
    /**
     * For the controller's own readers (SPEC SEC-11): blocked as unlawfully obtained, the last day
     * of its erasure review and whether that day has passed; erasing or releasing it ends it.
     */
    erasureReview: Type.Union([Type.Object({ dueOn: civilDate, overdue: Type.Boolean() }, closed), Type.Null()]),
    content: Type.Union([Type.String(), Type.Null()]),
    details: Type.Union([ItemDetailsSchema, Type.Null()]),
    specialGround: Type.Union([
      Type.Object(
        {
          ground: Type.String(),
          justification: Type.String(),
          lawCitation: Type.Union([Type.String(), Type.Null()]),
          consentReference: Type.Union([Type.String(), Type.Null()]),
          consentCollectedBy: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          consentContext: Type.Optional(Type.Union([Type.String(), Type.Null()])),
        },
        closed,
      ),
      Type.Null(),
    ]),
    relevance: Type.Union([Type.String(), Type.Null()]),
    geneticOrBiometric: Type.Boolean(),
    /** Shown like the category, also to a reader who sees the placeholder (SPEC DAT-23). */
    revealsSensitive: Type.Array(Type.Enum([...SENSITIVE_REVELATIONS])),
    secretOfInvestigation: Type.Union([Type.Object({ authorityReference: Type.String() }, closed), Type.Null()]),
    judicial: Type.Union([Type.Object({ reference: Type.String() }, closed), Type.Null()]),
    policeMission: Type.Enum([...POLICE_MISSIONS]),
    /** Criminal-related risk or behaviour data (SPEC DAT-29), shown like the category to every reader. */
    criminalRelated: Type.Boolean(),
    annotatesItemId: Type.Union([IdSchema, Type.Null()]),
    version: Type.Integer(),
    /** The named author (SPEC DAT-11, DAT-14) and when. */
    author: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    missionConfirmedAt: Type.String({ format: 'date-time' }),
    attachments: Type.Array(AttachmentSchema),
  },
  closed,
);
export type Item = Static<typeof ItemSchema>;

export const ItemVersionListSchema = Type.Object(
  {
    versions: Type.Array(
      Type.Object(
        {
          version: Type.Integer(),
          category: CategorySchema,
          content: Type.Union([Type.String(), Type.Null()]),
          changedBy: Type.String(),
          changedAt: Type.String({ format: 'date-time' }),
          reason: Type.Union([Type.String(), Type.Null()]),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type ItemVersionList = Static<typeof ItemVersionListSchema>;

export const CorrectionRequestSchema = Type.Object({ text: justification(4000) }, closed);
export type CorrectionRequest = Static<typeof CorrectionRequestSchema>;

export const AttachmentParamsSchema = Type.Object(
  { caseId: IdSchema, itemId: IdSchema, attachmentId: IdSchema },
  closed,
);
export const AttachmentQuerySchema = Type.Object(
  { filename: Type.String({ minLength: 1, maxLength: 255 }), classification: Type.Enum([...CLASSIFICATIONS]) },
  closed,
);
