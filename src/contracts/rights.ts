/**
 * The requests of the persons concerned (L2007 arts 9-15; bill arts 6-7; SPEC §9). A controller's
 * desk (its DPO) takes in a dated and signed request with the proof of identity; Concerto finds
 * the person in every case through the blind indexes and gives each controller that holds data a
 * part of its own, on the route its data and regime command, with its clock. Each desk sees its
 * own parts only: the intake never learns which other controllers were searched or found.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { LANGUAGES } from './language.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** SPEC RGT-GEN-01; "prohibition" is the prohibition of use (blocking) of L2007 art. 12 §1 al. 5. */
export const RIGHTS_REQUEST_KINDS = ['information', 'access', 'rectification', 'erasure', 'prohibition', 'objection'] as const;
export type RightsRequestKind = (typeof RIGHTS_REQUEST_KINDS)[number];

export const RIGHTS_CHANNELS = ['post', 'registered_post', 'email', 'desk'] as const;
export const IDENTITY_METHODS = ['eid_read', 'id_document_copy', 'in_person', 'legal_representative_proof'] as const;

/** SPEC RGT-GEN-03, in the order they are tried. */
export const RIGHTS_ROUTES = ['judicial', 'commission', 'prosecutor', 'standard'] as const;
export type RightsRoute = (typeof RIGHTS_ROUTES)[number];

export const RIGHTS_OUTCOMES = [
  'no_data',
  'answered',
  'granted',
  'partly_granted',
  'rejected',
  'deferred',
  'routed_judicial',
  'routed_commission',
  'not_applicable',
] as const;
export type RightsOutcome = (typeof RIGHTS_OUTCOMES)[number];

/** A signed request as a PDF or image scan, base64 (at most 2 MB once decoded). */
const DocumentSchema = Type.Object(
  { mediaType: Type.Enum(['application/pdf', 'image/png', 'image/jpeg']), contentBase64: Type.String({ minLength: 4, maxLength: 2_800_000 }) },
  closed,
);

export const RequesterSchema = Type.Object(
  {
    /**
     * Surname, then first names: the persons of a case are found by the blind index of exactly that
     * order with the birth date (ARCHITECTURE §3.3), as the intake form asks.
     */
    name: text(200),
    birthDate: civilDate,
    /** Matches the person exactly (blind index); without it, name and birth date do. */
    nationalNumber: Type.Optional(Type.String({ minLength: 11, maxLength: 15 })),
    address: text(400),
    /** A legal representative acting for the person, with the proof of that capacity (RGT-ACC-02). */
    representative: Type.Optional(text(300)),
  },
  closed,
);
export type Requester = Static<typeof RequesterSchema>;

export const IntakeRightsRequestSchema = Type.Object(
  {
    kind: Type.Enum([...RIGHTS_REQUEST_KINDS]),
    channel: Type.Enum([...RIGHTS_CHANNELS]),
    receivedAt: instant,
    /** The date written on the request (L2007 art. 10 §1 al. 2, art. 12 §2: dated and signed). */
    datedOn: civilDate,
    /** The request carries the requester's signature. An unsigned request is refused. */
    signed: Type.Boolean(),
    language: Type.Enum([...LANGUAGES]),
    requester: RequesterSchema,
    /** What the person asks, in their words: which data, what is wrong, why they object. */
    text: text(8000),
    document: DocumentSchema,
    identity: Type.Object(
      { method: Type.Enum([...IDENTITY_METHODS]), proof: Type.Optional(DocumentSchema) },
      closed,
    ),
    /**
     * An objection's ground: the person's particular situation (L2007 art. 12 §1 al. 2), or direct
     * marketing (al. 3), which Concerto never does (SPEC PUR-07, RGT-OBJ-03).
     */
    objectionGround: Type.Optional(Type.Enum(['particular_situation', 'direct_marketing'])),
  },
  closed,
);
export type IntakeRightsRequest = Static<typeof IntakeRightsRequestSchema>;

/** The legal clock of a part: the day it falls due and the rule, and whether it has passed. */
export const ClockSchema = Type.Object(
  {
    dueOn: civilDate,
    rule: Type.String(),
    overdue: Type.Boolean(),
    /** The reminder now due, if any: the first (e.g. day 30 of 45) or the second (day 40). */
    reminder: Type.Union([Type.Literal('first'), Type.Literal('second'), Type.Null()]),
  },
  closed,
);
export type Clock = Static<typeof ClockSchema>;

