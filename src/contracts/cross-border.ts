/**
 * Transfers of personal data abroad (issue 6 scope 5; L2007 arts 21-22; L1992 arts 4 §2, 17 §6,
 * 22; SPEC TRF-01..12, SCO-10, DCL-20, PEN-03, PEN-13). Each controller's DPO keeps a transfer
 * register: every place its data are stored, accessed or sent (hosting, backups, sub-processors
 * and their chains, support access, API clients, webhooks, its own file, export systems), with the
 * country and the data categories. Inside the Community a destination is recorded; outside it, it
 * needs an adequacy assessment (TRF-02) or a derogation of art. 22 (TRF-04..10), and a deny-list of
 * royal decrees (TRF-03) overrides both. A refused transfer is logged (PEN-03). These schemas fix
 * the shapes; the rules are the cross-border module's.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { CategorySchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const reason = Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** ISO 3166-1 alpha-2, upper case; whether it names a country is the module's check. */
const CountrySchema = Type.String({ pattern: '^[A-Z]{2}$' });
const Categories = (minItems: number) =>
  Type.Array(CategorySchema, { minItems, maxItems: 16, uniqueItems: true });

/**
 * SPEC TRF-01: every location where data are stored or accessed, and every export destination.
 * `own_file` is where an organisation keeps its own-file copies (bill art. 4): one in force at a time.
 */
export const DESTINATION_KINDS = [
  'hosting',
  'backup',
  'sub_processor',
  'support_access',
  'api_client',
  'webhook',
  'own_file',
  'export_system',
] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];
export const DestinationKindSchema = Type.Enum([...DESTINATION_KINDS]);

/** The kinds recorded under another destination: an onward processor of a chain (SPEC DCL-20). */
export const ONWARD_KINDS: readonly DestinationKind[] = ['sub_processor', 'support_access'];

/** Where the destination's country stands: Belgium, a member state of the Community, or outside it. */
export const COUNTRY_ZONES = ['domestic', 'community', 'third_country'] as const;

/** What a destination rests on: nothing more inside the Community; outside it, art. 21 or art. 22. */
export const BASIS_KINDS = ['none', 'adequacy', 'derogation'] as const;

/**
 * L2007 art. 22 §1 al. 1 1°-6° (D1-D6) and al. 2 (D7, a royal decree's authorisation with
 * safeguards). D6 is listed so it can be named, and is never available: the shared file is not a
 * public register (SPEC TRF-09).
 */
export const DEROGATION_CODES = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7'] as const;
export type DerogationCode = (typeof DEROGATION_CODES)[number];

/**
 * The legal ground of a destination, as the register export lists it (SPEC PEN-13): at home,
 * inside the Community, an adequacy assessment, or a derogation's code.
 */
export const GROUND_CODES = ['domestic', 'intra_community', 'adequacy', ...DEROGATION_CODES] as const;
export type GroundCode = (typeof GROUND_CODES)[number];

/** SPEC TRF-04, PEN-07: the data subject's unambiguous consent to the transfer, who collected it and how. */
export const ConsentRecordSchema = Type.Object(
  {
    /** Where the signed consent is kept, e.g. "OCMW Gent, dossier 2026/118, stuk 4" (not the person's name). */
    reference: text(200),
    /** Who collected it. */
    collectedBy: text(200),
    /** In what circumstances it was asked and given (freely, without condition: L1992 art. 39 6°). */
    context: text(1000),
    givenOn: civilDate,
    /** The consent names this transfer and leaves no doubt ("indubitablement", art. 22 §1 al. 1 1°). */
    unambiguous: Type.Boolean(),
  },
  closed,
);

/** SPEC TRF-10: the contractual clauses offered as safeguards, a PDF of at most 2 MB, base64. */
export const ClausesUploadSchema = Type.Object(
  {
    mediaType: Type.Enum(['application/pdf']),
    contentBase64: Type.String({ minLength: 4, maxLength: 2_800_000 }),
  },
  closed,
);

