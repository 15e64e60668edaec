/**
 * The declaration of processing to the Commission and its register (L2007/L1992 arts 17-20;
 * SPEC DCL-01..28, SEC-10, SEC-13). A controller's DPO keeps one declaration per purpose set
 * (art. 17 §5), maps the consultation frameworks it covers, and records each submission, the
 * Commission's acknowledgement, the contribution and the register number. The §3 content is
 * generated from the configuration, never typed in: these schemas fix its shape, the
 * declarations module fills it.
 */
import { type Static, Type } from 'typebox';
import { FieldIssueSchema } from './problem.js';
import { IdSchema } from './identity.js';
import { PurposeSchema, PurposesSchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const optionalNullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

/** The languages a declaration is made in to the Commission (its labels and exports). */
export const DECLARATION_LANGUAGES = ['fr', 'nl'] as const;
export type DeclarationLanguage = (typeof DECLARATION_LANGUAGES)[number];

/**
 * commission: declared to the Commission (art. 17); sectoral_committee: a specific system of prior
 * authorisations before a sectoral committee (art. 20, DCL-27); royal_decree_exemption: a category
 * the King exempted (art. 17 §8, DCL-22).
 */
export const DECLARATION_MODES = ['commission', 'sectoral_committee', 'royal_decree_exemption'] as const;
export type DeclarationMode = (typeof DECLARATION_MODES)[number];

/** DCL-03: the declaration's status, `draft` until its first submission. */
export const DECLARATION_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'incomplete',
  'completed',
] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/** Art. 17 §7: the first declaration, a modification, or the end of the processing (DCL-21). */
export const VERSION_KINDS = ['declaration', 'modification', 'cessation'] as const;

/** draft: never submitted; declared: submitted and running; ceased: its end was declared. */
export const DECLARATION_LIFECYCLES = ['draft', 'declared', 'ceased'] as const;

export const UPDATE_CAUSES = ['configuration_changed', 'commission_incomplete'] as const;

/**
 * The sections the generator fills, in the order of art. 17: §3 1°-12°, with the 1992 text's 3°
 * (the "gestionnaire", SPEC DCL-06) as `processor`, then §6 (transfers abroad, SPEC DCL-18..20).
 */
export const DECLARATION_SECTIONS = [
  'instrument',
  'controller',
  'processor',
  'name',
  'purposes',
  'categories',
  'recipients',
  'safeguards',
  'rights',
  'retention',
  'security',
  'journalism',
  'transfers',
] as const;
export type DeclarationSection = (typeof DECLARATION_SECTIONS)[number];

export const SHEET_REQUEST_CHANNELS = ['post', 'registered_post', 'email', 'desk'] as const;

const ProcessingNameSchema = Type.Object({ fr: text(300), nl: text(300) }, closed);

/** DCL-17, DCL-07: a framework the declaration covers, with the processing's official names. */
export const DeclarationFrameworkInputSchema = Type.Object(
  { frameworkId: IdSchema, processingName: ProcessingNameSchema },
  closed,
);

const SectoralCommitteeSchema = Type.Object(
  { committee: text(300), authorisationReference: text(200), authorisationDate: civilDate },
  closed,
);
const RoyalDecreeExemptionSchema = Type.Object({ royalDecree: text(300) }, closed);
const SpecificRiskInputSchema = Type.Object(
  { royalDecree: text(300), conditions: Type.Array(text(1000), { minItems: 1, maxItems: 50 }) },
  closed,
);

const declarationFields = {
  purposes: PurposesSchema,
  language: Type.Enum([...DECLARATION_LANGUAGES]),
  frameworks: Type.Array(DeclarationFrameworkInputSchema, { maxItems: 50 }),
  purposeDescription: optionalNullable(text(4000)),
  /** §3 11°: when left out, the summary of the security plan is the starting text (DCL-14). */
  securityDescription: Type.Optional(text(20000)),
  mode: Type.Optional(Type.Enum([...DECLARATION_MODES])),
  sectoralCommittee: optionalNullable(SectoralCommitteeSchema),
  royalDecreeExemption: optionalNullable(RoyalDecreeExemptionSchema),
  specificRisk: optionalNullable(SpecificRiskInputSchema),
};