export const RightsPartSchema = Type.Object(
  {
    id: IdSchema,
    requestId: IdSchema,
    kind: Type.Enum([...RIGHTS_REQUEST_KINDS]),
    receivedAt: instant,
    datedOn: civilDate,
    language: Type.Enum([...LANGUAGES]),
    requesterName: Type.String(),
    controller: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
    route: Type.Enum([...RIGHTS_ROUTES]),
    /** Why this route: the rule that chose it (SPEC RGT-GEN-03). */
    routeReason: Type.String(),
    identityVerified: Type.Boolean(),
    /** This desk took the request in, so it is the one that verifies the identity (SPEC RGT-ACC-02). */
    receivedHere: Type.Boolean(),
    /** The controller's clock; none on the Commission and judicial routes. */
    clock: nullable(ClockSchema),
    /** On the prosecutor's route, bill art. 7 al. 2 (both clocks are shown, SPEC A-13). */
    prosecutorClock: nullable(ClockSchema),
    /** SPEC RGT-ACC-06: an earlier answered request of the same person within the interval. */
    repeat: nullable(
      Type.Object({ previousRequestId: IdSchema, recommendation: Type.Enum(['repeat', 'answer_recommended']) }, closed),
    ),
    status: Type.Enum(['received', 'in_progress', 'answered', 'rejected', 'deferred', 'routed']),
    outcome: nullable(Type.Enum([...RIGHTS_OUTCOMES])),
    answeredAt: nullable(instant),
    /** SPEC RGT-CRT-02: rejected, or left unanswered past the clock. */
    courtActionAdmissible: Type.Boolean(),
    /**
     * SPEC RGT-OBJ-01 (L2007 art. 12 §1 al. 2): an objection does not apply where the processing
     * rests on art. 5 b) or c); otherwise the controller weighs the person's reasons.
     */
    objection: nullable(Type.Object({ lawfulGround: Type.String(), applies: Type.Boolean(), rule: Type.String() }, closed)),
    records: Type.Array(
      Type.Object({ type: Type.Enum(['person', 'item', 'paper_part']), id: IdSchema, caseId: IdSchema }, closed),
    ),
  },
  closed,
);
export type RightsPart = Static<typeof RightsPartSchema>;

export const RightsPartListSchema = Type.Object({ parts: Type.Array(RightsPartSchema) }, closed);
export type RightsPartList = Static<typeof RightsPartListSchema>;

/**
 * What the intake desk learns: its own part, and that the request went to every controller
 * concerned — the same words whether there were any (SPEC RGT-GEN-02, issue 5 "bad input").
 */
export const RightsReceiptSchema = Type.Object(
  { requestId: IdSchema, receivedAt: instant, ownPart: RightsPartSchema },
  closed,
);
export type RightsReceipt = Static<typeof RightsReceiptSchema>;

export const AnswerRightsPartSchema = Type.Object(
  {
    outcome: Type.Enum([...RIGHTS_OUTCOMES]),
    /** The reasons (mandatory for a rejection or a deferral, SPEC RGT-CRT-02, RGT-ACC-06). */
    reasons: Type.Optional(text(8000)),
    /** SPEC RGT-ACC-05: health data through a health professional chosen by the person. */
    healthProfessional: Type.Optional(
      Type.Object({ name: text(200), registrationNumber: text(50), address: text(400) }, closed),
    ),
    /** SPEC RGT-REC-04 c): recipients not told, with why telling them is impossible or disproportionate. */
    recipientExceptions: Type.Optional(
      Type.Array(Type.Object({ organisationId: IdSchema, justification: text(2000) }, closed), { maxItems: 100 }),
    ),
  },
  closed,
);
export type AnswerRightsPart = Static<typeof AnswerRightsPartSchema>;

/** SPEC RGT-REC-01, RGT-REC-02: what the controller does to one of its items for the request. */
export const ExecuteRightsChangeSchema = Type.Object(
  {
    itemId: IdSchema,
    change: Type.Enum(['rectify', 'erase', 'prohibit_use']),
    /** The corrected text, for a rectification. */
    text: Type.Optional(text(20000)),
    reason: text(2000),
  },
  closed,
);
export type ExecuteRightsChange = Static<typeof ExecuteRightsChangeSchema>;

