/**
 * Legal holds (SPEC RET-08, RGT-CRT-04; L2007/L1992 art. 14 §7: the president of the court may
 * order any measure preventing the concealment or disappearance of evidence needed for an action
 * on the rights of the person concerned). A participant places a hold on the case, on a person or
 * on an item of it, naming the court order and its issuer; while it stands, nothing it covers is
 * erased, by hand or by the retention job. The organisation that placed it releases it, with the reason.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const reason = Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' });

export const LEGAL_HOLD_SCOPES = ['case', 'person', 'item'] as const;
export const LegalHoldScopeSchema = Type.Enum([...LEGAL_HOLD_SCOPES]);

export const PlaceLegalHoldSchema = Type.Object(
  {
    /** A hold on the case covers everything in it; on a person, that person and the items about it. */
    scope: LegalHoldScopeSchema,
    /** The person held (scope `person` only). */
    personId: Type.Optional(IdSchema),
    /** The item held (scope `item` only). */
    itemId: Type.Optional(IdSchema),
    /** The court order's reference, e.g. "Kort Ged. 26/112/C" (in clear: it names no person). */
    courtOrderReference: text(200),
    /** Who ordered it: the court and its president, e.g. "Voorzitter rechtbank van eerste aanleg Gent". */
    issuer: text(300),
    /** The measure ordered and why it concerns these data (encrypted under the case key). */
    reason,
  },
  closed,
);
export type PlaceLegalHold = Static<typeof PlaceLegalHoldSchema>;

/** Why the hold ends: the order was lifted, the action judged or withdrawn. */
export const ReleaseLegalHoldSchema = Type.Object({ reason }, closed);
export type ReleaseLegalHold = Static<typeof ReleaseLegalHoldSchema>;

export const LegalHoldParamsSchema = Type.Object({ caseId: IdSchema, holdId: IdSchema }, closed);

/** What the reader may do to a hold now (the placing organisation's members, while it stands). */
export const LEGAL_HOLD_ACTIONS = ['release'] as const;

export const LegalHoldSchema = Type.Object(
  {
    id: IdSchema,
    scope: LegalHoldScopeSchema,
    personId: Type.Union([IdSchema, Type.Null()]),
    itemId: Type.Union([IdSchema, Type.Null()]),
    /** The organisation that placed it, and alone releases it. */
    placedFor: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
    courtOrderReference: Type.String(),
    issuer: Type.String(),
    reason: Type.String(),
    placedBy: Type.String(),
    placedAt: instant,
    release: Type.Union([
      Type.Object({ releasedBy: Type.String(), releasedAt: instant, reason: Type.String() }, closed),
      Type.Null(),
    ]),
    allowedActions: Type.Array(Type.Enum([...LEGAL_HOLD_ACTIONS])),
  },
  closed,
);
export type LegalHold = Static<typeof LegalHoldSchema>;

export const LegalHoldListSchema = Type.Object({ legalHolds: Type.Array(LegalHoldSchema) }, closed);
export type LegalHoldList = Static<typeof LegalHoldListSchema>;