export const CreateDeclarationSchema = Type.Object(
  {
    ...declarationFields,
    frameworks: Type.Optional(declarationFields.frameworks),
  },
  closed,
);
export type CreateDeclaration = Static<typeof CreateDeclarationSchema>;

export const UpdateDeclarationSchema = Type.Object(Type.Partial(Type.Object(declarationFields)).properties, {
  ...closed,
  minProperties: 1,
});
export type UpdateDeclaration = Static<typeof UpdateDeclarationSchema>;

/** The day the declaration (or its modification, or the end of the processing) was made. */
export const SubmitDeclarationSchema = Type.Object({ submittedOn: civilDate }, closed);
export type SubmitDeclaration = Static<typeof SubmitDeclarationSchema>;

export const CeaseDeclarationSchema = Type.Object({ submittedOn: civilDate }, closed);
export type CeaseDeclaration = Static<typeof CeaseDeclarationSchema>;

export const AcknowledgeVersionSchema = Type.Object({ acknowledgedOn: civilDate }, closed);
export type AcknowledgeVersion = Static<typeof AcknowledgeVersionSchema>;

export const RecordIncompleteSchema = Type.Object({ notifiedOn: civilDate, reason: text(2000) }, closed);
export type RecordIncomplete = Static<typeof RecordIncompleteSchema>;

/** DCL-23: the contribution paid, or why none is due. */
export const RecordPaymentSchema = Type.Union([
  Type.Object(
    {
      amount: Type.Object(
        { cents: Type.Integer({ minimum: 0, maximum: 100_000_000 }), currency: Type.Enum(['EUR', 'BEF']) },
        closed,
      ),
      paidOn: civilDate,
      reference: text(200),
    },
    closed,
  ),
  Type.Object({ notRequired: Type.Object({ reason: text(1000) }, closed) }, closed),
]);
export type RecordPayment = Static<typeof RecordPaymentSchema>;

export const CompleteVersionSchema = Type.Object({ completedOn: civilDate }, closed);
export type CompleteVersion = Static<typeof CompleteVersionSchema>;

export const RegisterNumberSchema = Type.Object(
  { registerNumber: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9./ -]{0,63}$' }) },
  closed,
);
export type RegisterNumberInput = Static<typeof RegisterNumberSchema>;

export const FulfilConditionSchema = Type.Object({ note: Type.Optional(text(2000)) }, closed);
export type FulfilCondition = Static<typeof FulfilConditionSchema>;

/** DCL-22: someone asked the controller for the §§3/6 information of an exempted processing. */
export const SheetRequestSchema = Type.Object(
  { channel: Type.Enum([...SHEET_REQUEST_CHANNELS]), receivedOn: civilDate },
  closed,
);
export type SheetRequest = Static<typeof SheetRequestSchema>;

export const DeclarationParamsSchema = Type.Object({ declarationId: IdSchema }, closed);
export const VersionParamsSchema = Type.Object({ declarationId: IdSchema, versionId: IdSchema }, closed);
export const ConditionParamsSchema = Type.Object({ declarationId: IdSchema, conditionId: IdSchema }, closed);
export const DocumentQuerySchema = Type.Object({ format: Type.Optional(Type.Enum(['json', 'pdf'])) }, closed);
export const StatementQuerySchema = Type.Object(
  {
    from: civilDate,
    to: civilDate,
    format: Type.Optional(Type.Enum(['json', 'pdf'])),
    language: Type.Optional(Type.Enum([...DECLARATION_LANGUAGES])),
  },
  closed,
);
export type StatementQuery = Static<typeof StatementQuerySchema>;