/** The letter to the person concerned: the outcome of their request and why (SPEC RGT-OBJ-02, RGT-JUD-01, RGT-CRT-02). */
export const ReplyLetterSchema = Type.Object(
  {
    language: Type.Enum([...LANGUAGES]),
    controller: Type.String(),
    requesterName: Type.String(),
    receivedAt: instant,
    kind: Type.Enum([...RIGHTS_REQUEST_KINDS]),
    outcome: Type.Enum([...RIGHTS_OUTCOMES]),
    paragraphs: Type.Array(Type.String()),
    answeredAt: nullable(instant),
  },
  closed,
);
export type ReplyLetter = Static<typeof ReplyLetterSchema>;

export const RightsRequestParamsSchema = Type.Object({ requestId: IdSchema }, closed);
export const RightsPartParamsSchema = Type.Object({ partId: IdSchema }, closed);
export const AccessAnswerQuerySchema = Type.Object({ format: Type.Optional(Type.Enum(['json', 'pdf'])) }, closed);

/** SPEC ROL-11 (L2007 art. 1 §7): who received data, as an access answer names them. */
export const RECIPIENT_CLASSES = ['co_participant_controller', 'own_file_exporter', 'third_party', 'processor', 'inquiry_authority'] as const;
export type RecipientClass = (typeof RECIPIENT_CLASSES)[number];

export const RecordExternalDisclosureSchema = Type.Object(
  {
    recipientName: text(300),
    recipientClass: Type.Enum(['third_party', 'processor', 'inquiry_authority']),
    reference: Type.Optional(text(200)),
    disclosedAt: instant,
  },
  closed,
);
export type RecordExternalDisclosure = Static<typeof RecordExternalDisclosureSchema>;

export const DisclosureSchema = Type.Object(
  {
    recipient: Type.String(),
    recipientOrganisationId: nullable(IdSchema),
    recipientClass: Type.Enum([...RECIPIENT_CLASSES]),
    itemId: IdSchema,
    at: instant,
    reference: nullable(Type.String()),
  },
  closed,
);
export type Disclosure = Static<typeof DisclosureSchema>;
export const DisclosureListSchema = Type.Object({ disclosures: Type.Array(DisclosureSchema) }, closed);
export type DisclosureList = Static<typeof DisclosureListSchema>;

const labelled = Type.Object({ code: Type.String(), label: Type.String() }, closed);

/** L2007 art. 10 §1 a)-d) (SPEC RGT-ACC-01): what the controller tells the person, in their language. */
export const AccessAnswerSchema = Type.Object(
  {
    language: Type.Enum([...LANGUAGES]),
    controller: Type.Object(
      { legalName: Type.String(), address: Type.String(), rightsContact: Type.String(), dpo: nullable(Type.String()) },
      closed,
    ),
    requesterName: Type.String(),
    receivedAt: instant,
    /** a) whether data about the person are processed. */
    confirmation: Type.Boolean(),
    purposes: Type.Array(labelled),
    categories: Type.Array(labelled),
    /** a) recipient categories, authorities in a particular inquiry left out (SPEC ROL-11). */
    recipients: Type.Array(Type.Object({ class: Type.String(), label: Type.String() }, closed)),
    /** b) the data and their origin. */
    data: Type.Array(
      Type.Object(
        {
          kind: Type.Enum(['person', 'item', 'paper_part']),
          /** The category of bill art. 2 §2, or those of a paper part, comma-separated. */
          category: Type.String(),
          content: Type.String(),
          origin: nullable(Type.String()),
          recordedOn: civilDate,
          /** L2007 art. 15 (SPEC RGT-CON-02). */
          contested: nullable(Type.Object({ since: instant, label: Type.String() }, closed)),
        },
        closed,
      ),
    ),
    /** c) art. 12bis (SPEC ADM-03). */
    automatedDecisions: Type.String(),
    /** d) arts 12 and 14, and the public register of art. 18. */
    remedies: Type.Array(Type.String()),
    register: Type.String(),
    /** SPEC RGT-ACC-05: delivered through this health professional. */
    healthProfessional: nullable(
      Type.Object({ name: Type.String(), registrationNumber: Type.String(), address: Type.String() }, closed),
    ),
  },
  closed,
);
export type AccessAnswer = Static<typeof AccessAnswerSchema>;

/** SPEC RGT-IND-02: what the controller sends the supervisory authority on its route. */
export const CommissionPackageSchema = Type.Object(
  { addressee: Type.Literal('supervisory_authority'), rule: Type.String(), answer: AccessAnswerSchema },
  closed,
);
