/**
 * Interconnections of file environments (bill DOC 56 0485/001, commentary on art. 2: "une connexion
 * ... entre des dossiers appartenant aux différents acteurs", e.g. Focus and a Veilig Huis file
 * environment; L1992 art. 21; SPEC INT-01..04, PEN-12): the register the controllers' DPOs keep,
 * the links of a case to a file of the connected system, the signed deliveries the connected system
 * sends, and the register's export. The rules are the interconnections service's; these fix shapes.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { CategorySchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const reason = Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' });
const OrganisationRef = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

/** The first version carries deliveries from the connected system into the shared file (ADR 0017). */
export const INTERCONNECTION_DIRECTIONS = ['inbound'] as const;

/**
 * A field of the connected system, as it names it: an identifier, so that the name of a field that
 * is dropped can be logged (SPEC INT-02) without ever logging a value.
 */
export const FIELD_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]{0,63}$';
const FieldNameSchema = Type.String({ pattern: FIELD_NAME_PATTERN });

/** SPEC INT-02: one field of the connected system and the category (bill art. 2 §2) it becomes. */
export const FieldMappingSchema = Type.Object({ field: FieldNameSchema, category: CategorySchema }, closed);
export type FieldMapping = Static<typeof FieldMappingSchema>;

/**
 * SPEC INT-03: automatic person matching is off by default; on, only by national register number
 * within the linked case, under the basis recorded here (approved with the rest by every party).
 */
export const PersonMatchingSchema = Type.Union([
  Type.Object({ rule: Type.Literal('off') }, closed),
  Type.Object({ rule: Type.Literal('national_register_number'), basis: text(1000) }, closed),
]);
export type PersonMatching = Static<typeof PersonMatchingSchema>;

export const RegisterInterconnectionSchema = Type.Object(
  {
    name: text(200),
    /** The framework whose shared files the deliveries go into (its categories bound the mapping). */
    frameworkId: IdSchema,
    /** The connected file environment and who runs it, e.g. Focus, run by the integrated police. */
    counterpart: Type.Object({ system: text(200), operator: text(300) }, closed),
    direction: Type.Enum([...INTERCONNECTION_DIRECTIONS]),
    /** The other controllers whose DPO must approve (the registering DPO's organisation is the owner). */
    partyIds: Type.Array(IdSchema, { maxItems: 20, uniqueItems: true }),
    /** The legal basis of the interconnection, e.g. the decree and its article. */
    legalBasis: text(1000),
    /** L1992 art. 21: the royal decree regulating it, if any, and its conditions. */
    royalDecree: Type.Union([
      Type.Object({ reference: text(300), conditions: Type.Optional(text(2000)) }, closed),
      Type.Null(),
    ]),
    /** The security measures applied to the connection (bill Comm. art. 2; SPEC INT-02). */
    securityMeasures: Type.String({ minLength: 20, maxLength: 4000, pattern: '\\S' }),
    fieldMapping: Type.Array(FieldMappingSchema, { minItems: 1, maxItems: 50 }),
    personMatching: PersonMatchingSchema,
    /** Deliveries accepted per minute (SPEC INT-02). */
    rateLimitPerMinute: Type.Integer({ minimum: 1, maximum: 600 }),
    /** The connected system's Ed25519 public key, PEM (SubjectPublicKeyInfo); it signs every request. */
    publicKey: Type.String({ minLength: 40, maxLength: 1000 }),
  },
  closed,
);
export type RegisterInterconnection = Static<typeof RegisterInterconnectionSchema>;

/**
 * What a DPO may register an interconnection for: the active frameworks its organisation takes part
 * in, with the categories a mapping may use there (special categories excluded) and the other
 * organisations that may be parties.
 */