// --- The generated content (art. 17 §3) -------------------------------------------------------

const LabelledSchema = Type.Object({ code: Type.String(), label: Type.String() }, closed);

export const DeclarationContentSchema = Type.Object(
  {
    format: Type.Literal('concerto.declaration/1'),
    language: Type.Enum([...DECLARATION_LANGUAGES]),
    declarationId: IdSchema,
    /** §3 1°: the date of the declaration (the submission's; today's for a preview). */
    declarationDate: civilDate,
    /** DCL-02: the shared file is no public register (art. 17 §1 al. 2). */
    publicRegisterExemption: Type.Literal('no'),
    sections: Type.Object(
      {
        /** §3 1° (DCL-04): the instruments deciding the processing. */
        instrument: Type.Object(
          {
            instruments: Type.Array(
              Type.Object(
                { frameworkId: IdSchema, basis: Type.String(), processingBasis: Type.String() },
                closed,
              ),
            ),
          },
          closed,
        ),
        /** §3 2° (DCL-05). */
        controller: Type.Object(
          {
            legalName: Type.String(),
            address: Type.String(),
            enterpriseNumber: nullable(Type.String()),
            establishmentCountry: Type.String(),
            representative: nullable(Type.Object({ name: Type.String(), address: Type.String() }, closed)),
          },
          closed,
        ),
        /**
         * L1992 §3 3° (DCL-06, PRC-09): the "gestionnaire" of the processing, the host of the
         * processor registry; null when the instance has none. Repealed in 2007, kept (stricter).
         */
        processor: Type.Object(
          {
            host: nullable(
              Type.Object(
                {
                  legalName: Type.String(),
                  address: Type.String(),
                  enterpriseNumber: nullable(Type.String()),
                  /** Where the host processes the data, when its record says so. */
                  country: nullable(Type.String()),
                },
                closed,
              ),
            ),
          },
          closed,
        ),
        /** §3 4° (DCL-07). */
        name: Type.Object(
          {
            processings: Type.Array(
              Type.Object({ frameworkId: IdSchema, fr: Type.String(), nl: Type.String() }, closed),
            ),
          },
          closed,
        ),
        /** §3 5° (DCL-08). */
        purposes: Type.Object(
          { purposes: Type.Array(LabelledSchema), description: nullable(Type.String()) },
          closed,
        ),
        /** §3 6° (DCL-09), with the particular description of the data of arts 6 to 8. */
        categories: Type.Object(
          {
            categories: Type.Array(LabelledSchema),
            special: Type.Array(
              Type.Object(
                {
                  code: Type.String(),
                  label: Type.String(),
                  article: Type.String(),
                  description: Type.String(),
                },
                closed,
              ),
            ),
            judicialKinds: Type.Array(LabelledSchema),
          },
          closed,
        ),
        /** §3 7° (DCL-10): recipient categories, with the organisations of each. */
        recipients: Type.Object(
          {
            categories: Type.Array(
              Type.Object(
                { code: Type.String(), label: Type.String(), organisations: Type.Array(Type.String()) },
                closed,
              ),
            ),
          },
          closed,
        ),
        /** §3 8° (DCL-11). */
        safeguards: Type.Object({ safeguards: Type.Array(LabelledSchema) }, closed),
        /** §3 9° (DCL-12). */
        rights: Type.Object(
          {
            information: Type.String(),
            accessService: Type.String(),
            route: Type.Enum(['direct', 'commission']),
            routeText: Type.String(),
            channels: Type.Array(LabelledSchema),
            facilitation: Type.String(),
          },
          closed,
        ),
        /** §3 10° (DCL-13). */
        retention: Type.Object(
          {
            frameworks: Type.Array(
              Type.Object(
                {
                  frameworkId: IdSchema,
                  months: Type.Integer(),
                  otherRule: nullable(Type.String()),
                  text: Type.String(),
                },
                closed,
              ),
            ),
            rules: Type.Array(Type.String()),
          },
          closed,
        ),
        /** §3 11° (DCL-14). */
        security: Type.Object(
          { description: Type.String(), planVersion: Type.String(), planDocument: Type.String() },
          closed,
        ),
        /** §3 12° (DCL-15). */
        journalism: Type.Object({ ground: Type.Literal('not_applicable'), text: Type.String() }, closed),
        /**
         * §6 (DCL-18, DCL-19, DCL-20, TRF-11): each category transmitted abroad, inside the
         * Community too, with its countries of destination, foreign processing chains included;
         * empty when nothing leaves Belgium.
         */
        transfers: Type.Object(
          {
            categories: Type.Array(
              Type.Object(
                { code: Type.String(), label: Type.String(), countries: Type.Array(Type.String()) },
                closed,
              ),
            ),
          },
          closed,
        ),
      },
      closed,
    ),
  },
  closed,
);
export type DeclarationContent = Static<typeof DeclarationContentSchema>;

