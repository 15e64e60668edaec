/**
 * The controller's penal evidence (L1992 arts 38-39; SPEC PEN-01..PEN-10): the reports its DPO
 * produces to show that the duties whose breach those articles punish were met. Each report is
 * read from the registers, the audit log and the records of the controller, never typed in; each
 * names ids, codes, dates and counts, never the content of a case.
 */
import { type Static, Type } from 'typebox';
import { DECLARATION_LANGUAGES, ProcessingStatementSchema, SectionDifferenceSchema } from './declarations.js';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const OrganisationRefSchema = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

/** What every report says of itself: whose evidence, when, under which register numbers (DCL-25). */
const reportHead = {
  controller: OrganisationRefSchema,
  generatedAt: instant,
  registerNumbers: Type.Array(Type.String()),
  /** The offence the report is evidence against, and the duty it shows was met. */
  rule: Type.String(),
};

// --- Queries -----------------------------------------------------------------------------------

/** PEN-01: the art. 38 pack of a period (Brussels days), as JSON or PDF, in French or Dutch. */
export const EvidencePackQuerySchema = Type.Object(
  {
    from: civilDate,
    to: civilDate,
    format: Type.Optional(Type.Enum(['json', 'pdf'])),
    language: Type.Optional(Type.Enum([...DECLARATION_LANGUAGES])),
  },
  closed,
);
export type EvidencePackQuery = Static<typeof EvidencePackQuerySchema>;

/** A report as JSON (on screen) or CSV (exported). */
export const EvidenceReportQuerySchema = Type.Object(
  { format: Type.Optional(Type.Enum(['json', 'csv'])) },
  closed,
);
export type EvidenceReportQuery = Static<typeof EvidenceReportQuerySchema>;

/**
 * PEN-21: what a leaked copy shows — the watermark read off its pages, or the SHA-256 of the file —
 * to find the export it came from. The file itself never needs to be sent: it holds case content.
 */
export const LeakTraceQuerySchema = Type.Object(
  {
    watermark: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
  },
  closed,
);
export type LeakTraceQuery = Static<typeof LeakTraceQuerySchema>;

/** PEN-06: the access requests received in a period (all of them without one). */
export const SlaReportQuerySchema = Type.Object(
  {
    from: Type.Optional(civilDate),
    to: Type.Optional(civilDate),
    format: Type.Optional(Type.Enum(['json', 'csv'])),
  },
  closed,
);
export type SlaReportQuery = Static<typeof SlaReportQuerySchema>;

// --- PEN-09 (SEC-10): conformity of the configuration with the latest declarations ---------------

export const DeclarationConformityReportSchema = Type.Object(
  {
    ...reportHead,
    format: Type.Literal('concerto.declaration-conformity/1'),
    declarations: Type.Array(
      Type.Object(
        {
          declarationId: IdSchema,
          registerNumber: nullable(Type.String()),
          /** The last version submitted, compared with what the configuration gives today. */
          comparedWithVersion: nullable(Type.Integer()),
          submittedOn: nullable(civilDate),
          /** null: nothing submitted yet, or its end declared (nothing to compare with). */
          conforms: nullable(Type.Boolean()),
          differences: Type.Array(SectionDifferenceSchema),
          /** What the configuration lacks to generate the declaration at all (field names). */
          missingFields: Type.Array(Type.String()),
        },
        closed,
      ),
    ),
    /** Declarations whose content no longer matches the configuration: 0 is the evidence of art. 39 8°. */
    mismatches: Type.Integer(),
  },
  closed,
);
export type DeclarationConformityReport = Static<typeof DeclarationConformityReportSchema>;

// --- PEN-01: the art. 38 evidence pack ---------------------------------------------------------

export const DISCLOSURE_KINDS = ['own_file_export', 'consultation', 'external_disclosure'] as const;