export const RegistrationOptionsSchema = Type.Object(
  {
    frameworks: Type.Array(
      Type.Object(
        {
          id: IdSchema,
          name: Type.String(),
          mappableCategories: Type.Array(CategorySchema),
          parties: Type.Array(OrganisationRef),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type RegistrationOptions = Static<typeof RegistrationOptionsSchema>;

/** Why a party switches the interconnection off, or the owner retires it. */
export const InterconnectionReasonSchema = Type.Object({ reason }, closed);
export type InterconnectionReason = Static<typeof InterconnectionReasonSchema>;

export const InterconnectionParamsSchema = Type.Object({ interconnectionId: IdSchema }, closed);

/**
 * - `awaiting_approval`: registered, some party has not approved yet;
 * - `active`: every party approved, none switched it off: it exchanges;
 * - `suspended`: a party's kill switch is off;
 * - `retired`: ended for good by its owner.
 */
export const INTERCONNECTION_STATES = ['awaiting_approval', 'active', 'suspended', 'retired'] as const;
export type InterconnectionState = (typeof INTERCONNECTION_STATES)[number];

/** What the reader may do now (the web app offers these). */
export const INTERCONNECTION_ACTIONS = ['approve', 'suspend', 'resume', 'retire', 'link'] as const;

const By = Type.Object({ by: Type.String(), at: instant }, closed);
const ByWithReason = Type.Object({ by: Type.String(), at: instant, reason: Type.String() }, closed);

export const InterconnectionPartySchema = Type.Object(
  {
    organisation: OrganisationRef,
    /** The owner sends through it and controls what it delivers (bill art. 3 §1 al. 2). */
    owner: Type.Boolean(),
    approval: Type.Union([By, Type.Null()]),
    /** This party's kill switch, off (SPEC INT-02). */
    suspension: Type.Union([ByWithReason, Type.Null()]),
  },
  closed,
);

export const InterconnectionSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String(),
    owner: OrganisationRef,
    framework: Type.Object({ id: IdSchema, name: Type.String() }, closed),
    counterpart: Type.Object({ system: Type.String(), operator: Type.String() }, closed),
    direction: Type.Enum([...INTERCONNECTION_DIRECTIONS]),
    legalBasis: Type.String(),
    royalDecree: Type.Union([
      Type.Object({ reference: Type.String(), conditions: Type.Union([Type.String(), Type.Null()]) }, closed),
      Type.Null(),
    ]),
    securityMeasures: Type.String(),
    fieldMapping: Type.Array(FieldMappingSchema),
    /** The categories the mapping carries, in order. */
    categories: Type.Array(CategorySchema),
    personMatching: PersonMatchingSchema,
    rateLimitPerMinute: Type.Integer(),
    /** The connected system's key: its algorithm and SHA-256 fingerprint (never a secret). */
    credential: Type.Object({ algorithm: Type.Literal('ed25519'), fingerprint: Type.String() }, closed),
    /** Where the connected system sends its signed deliveries. */
    endpoint: Type.String(),
    parties: Type.Array(InterconnectionPartySchema),
    state: Type.Enum([...INTERCONNECTION_STATES]),
    registered: By,
    retirement: Type.Union([ByWithReason, Type.Null()]),
    allowedActions: Type.Array(Type.Enum([...INTERCONNECTION_ACTIONS])),
  },
  closed,
);
export type Interconnection = Static<typeof InterconnectionSchema>;

export const InterconnectionListSchema = Type.Object(
  { interconnections: Type.Array(InterconnectionSchema) },
  closed,
);
export type InterconnectionList = Static<typeof InterconnectionListSchema>;

/** One exchange in the per-transaction log (SPEC INT-02, SEC-05): counts and field names, no value. */
export const ExchangeSchema = Type.Object(
  {
    id: IdSchema,
    receivedAt: instant,
    sentBy: Type.String(),
    outcome: Type.Enum(['accepted', 'refused']),
    reason: Type.Union([Type.String(), Type.Null()]),
    caseId: Type.Union([IdSchema, Type.Null()]),
    records: Type.Integer(),
    items: Type.Integer(),
    categories: Type.Record(Type.String(), Type.Integer()),
    droppedFields: Type.Array(Type.String()),
    matchedPersons: Type.Integer(),
  },
  closed,
);
export type Exchange = Static<typeof ExchangeSchema>;

export const ExchangeListSchema = Type.Object({ exchanges: Type.Array(ExchangeSchema) }, closed);
export type ExchangeList = Static<typeof ExchangeListSchema>;

/** PEN-12 (L1992 art. 39 11°): the register of a controller's interconnections, for the supervisory authority. */
export const InterconnectionRegisterSchema = Type.Object(
  {
    controller: OrganisationRef,
    exportedAt: instant,
    interconnections: Type.Array(
      Type.Object(
        {
          interconnection: InterconnectionSchema,
          history: Type.Array(
            Type.Object(
              {
                kind: Type.Enum(['registered', 'approved', 'suspended', 'resumed', 'retired']),
                organisation: OrganisationRef,
                by: Type.String(),
                at: instant,
                reason: Type.Union([Type.String(), Type.Null()]),
              },
              closed,
            ),
          ),
          exchanges: Type.Object(
            { accepted: Type.Integer(), refused: Type.Integer(), items: Type.Integer() },
            closed,
          ),
        },
        closed,
      ),
    ),
    /** SPEC DCL-25 (L1992 art. 18 al. 4): the register numbers of the controller's processing. */
    registerNumbers: Type.Array(Type.String()),
  },
  closed,
);
export type InterconnectionRegister = Static<typeof InterconnectionRegisterSchema>;

export const RegisterExportQuerySchema = Type.Object(
  {
    format: Type.Optional(Type.Enum(['json', 'pdf'])),
    language: Type.Optional(Type.Enum(['fr', 'nl', 'de', 'en'])),
  },
  closed,
);
export type RegisterExportQuery = Static<typeof RegisterExportQuerySchema>;

// --- links of a case to a file of the connected system ---------------------------------------

export const LINK_POLICE_MISSIONS = ['administrative_police', 'judicial_police'] as const;

export const LinkCaseSchema = Type.Object(
  {
    interconnectionId: IdSchema,
    /** The file's reference in the connected system, e.g. a Focus file number. */
    reference: text(200),
    /** The persons of the case the delivered information is about. */
    personIds: Type.Array(IdSchema, { minItems: 1, maxItems: 20, uniqueItems: true }),
    /** Why categories 9 to 16 the interconnection maps are relevant to this case (SPEC PUR-04, DAT-16). */
    relevance: Type.Optional(Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' })),
    /** A police owner: the police mission of what arrives (L2007 art. 3 §5; SPEC RGT-IND-01). */
    policeMission: Type.Optional(Type.Enum([...LINK_POLICE_MISSIONS])),
    /** SCO-06: what arrives through the link lies within the organisation's legal mission. */
    missionConfirmed: Type.Boolean(),
  },
  closed,
);
export type LinkCase = Static<typeof LinkCaseSchema>;

export const LinkParamsSchema = Type.Object({ caseId: IdSchema, linkId: IdSchema }, closed);

export const InterconnectionLinkSchema = Type.Object(
  {
    id: IdSchema,
    interconnection: Type.Object(
      { id: IdSchema, name: Type.String(), state: Type.Enum([...INTERCONNECTION_STATES]) },
      closed,
    ),
    controller: OrganisationRef,
    reference: Type.String(),
    personIds: Type.Array(IdSchema),
    relevance: Type.Union([Type.String(), Type.Null()]),
    policeMission: Type.Union([Type.Enum([...LINK_POLICE_MISSIONS]), Type.Null()]),
    linked: By,
    ended: Type.Union([By, Type.Null()]),
    /** Items the deliveries through this link added. */
    deliveredItems: Type.Integer(),
    allowedActions: Type.Array(Type.Enum(['end'])),
  },
  closed,
);
export type InterconnectionLink = Static<typeof InterconnectionLinkSchema>;

export const InterconnectionLinkListSchema = Type.Object(
  { links: Type.Array(InterconnectionLinkSchema) },
  closed,
);
export type InterconnectionLinkList = Static<typeof InterconnectionLinkListSchema>;

// --- what the connected system sends ------------------------------------------------------------

/** The headers of a signed delivery (ADR 0017). */
export const SIGNATURE_HEADERS = {
  timestamp: 'concerto-timestamp',
  nonce: 'concerto-nonce',
  signature: 'concerto-signature',
} as const;

export const DeliveryRecordSchema = Type.Object(
  {
    /** Field name → value, as the connected system names them; only mapped fields are kept. */
    fields: Type.Record(FieldNameSchema, Type.String({ minLength: 1, maxLength: 20000, pattern: '\\S' }), {
      minProperties: 1,
      maxProperties: 100,
      additionalProperties: false,
    }),
    /** The record's own reference in the connected system (its source, SPEC SCO-05). */
    sourceReference: Type.Optional(text(300)),
    /** The person the record is about, matched only under a registered matching rule (SPEC INT-03). */
    person: Type.Optional(
      Type.Object({ nationalRegisterNumber: Type.String({ minLength: 11, maxLength: 20 }) }, closed),
    ),
  },
  closed,
);
export type DeliveryRecord = Static<typeof DeliveryRecordSchema>;

export const DeliverySchema = Type.Object(
  {
    /** The file's reference in the connected system, as a case was linked to it. */
    reference: text(200),
    /** The operator in the connected system on whose behalf it sends (its user id there). */
    sentBy: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,63}$' }),
    records: Type.Array(DeliveryRecordSchema, { minItems: 1, maxItems: 100 }),
  },
  closed,
);
export type Delivery = Static<typeof DeliverySchema>;

export const DeliveryReceiptSchema = Type.Object(
  {
    exchangeId: IdSchema,
    receivedAt: instant,
    items: Type.Array(
      Type.Object(
        { record: Type.Integer(), field: Type.String(), itemId: IdSchema, category: CategorySchema },
        closed,
      ),
    ),
    /** Fields not in the mapping: dropped, their names logged (SPEC INT-02). */
    dropped: Type.Array(Type.Object({ record: Type.Integer(), field: Type.String() }, closed)),
  },
  closed,
);
export type DeliveryReceipt = Static<typeof DeliveryReceiptSchema>;