// --- What the API answers ---------------------------------------------------------------------

const OrganisationRefSchema = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

export const VERSION_ACTIONS = ['acknowledge', 'record_incomplete', 'record_payment', 'complete'] as const;
export const DECLARATION_ACTIONS = [
  'edit',
  'submit',
  'cease',
  'set_register_number',
  'check_conformity',
  'record_sheet_request',
] as const;

export const DeclarationVersionSchema = Type.Object(
  {
    id: IdSchema,
    number: Type.Integer(),
    kind: Type.Enum([...VERSION_KINDS]),
    submittedOn: civilDate,
    recordedAt: instant,
    status: Type.Enum(['submitted', 'acknowledged', 'incomplete', 'completed']),
    /** DCL-03: the Commission's acknowledgement, due 3 working days after the submission. */
    acknowledgement: Type.Object(
      { dueOn: nullable(civilDate), acknowledgedOn: nullable(civilDate), overdue: Type.Boolean() },
      closed,
    ),
    incomplete: nullable(Type.Object({ notifiedOn: civilDate, reason: Type.String() }, closed)),
    payment: nullable(
      Type.Union([
        Type.Object(
          {
            amount: Type.Object({ cents: Type.Integer(), currency: Type.Enum(['EUR', 'BEF']) }, closed),
            paidOn: civilDate,
            reference: Type.String(),
          },
          closed,
        ),
        Type.Object({ notRequired: Type.Object({ reason: Type.String() }, closed) }, closed),
      ]),
    ),
    completedOn: nullable(civilDate),
    contentSha256: Type.String(),
    allowedActions: Type.Array(Type.Enum([...VERSION_ACTIONS])),
  },
  closed,
);
export type DeclarationVersion = Static<typeof DeclarationVersionSchema>;

export const SectionDifferenceSchema = Type.Object(
  { section: Type.Enum([...DECLARATION_SECTIONS]), item: Type.String(), label: Type.String() },
  closed,
);

export const UpdateItemSchema = Type.Object(
  {
    id: IdSchema,
    cause: Type.Enum([...UPDATE_CAUSES]),
    differences: Type.Array(Type.String()),
    openedAt: instant,
    resolvedAt: nullable(instant),
    resolvedByVersionId: nullable(IdSchema),
  },
  closed,
);
export type UpdateItem = Static<typeof UpdateItemSchema>;

/** SEC-10: the configuration now against the last version submitted. */
export const ConformitySchema = Type.Object(
  {
    /** null before the first submission: nothing is declared to compare with. */
    conforms: nullable(Type.Boolean()),
    differences: Type.Array(SectionDifferenceSchema),
    comparedWithVersion: nullable(Type.Integer()),
  },
  closed,
);
export type Conformity = Static<typeof ConformitySchema>;