export const ContestedDisclosureSchema = Type.Object(
  {
    kind: Type.Enum([...DISCLOSURE_KINDS]),
    /** The export's id, the audit event's position, or the recorded communication's id. */
    id: Type.String(),
    at: instant,
    recipientOrganisationId: nullable(IdSchema),
    /** For a communication outside Concerto: the class of its recipient (SPEC ROL-11). */
    recipientClass: nullable(Type.String()),
    /** The controller's items it communicated. */
    itemIds: Type.Array(IdSchema),
    /** Those a standing contested mark covered at that moment (L1992 art. 15). */
    contestedItemIds: Type.Array(IdSchema),
    /**
     * Those the communication showed as contested, as its own record keeps it (the export's
     * `contested_item_ids`, the consult event's `contested_item` records); null for a communication
     * made outside Concerto, which Concerto did not render.
     */
    flaggedItemIds: nullable(Type.Array(IdSchema)),
    /** Contested then, but not shown so: each one is a breach of art. 15 (art. 38). */
    unflaggedItemIds: Type.Array(IdSchema),
  },
  closed,
);
export type ContestedDisclosure = Static<typeof ContestedDisclosureSchema>;

export const PermissionSnapshotSchema = Type.Object(
  {
    takenAt: instant,
    /** The controller's accounts and what they may do (SEC-06, SEC-07, DAT-19): ids and roles only. */
    members: Type.Array(
      Type.Object(
        {
          userId: IdSchema,
          roles: Type.Array(Type.String()),
          active: Type.Boolean(),
          designations: Type.Array(Type.String()),
          crossCaseSearch: Type.Boolean(),
        },
        closed,
      ),
    ),
    /** Permanent representatives acting for the controller at consultations (bill art. 5). */
    representatives: Type.Array(
      Type.Object(
        { representationId: IdSchema, userId: IdSchema, validFrom: civilDate, validTo: civilDate },
        closed,
      ),
    ),
    /** Each case the controller takes part in, and who holds which place in it (its audience). */
    cases: Type.Array(
      Type.Object(
        {
          caseId: IdSchema,
          state: Type.String(),
          audience: Type.Array(Type.Object({ organisationId: IdSchema, relation: Type.String() }, closed)),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type PermissionSnapshot = Static<typeof PermissionSnapshotSchema>;

export const RefusedDisclosureSchema = Type.Object(
  {
    position: Type.Integer(),
    at: instant,
    actor: Type.Object(
      {
        userId: Type.String(),
        organisationId: Type.String(),
        role: Type.String(),
        representing: nullable(Type.String()),
      },
      closed,
    ),
    caseId: nullable(Type.String()),
    reason: nullable(Type.String()),
    records: Type.Array(Type.Object({ type: Type.String(), id: Type.String() }, closed)),
  },
  closed,
);
export type RefusedDisclosure = Static<typeof RefusedDisclosureSchema>;

export const EvidencePackSchema = Type.Object(
  {
    ...reportHead,
    format: Type.Literal('concerto.art-38-evidence-pack/1'),
    language: Type.Enum([...DECLARATION_LANGUAGES]),
    period: Type.Object({ from: civilDate, to: civilDate }, closed),
    /** 1. art. 15: the contested flag as each communication of the period rendered it (RGT-CON-04). */
    contestedFlags: Type.Object(
      {
        rule: Type.String(),
        disclosures: Type.Array(ContestedDisclosureSchema),
        summary: Type.Object(
          { disclosures: Type.Integer(), withContestedItems: Type.Integer(), unflagged: Type.Integer() },
          closed,
        ),
      },
      closed,
    ),
    /** 2. art. 16 §1 1°: the processing statement of the period (SEC-13). */
    processingStatement: ProcessingStatementSchema,
    /** 3. art. 16 §1 2°: the programs conform to the declaration (SEC-10, PEN-09). */
    declarationConformity: DeclarationConformityReportSchema,
    /** 4. art. 16 §1 4°: who may reach what (SEC-06, SEC-07). */
    accessPermissions: Type.Object({ rule: Type.String(), snapshot: PermissionSnapshotSchema }, closed),
    /** 5. art. 16 §1 5°: the communications refused in the period (SEC-08), from the audit log. */
    refusedDisclosures: Type.Object(
      { rule: Type.String(), events: Type.Array(RefusedDisclosureSchema) },
      closed,
    ),
  },
  closed,
);
export type EvidencePack = Static<typeof EvidencePackSchema>;

// --- PEN-02: persons collected from the data subject without the notice -------------------------

export const UNINFORMED_REASONS = [
  'notice_not_recorded',
  'notice_after_collection',
  'no_information_record',
] as const;

export const UninformedCollectionsSchema = Type.Object(
  {
    ...reportHead,
    format: Type.Literal('concerto.uninformed-collections/1'),
    /** Persons of the controller whose information record was looked at. */
    persons: Type.Integer(),
    collectedFromSubject: Type.Integer(),
    missing: Type.Array(
      Type.Object(
        {
          personId: IdSchema,
          caseId: IdSchema,
          personRole: Type.String(),
          obligationId: nullable(IdSchema),
          recordedOn: nullable(civilDate),
          status: nullable(Type.String()),
          informedOn: nullable(civilDate),
          reason: Type.Enum([...UNINFORMED_REASONS]),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type UninformedCollections = Static<typeof UninformedCollectionsSchema>;

// --- PEN-04: minimisation and justification ----------------------------------------------------

export const MISSING_GROUNDS = [
  'purpose',
  'relevance',
  'exception_ground',
  'exception_justification',
  'consent_record',
  'law_citation',
  'health_responsibility',
  'health_source',
  'judicial_source',
] as const;
export type MissingGround = (typeof MISSING_GROUNDS)[number];

export const MinimisationReportSchema = Type.Object(
  {
    ...reportHead,
    format: Type.Literal('concerto.minimisation-grounds/1'),
    /** Items of the controller that hold data (erased ones hold none). */
    items: Type.Integer(),
    /** How many items lack each ground: all 0 is the evidence of art. 39 3°. */
    missingByGround: Type.Record(Type.String(), Type.Integer()),
    missing: Type.Integer(),
    itemsMissing: Type.Array(
      Type.Object(
        {
          itemId: IdSchema,
          caseId: IdSchema,
          category: Type.String(),
          missing: Type.Array(Type.Enum([...MISSING_GROUNDS])),
          /** The rule each missing ground comes from. */
          rules: Type.Array(Type.String()),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type MinimisationReport = Static<typeof MinimisationReportSchema>;

// --- PEN-05: the information obligations overdue ----------------------------------------------

const ObligationLineSchema = Type.Object(
  {
    obligationId: IdSchema,
    personId: IdSchema,
    caseId: IdSchema,
    personRole: Type.String(),
    collection: Type.String(),
    status: Type.String(),
    recordedOn: civilDate,
    dueOn: nullable(civilDate),
    dueAtFirstDisclosure: Type.Boolean(),
    overdue: Type.Boolean(),
    daysOverdue: nullable(Type.Integer()),
    exemption: nullable(
      Type.Object(
        {
          ground: Type.String(),
          legalReference: nullable(Type.String()),
          decidedBy: nullable(IdSchema),
          decidedAt: nullable(instant),
        },
        closed,
      ),
    ),
  },
  closed,
);

export const OverdueInformationReportSchema = Type.Object(
  {
    ...reportHead,
    format: Type.Literal('concerto.overdue-information/1'),
    today: civilDate,
    /** Every obligation of the controller by status (open, informed, exempted, restricted, indirect_regime). */
    byStatus: Type.Record(Type.String(), Type.Integer()),
    overdue: Type.Array(ObligationLineSchema),
    exemptions: Type.Array(ObligationLineSchema),
  },
  closed,
);
export type OverdueInformationReport = Static<typeof OverdueInformationReportSchema>;

// --- PEN-06: the 45 days of art. 10 §1 ---------------------------------------------------------

export const AccessSlaReportSchema = Type.Object(
  {
    ...reportHead,
    format: Type.Literal('concerto.access-request-sla/1'),
    period: Type.Object({ from: nullable(civilDate), to: nullable(civilDate) }, closed),
    /** The legal period and its article (kernel/legal-rules; per regime, SPEC RGT-ACC-03). */
    limit: Type.Object({ rule: Type.String() }, closed),
    requests: Type.Array(
      Type.Object(
        {
          partId: IdSchema,
          requestId: IdSchema,
          kind: Type.String(),
          route: Type.String(),
          receivedAt: instant,
          receivedOn: civilDate,
          dueOn: nullable(civilDate),
          /** Calendar days the controller has under its regime (45 unless a regime says otherwise). */
          limitDays: nullable(Type.Integer()),
          answeredAt: nullable(instant),
          answeredOn: nullable(civilDate),
          daysToReply: nullable(Type.Integer()),
          /** Answered by the due date; null while it runs, or where the controller does not answer (judicial, Commission route). */
          withinLimit: nullable(Type.Boolean()),
          overdue: Type.Boolean(),
          status: Type.String(),
          outcome: nullable(Type.String()),
          /** Every answer document issued for it, the latest last, with its archived SHA-256. */
          answerDocuments: Type.Array(
            Type.Object(
              { kind: Type.String(), sha256: Type.String(), sizeBytes: Type.Integer(), issuedAt: instant },
              closed,
            ),
          ),
        },
        closed,
      ),
    ),
    summary: Type.Object(
      {
        requests: Type.Integer(),
        answered: Type.Integer(),
        withinLimit: Type.Integer(),
        late: Type.Integer(),
        overdue: Type.Integer(),
      },
      closed,
    ),
  },
  closed,
);
export type AccessSlaReport = Static<typeof AccessSlaReportSchema>;

// --- PEN-08: declared before the start ---------------------------------------------------------

export const DeclarationCoverageReportSchema = Type.Object(
  {
    ...reportHead,
    format: Type.Literal('concerto.declaration-coverage/1'),
    /** Intelligence and security services are not bound to declare (L2007 art. 3 §4; SPEC SCO-15). */
    exempt: Type.Boolean(),
    pairs: Type.Array(
      Type.Object(
        {
          frameworkId: IdSchema,
          frameworkName: Type.String(),
          /** The day the controller's processing in it could start: the framework's activation, or its joining later. */
          activatedOn: civilDate,
          /** The first submission of a declaration covering it (not a cessation). */
          declarationId: nullable(IdSchema),
          declaredOn: nullable(civilDate),
          /** Its latest version ends the processing while the framework runs. */
          ceased: Type.Boolean(),
          /** The first record of the controller in a case of the framework (its data entry, SPEC DCL-01). */
          firstRecordOn: nullable(civilDate),
          conforms: Type.Boolean(),
        },
        closed,
      ),
    ),
    nonConforming: Type.Integer(),
  },
  closed,
);
export type DeclarationCoverageReport = Static<typeof DeclarationCoverageReportSchema>;

// --- PEN-10: the register number on every template --------------------------------------------

export const TemplateInventorySchema = Type.Object(
  {
    ...reportHead,
    format: Type.Literal('concerto.template-inventory/1'),
    /** The number every template was rendered with, and looked for in each page's footer. */
    probeNumber: Type.String(),
    templates: Type.Array(
      Type.Object(
        {
          template: Type.String(),
          /** Where the template is built: module file and function. */
          source: Type.String(),
          document: Type.String(),
          pages: Type.Integer(),
          /** The register number is in the footer of every page. */
          registerNumberPresent: Type.Boolean(),
        },
        closed,
      ),
    ),
    withoutRegisterNumber: Type.Integer(),
  },
  closed,
);
export type TemplateInventory = Static<typeof TemplateInventorySchema>;

/** PEN-21: the exports of the controller's items a leaked copy's watermark or hash names. */
export const LeakTraceSchema = Type.Object(
  {
    format: Type.Literal('concerto.leak-trace/1'),
    ...reportHead,
    /** Who and when the watermark names, as read; null when only the hash was given. */
    watermark: nullable(Type.Object({ userId: IdSchema, at: instant }, closed)),
    matches: Type.Array(
      Type.Object(
        {
          exportId: IdSchema,
          transferId: IdSchema,
          caseId: IdSchema,
          requesterOrganisationId: IdSchema,
          format: Type.Enum(['json', 'pdf']),
          exportedBy: IdSchema,
          exportedAt: instant,
          sha256: Type.String(),
          /** The export's disclose event in the audit log. */
          auditPosition: nullable(Type.Integer()),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type LeakTrace = Static<typeof LeakTraceSchema>;
