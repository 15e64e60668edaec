/**
 * Own-file transfers (issue 4 scope 6; bill art. 4; SPEC FIL-05..09, PUR-02, PUR-05, PUR-06,
 * SEC-14): a participant asks to copy items into its own file, each item's controller agrees or
 * not, and the approved items leave as JSON or PDF. These schemas fix the shapes.
 */
import { type Static, Type } from 'typebox';
import { ContestedStateSchema } from './contested.js';
import { IdSchema } from './identity.js';
import { CategorySchema, PurposeSchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const OrganisationRef = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

export const TRANSFER_DECISIONS = ['pending', 'approved', 'refused'] as const;
export const EXPORT_FORMATS = ['json', 'pdf'] as const;
/**
 * SPEC FIL-08: what may happen to an exported item that its exporters hear of: rectified (a new
 * version), erased, blocked (DAT-22, SEC-11), or contested: a participant asked its controller to
 * correct it (marked inaccurate, SEC-11; ROL-09).
 */
export const EXPORTED_ITEM_CHANGES = ['rectified', 'erased', 'blocked', 'contested'] as const;
export type ExportedItemChange = (typeof EXPORTED_ITEM_CHANGES)[number];

export const TransferParamsSchema = Type.Object({ transferId: IdSchema }, closed);
export const TransferExportParamsSchema = Type.Object(
  { transferId: IdSchema, format: Type.Enum([...EXPORT_FORMATS]) },
  closed,
);

export const RequestTransferSchema = Type.Object(
  {
    itemIds: Type.Array(IdSchema, { minItems: 1, maxItems: 100, uniqueItems: true }),
    /** PUR-05: one of the case's purposes. */
    purpose: PurposeSchema,
    /** bill art. 4 al. 1 1°: why recording in the shared file is not enough. */
    justification: Type.String({ minLength: 10, maxLength: 2000, pattern: '\\S' }),
  },
  closed,
);
export type RequestTransfer = Static<typeof RequestTransferSchema>;

export const TransferDecisionsSchema = Type.Object(
  {
    decisions: Type.Array(
      Type.Object({ itemId: IdSchema, decision: Type.Enum(['approved', 'refused']) }, closed),
      { minItems: 1, maxItems: 100 },
    ),
  },
  closed,
);
export type TransferDecisions = Static<typeof TransferDecisionsSchema>;

export const AttestationSchema = Type.Object(
  {
    /**
     * FIL-06 (bill art. 4 al. 2, NL reading): in the own file only persons who took part in the
     * consultation, or their representatives, will access these data.
     */
    accessLimitedToParticipants: Type.Boolean(),
    /** FIL-09 (bill art. 4 al. 5): another period set by the participant's organic law. */
    retentionOverride: Type.Optional(
      Type.Object(
        {
          months: Type.Integer({ minimum: 1, maximum: 1200 }),
          citation: Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' }),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type Attestation = Static<typeof AttestationSchema>;

export const TransferSchema = Type.Object(
  {
    id: IdSchema,
    caseId: IdSchema,
    caseTitle: Type.String(),
    requester: OrganisationRef,
    requestedBy: Type.String(),
    purpose: PurposeSchema,
    justification: Type.String(),
    createdAt: instant,
    items: Type.Array(
      Type.Object(
        {
          itemId: IdSchema,
          category: CategorySchema,
          controller: OrganisationRef,
          decision: Type.Enum([...TRANSFER_DECISIONS]),
          decidedAt: Type.Union([instant, Type.Null()]),
          /** The item's content, for its controller to decide and for the requester; null otherwise. */
          content: Type.Union([Type.String(), Type.Null()]),
          secretOfInvestigation: Type.Boolean(),
          /** L2007 art. 15 (SPEC RGT-CON-02): shown as contested while a mark stands. */
          contested: Type.Union([ContestedStateSchema, Type.Null()]),
        },
        closed,
      ),
    ),
    fourEyes: Type.Object(
      {
        required: Type.Boolean(),
        approvedBy: Type.Union([Type.String(), Type.Null()]),
        approvedAt: Type.Union([instant, Type.Null()]),
      },
      closed,
    ),
    attestedAt: Type.Union([instant, Type.Null()]),
    /** FIL-09: until when the receiving organisation may keep the copy. */
    retention: Type.Object(
      {
        endsOn: Type.Union([Type.String(), Type.Null()]),
        months: Type.Union([Type.Integer(), Type.Null()]),
        basis: Type.String(),
      },
      closed,
    ),
    exports: Type.Array(
      Type.Object(
        {
          id: IdSchema,
          format: Type.Enum([...EXPORT_FORMATS]),
          exportedAt: instant,
          exportedBy: Type.String(),
          sha256: Type.String(),
          itemCount: Type.Integer(),
          /** SPEC TRF-01: the country of the own file it went to (null: exported before this was recorded). */
          destinationCountry: Type.Union([Type.String(), Type.Null()]),
          /**
           * FIL-08: the changes of its items since the export, each told to the requester by a
           * notification, and its acknowledgement: by whom and when, or null while pending.
           */
          changes: Type.Array(
            Type.Object(
              {
                itemId: IdSchema,
                change: Type.Enum([...EXPORTED_ITEM_CHANGES]),
                changedAt: instant,
                acknowledged: Type.Union([Type.Object({ by: Type.String(), at: instant }, closed), Type.Null()]),
              },
              closed,
            ),
          ),
        },
        closed,
      ),
    ),
    /** What the reader may do now. */
    can: Type.Object(
      {
        decide: Type.Array(IdSchema),
        approveFourEyes: Type.Boolean(),
        attest: Type.Boolean(),
        export: Type.Boolean(),
      },
      closed,
    ),
  },
  closed,
);
export type Transfer = Static<typeof TransferSchema>;

export const TransferListSchema = Type.Object(
  {
    /** Items of my organisation that others asked to copy (bill art. 4 al. 1 2°). */
    toDecide: Type.Array(TransferSchema),
    /** My organisation's requests. */
    requested: Type.Array(TransferSchema),
  },
  closed,
);
export type TransferList = Static<typeof TransferListSchema>;