export const DeclarationSchema = Type.Object(
  {
    id: IdSchema,
    controller: OrganisationRefSchema,
    purposes: Type.Array(PurposeSchema),
    language: Type.Enum([...DECLARATION_LANGUAGES]),
    mode: Type.Enum([...DECLARATION_MODES]),
    sectoralCommittee: nullable(
      Type.Object(
        { committee: Type.String(), authorisationReference: Type.String(), authorisationDate: civilDate },
        closed,
      ),
    ),
    royalDecreeExemption: nullable(Type.Object({ royalDecree: Type.String() }, closed)),
    purposeDescription: nullable(Type.String()),
    securityDescription: Type.String(),
    publicRegisterExemption: Type.Literal('no'),
    journalismGround: Type.Literal('not_applicable'),
    frameworks: Type.Array(
      Type.Object(
        {
          frameworkId: IdSchema,
          frameworkName: Type.String(),
          frameworkState: Type.Enum(['draft', 'active']),
          processingName: Type.Object({ fr: Type.String(), nl: Type.String() }, closed),
          /** In the last version submitted: data entry in it is allowed (DCL-01). */
          declared: Type.Boolean(),
        },
        closed,
      ),
    ),
    specificRisk: nullable(
      Type.Object(
        {
          royalDecree: Type.String(),
          conditions: Type.Array(
            Type.Object(
              {
                id: IdSchema,
                condition: Type.String(),
                fulfilledAt: nullable(instant),
                fulfilledBy: nullable(Type.String()),
                note: nullable(Type.String()),
              },
              closed,
            ),
          ),
        },
        closed,
      ),
    ),
    registerNumber: nullable(Type.String()),
    status: Type.Enum([...DECLARATION_STATUSES]),
    lifecycle: Type.Enum([...DECLARATION_LIFECYCLES]),
    /** Whether the §3 content can be generated now, and if not, which fields are missing. */
    generation: Type.Object({ ready: Type.Boolean(), issues: Type.Array(FieldIssueSchema) }, closed),
    conformity: ConformitySchema,
    updateItems: Type.Array(UpdateItemSchema),
    versions: Type.Array(DeclarationVersionSchema),
    sheetRequests: Type.Array(
      Type.Object({ id: IdSchema, channel: Type.String(), receivedOn: civilDate, servedAt: instant }, closed),
    ),
    allowedActions: Type.Array(Type.Enum([...DECLARATION_ACTIONS])),
    createdAt: instant,
    updatedAt: instant,
  },
  closed,
);
export type Declaration = Static<typeof DeclarationSchema>;

/** DCL-28, DCL-03, DCL-21, DCL-01: what the controller's compliance dashboard lists. */
export const COMPLIANCE_ITEM_KINDS = [
  'acknowledgement_overdue',
  'update_due',
  'risk_condition_open',
  'payment_missing',
  'framework_undeclared',
] as const;

export const ComplianceItemSchema = Type.Object(
  {
    kind: Type.Enum([...COMPLIANCE_ITEM_KINDS]),
    declarationId: nullable(IdSchema),
    frameworkId: nullable(IdSchema),
    /** The version, update item or risk condition concerned. */
    subjectId: nullable(IdSchema),
    /** What to do, in words (English; the web app words it from `kind`). */
    detail: Type.String(),
  },
  closed,
);
export type ComplianceItem = Static<typeof ComplianceItemSchema>;

export const DeclarationSummarySchema = Type.Object(
  {
    id: IdSchema,
    purposes: Type.Array(PurposeSchema),
    mode: Type.Enum([...DECLARATION_MODES]),
    frameworks: Type.Array(Type.Object({ frameworkId: IdSchema, frameworkName: Type.String() }, closed)),
    status: Type.Enum([...DECLARATION_STATUSES]),
    lifecycle: Type.Enum([...DECLARATION_LIFECYCLES]),
    registerNumber: nullable(Type.String()),
    lastSubmittedOn: nullable(civilDate),
    openUpdateItems: Type.Integer(),
    updatedAt: instant,
  },
  closed,
);