/**
 * The basis of a destination. `kind` says which; the fields each kind or derogation needs are
 * checked by the module, each missing one named (SPEC TRF-02, TRF-04..10).
 */
export const BasisInputSchema = Type.Object(
  {
    kind: Type.Enum([...BASIS_KINDS]),
    /** `adequacy`: an assessment in force of this register concluding to adequate protection there. */
    adequacyAssessmentId: Type.Optional(IdSchema),
    /** `derogation`: which one. */
    derogation: Type.Optional(Type.Enum([...DEROGATION_CODES])),
    /** D1. */
    consent: Type.Optional(ConsentRecordSchema),
    /** D2, D3: the contract the transfer is necessary to. */
    contractReference: Type.Optional(text(300)),
    /** D4: the law or instrument of the important public interest or legal claim (e.g. a police cooperation treaty). */
    legalReference: Type.Optional(text(300)),
    /** D5 (required), D4 (optional): why the transfer is necessary. */
    justification: Type.Optional(Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' })),
    /** D7: the royal decree authorising the transfer. */
    royalDecreeReference: Type.Optional(text(300)),
    /** D7: the contractual clauses. */
    clauses: Type.Optional(ClausesUploadSchema),
  },
  closed,
);
export type BasisInput = Static<typeof BasisInputSchema>;

export const RegisterDestinationSchema = Type.Object(
  {
    kind: DestinationKindSchema,
    /** The system or body, e.g. "Back-up, Provider X, region Frankfurt". */
    name: text(200),
    /** Where the data are stored or accessed: the final destination. */
    country: CountrySchema,
    /** The data categories (bill art. 2 §2) that go there (L1992 art. 17 §6 1°). */
    categories: Categories(1),
    /** An onward processor: the destination it works for (SPEC DCL-20). */
    viaDestinationId: Type.Optional(IdSchema),
    /** What is done there, e.g. "restores from the back-up on request". */
    operations: Type.Optional(text(1000)),
    basis: BasisInputSchema,
  },
  closed,
);
export type RegisterDestination = Static<typeof RegisterDestinationSchema>;

export const EndDestinationSchema = Type.Object({ reason }, closed);
export type EndDestination = Static<typeof EndDestinationSchema>;

export const DestinationParamsSchema = Type.Object({ destinationId: IdSchema }, closed);

/** SPEC TRF-02: the circumstances of L2007 art. 21 §1 al. 2, a conclusion and a reviewer. */
export const RecordAdequacyAssessmentSchema = Type.Object(
  {
    dataNature: text(1000),
    purpose: text(1000),
    /** How long the processing there lasts. */
    duration: text(300),
    originCountry: CountrySchema,
    finalDestinationCountry: CountrySchema,
    /** The general and sectoral law in force there (or an adequacy decision, an international agreement). */
    legalFramework: text(2000),
    professionalRules: text(2000),
    securityMeasures: text(2000),
    conclusion: Type.Enum(['adequate', 'not_adequate']),
    /** Who assessed it, e.g. "An Peeters, DPO". */
    reviewer: text(200),
    reviewedOn: civilDate,
  },
  closed,
);
export type RecordAdequacyAssessment = Static<typeof RecordAdequacyAssessmentSchema>;

export const WithdrawAssessmentSchema = Type.Object({ reason }, closed);
export type WithdrawAssessment = Static<typeof WithdrawAssessmentSchema>;
export const AssessmentParamsSchema = Type.Object({ assessmentId: IdSchema }, closed);

/**
 * SPEC TRF-03: a royal decree of L2007 art. 21 §2 forbids transfers outside the Community for some
 * processing in some circumstances. An empty list matches every category or kind; no country
 * matches every country outside the Community.
 */
export const AddDenyRuleSchema = Type.Object(
  {
    royalDecreeReference: text(300),
    country: nullable(CountrySchema),
    categories: Categories(0),
    kinds: Type.Array(DestinationKindSchema, { maxItems: DESTINATION_KINDS.length, uniqueItems: true }),
    /** The circumstances the decree describes. */
    circumstance: text(1000),
  },
  closed,
);
export type AddDenyRule = Static<typeof AddDenyRuleSchema>;

export const RepealDenyRuleSchema = Type.Object({ reason }, closed);
export type RepealDenyRule = Static<typeof RepealDenyRuleSchema>;
export const DenyRuleParamsSchema = Type.Object({ ruleId: IdSchema }, closed);

const Ended = nullable(Type.Object({ by: Type.String(), at: instant, reason: Type.String() }, closed));

/** One refused input or one reason a transfer is blocked, with the rule that refuses it. */
export const TransferIssueSchema = Type.Object(
  { field: Type.String(), message: Type.String(), rule: Type.String() },
  closed,
);

export const DestinationSchema = Type.Object(
  {
    id: IdSchema,
    kind: DestinationKindSchema,
    name: Type.String(),
    country: Type.String(),
    zone: Type.Enum([...COUNTRY_ZONES]),
    categories: Type.Array(CategorySchema),
    viaDestinationId: nullable(IdSchema),
    operations: nullable(Type.String()),
    basis: Type.Object(
      {
        kind: Type.Enum([...BASIS_KINDS]),
        adequacyAssessmentId: nullable(IdSchema),
        derogation: nullable(Type.Enum([...DEROGATION_CODES])),
        consent: nullable(
          Type.Object(
            {
              reference: Type.String(),
              collectedBy: Type.String(),
              context: Type.String(),
              givenOn: Type.String(),
            },
            closed,
          ),
        ),
        contractReference: nullable(Type.String()),
        legalReference: nullable(Type.String()),
        justification: nullable(Type.String()),
        royalDecreeReference: nullable(Type.String()),
        /** D7: the uploaded clauses (download them at .../clauses). */
        clauses: nullable(Type.Object({ sha256: Type.String(), sizeBytes: Type.Integer() }, closed)),
      },
      closed,
    ),
    groundCode: Type.Enum([...GROUND_CODES]),
    registeredBy: Type.String(),
    registeredAt: instant,
    ended: Ended,
    /**
     * Whether a transfer there is allowed today and, if not, why (a deny rule added or an
     * assessment withdrawn since it was registered, or, SPEC DCL-21, the declaration not listing it
     * yet: `pendingDeclaration`). An ended destination receives nothing: `allowed` is false, with no
     * issue.
     */
    standing: Type.Object(
      { allowed: Type.Boolean(), pendingDeclaration: Type.Boolean(), issues: Type.Array(TransferIssueSchema) },
      closed,
    ),
    allowedActions: Type.Array(Type.Enum(['end', 'download_clauses'])),
  },
  closed,
);
export type Destination = Static<typeof DestinationSchema>;

export const AdequacyAssessmentSchema = Type.Object(
  {
    id: IdSchema,
    dataNature: Type.String(),
    purpose: Type.String(),
    duration: Type.String(),
    originCountry: Type.String(),
    finalDestinationCountry: Type.String(),
    legalFramework: Type.String(),
    professionalRules: Type.String(),
    securityMeasures: Type.String(),
    conclusion: Type.Enum(['adequate', 'not_adequate']),
    reviewer: Type.String(),
    reviewedOn: Type.String(),
    recordedBy: Type.String(),
    recordedAt: instant,
    withdrawn: Ended,
    /** The destinations in force that rest on it. */
    usedBy: Type.Array(IdSchema),
    allowedActions: Type.Array(Type.Enum(['withdraw'])),
  },
  closed,
);
export type AdequacyAssessment = Static<typeof AdequacyAssessmentSchema>;

export const DenyRuleSchema = Type.Object(
  {
    id: IdSchema,
    royalDecreeReference: Type.String(),
    country: nullable(Type.String()),
    categories: Type.Array(CategorySchema),
    kinds: Type.Array(DestinationKindSchema),
    circumstance: Type.String(),
    addedBy: Type.String(),
    addedAt: instant,
    repealed: Ended,
    allowedActions: Type.Array(Type.Enum(['repeal'])),
  },
  closed,
);
export type DenyRule = Static<typeof DenyRuleSchema>;
export const DenyRuleListSchema = Type.Object({ denyRules: Type.Array(DenyRuleSchema) }, closed);
export type DenyRuleList = Static<typeof DenyRuleListSchema>;

/** What the form offers for each derogation: what it needs, and whether it may be chosen at all. */
export const DerogationOptionSchema = Type.Object(
  {
    code: Type.Enum([...DEROGATION_CODES]),
    rule: Type.String(),
    /** The basis fields the derogation needs. */
    requires: Type.Array(Type.String()),
    available: Type.Boolean(),
    /** Why not, for the disabled option's tooltip (SPEC TRF-09). */
    unavailableReason: nullable(Type.String()),
  },
  closed,
);

/** L1992 art. 17 §6 1° (SPEC DCL-18, DCL-20): a category sent abroad and the countries it goes to. */
export const AbroadCategorySchema = Type.Object(
  { category: CategorySchema, countries: Type.Array(Type.String()) },
  closed,
);
export type AbroadCategory = Static<typeof AbroadCategorySchema>;

export const TransferRegisterSchema = Type.Object(
  {
    controller: Type.Object(
      { id: IdSchema, legalName: Type.String(), establishmentCountry: Type.String() },
      closed,
    ),
    destinations: Type.Array(DestinationSchema),
    adequacyAssessments: Type.Array(AdequacyAssessmentSchema),
    /** The deny rules in force, for every controller alike. */
    denyRules: Type.Array(DenyRuleSchema),
    /** What the declaration's §6 will say from the destinations in force, chains included. */
    abroad: Type.Array(AbroadCategorySchema),
    derogations: Type.Array(DerogationOptionSchema),
  },
  closed,
);
export type TransferRegister = Static<typeof TransferRegisterSchema>;

/** Who attempted the refused transfer, from where in Concerto. */
export const TRANSFER_SOURCES = ['transfer_register', 'own_file_export', 'processor_location'] as const;
export type TransferSource = (typeof TRANSFER_SOURCES)[number];

/** SPEC PEN-03, PEN-13: one refused attempt, with its reasons. */
export const BlockedTransferSchema = Type.Object(
  {
    id: IdSchema,
    attemptedAt: instant,
    attemptedBy: Type.String(),
    source: Type.Enum([...TRANSFER_SOURCES]),
    destination: Type.Object(
      { kind: DestinationKindSchema, country: Type.String(), id: nullable(IdSchema) },
      closed,
    ),
    categories: Type.Array(CategorySchema),
    caseId: nullable(IdSchema),
    itemIds: Type.Array(IdSchema),
    rule: Type.String(),
    issues: Type.Array(Type.Object({ field: Type.String(), message: Type.String() }, closed)),
  },
  closed,
);
export type BlockedTransfer = Static<typeof BlockedTransferSchema>;
export const BlockedTransferListSchema = Type.Object(
  { blockedTransfers: Type.Array(BlockedTransferSchema) },
  closed,
);
export type BlockedTransferList = Static<typeof BlockedTransferListSchema>;

/** The country lists the rules read, with their sources, for the forms. */
export const CountryListsSchema = Type.Object(
  {
    domestic: Type.String(),
    community: Type.Object({ codes: Type.Array(Type.String()), source: Type.String() }, closed),
    /** In the EEA, outside the Community: a basis is needed (see the note). */
    eeaOutsideCommunity: Type.Object({ codes: Type.Array(Type.String()), source: Type.String() }, closed),
    note: Type.String(),
  },
  closed,
);
export type CountryLists = Static<typeof CountryListsSchema>;