export const DeclarationListSchema = Type.Object(
  {
    declarations: Type.Array(DeclarationSummarySchema),
    complianceItems: Type.Array(ComplianceItemSchema),
  },
  closed,
);
export type DeclarationList = Static<typeof DeclarationListSchema>;

export const ConformityCheckSchema = Type.Object(
  { conformity: ConformitySchema, updateItem: nullable(UpdateItemSchema) },
  closed,
);
export type ConformityCheck = Static<typeof ConformityCheckSchema>;

/** DCL-24: the register numbers of a framework's parties, for the framework page. */
export const FrameworkDeclarationsSchema = Type.Object(
  {
    frameworkId: IdSchema,
    parties: Type.Array(
      Type.Object(
        {
          organisation: OrganisationRefSchema,
          role: Type.Enum(['organiser', 'participant']),
          declared: Type.Boolean(),
          status: Type.Enum([...DECLARATION_STATUSES]),
          registerNumber: nullable(Type.String()),
          submittedOn: nullable(civilDate),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type FrameworkDeclarations = Static<typeof FrameworkDeclarationsSchema>;

/** DCL-24, DCL-22, DCL-27: one entry of the public register page (art. 18), no personal data. */
export const PublicRegisterEntrySchema = Type.Object(
  {
    declarationId: IdSchema,
    registerNumber: nullable(Type.String()),
    mode: Type.Enum([...DECLARATION_MODES]),
    sectoralCommittee: nullable(
      Type.Object({ committee: Type.String(), authorisationReference: Type.String() }, closed),
    ),
    royalDecreeExemption: nullable(Type.String()),
    lastSubmittedOn: civilDate,
    content: DeclarationContentSchema,
  },
  closed,
);
export type PublicRegisterEntry = Static<typeof PublicRegisterEntrySchema>;

export const PublicRegisterSchema = Type.Object({ entries: Type.Array(PublicRegisterEntrySchema) }, closed);
export type PublicRegister = Static<typeof PublicRegisterSchema>;

export const PublicEntryParamsSchema = Type.Object({ declarationId: IdSchema }, closed);

// --- SEC-13: the processing statement ("état", L1992 art. 16 §1 1°) ----------------------------

export const ProcessingStatementSchema = Type.Object(
  {
    format: Type.Literal('concerto.processing-statement/1'),
    language: Type.Enum([...DECLARATION_LANGUAGES]),
    controller: OrganisationRefSchema,
    period: Type.Object({ from: civilDate, to: civilDate }, closed),
    generatedAt: instant,
    purposes: Type.Array(LabelledSchema),
    categories: Type.Array(
      Type.Object(
        { code: Type.String(), label: Type.String(), recorded: Type.Integer(), consulted: Type.Integer() },
        closed,
      ),
    ),
    consultations: Type.Object(
      { events: Type.Integer(), byOwnStaff: Type.Integer(), byOtherOrganisations: Type.Integer() },
      closed,
    ),
    recipients: Type.Array(
      Type.Object(
        {
          category: Type.String(),
          label: Type.String(),
          count: Type.Integer(),
          organisations: Type.Array(Type.Object({ legalName: Type.String(), count: Type.Integer() }, closed)),
        },
        closed,
      ),
    ),
    /**
     * INT-04 (L1992 art. 16 §1 1°: the "interconnexions"): each interconnection the controller is
     * a party to, active in the period or with traffic in it, with its volumes in the period.
     */
    interconnections: Type.Array(
      Type.Object(
        {
          id: IdSchema,
          name: Type.String(),
          counterpart: Type.Object({ system: Type.String(), operator: Type.String() }, closed),
          legalBasis: Type.String(),
          royalDecree: nullable(Type.String()),
          categories: Type.Array(LabelledSchema),
          activeInPeriod: Type.Boolean(),
          exchanges: Type.Object({ accepted: Type.Integer(), refused: Type.Integer() }, closed),
          records: Type.Integer(),
          items: Type.Integer(),
          itemsByCategory: Type.Array(
            Type.Object({ code: Type.String(), label: Type.String(), count: Type.Integer() }, closed),
          ),
          /** Persons matched under a registered matching rule (the "rapprochements", SPEC INT-03). */
          matchedPersons: Type.Integer(),
        },
        closed,
      ),
    ),
    registerNumbers: Type.Array(Type.String()),
  },
  closed,
);
export type ProcessingStatement = Static<typeof ProcessingStatementSchema>;

export const ReportQuerySchema = Type.Object(
  {
    format: Type.Optional(Type.Enum(['json', 'pdf'])),
    language: Type.Optional(Type.Enum([...DECLARATION_LANGUAGES])),
  },
  closed,
);
export type ReportQuery = Static<typeof ReportQuerySchema>;

// --- DCL-16: the information pack the Commission may require (art. 17 §4) ---------------------

export const InformationPackSchema = Type.Object(
  {
    format: Type.Literal('concerto.information-pack/1'),
    language: Type.Enum([...DECLARATION_LANGUAGES]),
    controller: OrganisationRefSchema,
    generatedAt: instant,
    /** The origin of the data (SCO-05): the controller's items by category and provenance. */
    provenance: Type.Array(
      Type.Object(
        {
          code: Type.String(),
          label: Type.String(),
          alreadyHeld: Type.Integer(),
          collectedFollowingConsultation: Type.Integer(),
        },
        closed,
      ),
    ),
    /** The automation technique chosen. */
    architecture: Type.Object(
      {
        paragraphs: Type.Array(Type.String()),
        host: nullable(Type.Object({ legalName: Type.String(), address: Type.String() }, closed)),
      },
      closed,
    ),
    /** The security measures: the plan, and each declaration's general description (§3 11°). */
    securityPlan: Type.Object(
      {
        version: Type.String(),
        document: Type.String(),
        provisions: Type.Array(
          Type.Object({ provision: Type.String(), asks: Type.String(), controls: Type.String() }, closed),
        ),
        descriptions: Type.Array(
          Type.Object({ declarationId: IdSchema, description: Type.String() }, closed),
        ),
      },
      closed,
    ),
    registerNumbers: Type.Array(Type.String()),
  },
  closed,
);
export type InformationPack = Static<typeof InformationPackSchema>;

// --- DCL-26: the art. 17 information of the manual file (art. 19) ----------------------------

export const ManualFileSheetSchema = Type.Object(
  {
    format: Type.Literal('concerto.manual-file-sheet/1'),
    language: Type.Enum([...DECLARATION_LANGUAGES]),
    controller: OrganisationRefSchema,
    generatedAt: instant,
    /** The §3 content of the controller's running declarations: the paper serves the same processing. */
    declarations: Type.Array(
      Type.Object(
        {
          declarationId: IdSchema,
          registerNumber: nullable(Type.String()),
          content: DeclarationContentSchema,
        },
        closed,
      ),
    ),
    /** Every category the paper parts hold. */
    categories: Type.Array(LabelledSchema),
    paperParts: Type.Array(
      Type.Object(
        {
          id: IdSchema,
          caseId: IdSchema,
          frameworkId: IdSchema,
          categories: Type.Array(LabelledSchema),
          pageCount: nullable(Type.Integer()),
          location: Type.Object(
            { building: Type.String(), room: nullable(Type.String()), cabinet: nullable(Type.String()) },
            closed,
          ),
          custodianFunction: nullable(Type.String()),
          registeredOn: civilDate,
          destroyedOn: nullable(civilDate),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type ManualFileSheet = Static<typeof ManualFileSheetSchema>;
