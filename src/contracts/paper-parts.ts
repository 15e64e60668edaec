/**
 * Paper parts of a shared file (SPEC SCO-09, FIL-10; bill Comm. art. 3: the "dossier commun
 * (physique ou numérique)"; L2007 art. 3 §1: non-automated processing of data in a file). A
 * participant registers a paper annex it holds: what it holds (description, content index,
 * categories, persons), where it is and who keeps it; later, a named member confirms its
 * destruction. The paper stays with its holder, which is its controller (bill art. 3 §1 al. 2).
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { CategorySchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const instant = Type.String({ format: 'date-time' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const reason = Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' });

/** Where the paper is kept: the building, and the room and cabinet (or box, shelf) within it. */
export const PaperLocationSchema = Type.Object(
  { building: text(200), room: Type.Optional(text(100)), cabinet: Type.Optional(text(100)) },
  closed,
);
export type PaperLocation = Static<typeof PaperLocationSchema>;

const paperPartFields = {
  /** A short description, e.g. "Signed original of the police report, with photographs". */
  description: text(300),
  /** Which documents it holds, how many of each, what they are about (content: encrypted). */
  contentIndex: text(4000),
  pageCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  /** The categories of bill art. 2 §2 the paper holds. */
  categories: Type.Array(CategorySchema, { minItems: 1, maxItems: 16, uniqueItems: true }),
  /** The persons of the case it is about, so that a rights request finds it. */
  personIds: Type.Array(IdSchema, { minItems: 1, maxItems: 20, uniqueItems: true }),
  location: PaperLocationSchema,
  /** Who keeps it: a member of the holder, or a function (e.g. "archivist"), or both; one at least. */
  custodianUserId: Type.Optional(IdSchema),
  custodianFunction: Type.Optional(text(200)),
};

export const RegisterPaperPartSchema = Type.Object(paperPartFields, closed);
export type RegisterPaperPart = Static<typeof RegisterPaperPartSchema>;

export const UpdatePaperPartSchema = Type.Object({ ...paperPartFields, reason }, closed);
export type UpdatePaperPart = Static<typeof UpdatePaperPartSchema>;

/** The day the paper was destroyed (Brussels), at the latest today, and why. */
export const ConfirmDestructionSchema = Type.Object({ destroyedOn: civilDate, reason }, closed);
export type ConfirmDestruction = Static<typeof ConfirmDestructionSchema>;

export const PaperPartParamsSchema = Type.Object({ caseId: IdSchema, paperPartId: IdSchema }, closed);

/** What the reader may do to a paper part now (its holder's members only, SPEC ROL-09). */
export const PAPER_PART_ACTIONS = ['edit', 'share', 'confirm_destruction'] as const;

export const PaperPartSchema = Type.Object(
  {
    id: IdSchema,
    /** The organisation that holds the paper: its controller (SPEC FIL-02). */
    holder: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
    shared: Type.Boolean(),
    categories: Type.Array(CategorySchema),
    personIds: Type.Array(IdSchema),
    pageCount: Type.Union([Type.Integer(), Type.Null()]),
    /**
     * The reader was not designated for a special category the paper holds (SPEC DAT-19): it sees
     * that the paper exists, where it is and who keeps it, never its description or index.
     */
    restricted: Type.Boolean(),
    description: Type.Union([Type.String(), Type.Null()]),
    contentIndex: Type.Union([Type.String(), Type.Null()]),
    location: PaperLocationSchema,
    custodian: Type.Object(
      {
        user: Type.Union([Type.Object({ id: IdSchema, displayName: Type.String() }, closed), Type.Null()]),
        function: Type.Union([Type.String(), Type.Null()]),
      },
      closed,
    ),
    version: Type.Integer(),
    registeredBy: Type.String(),
    registeredAt: instant,
    updatedAt: instant,
    destruction: Type.Union([
      Type.Object(
        { destroyedOn: civilDate, confirmedBy: Type.String(), confirmedAt: instant, reason: Type.String() },
        closed,
      ),
      Type.Null(),
    ]),
    allowedActions: Type.Array(Type.Enum([...PAPER_PART_ACTIONS])),
  },
  closed,
);
export type PaperPart = Static<typeof PaperPartSchema>;

export const PaperPartListSchema = Type.Object({ paperParts: Type.Array(PaperPartSchema) }, closed);
export type PaperPartList = Static<typeof PaperPartListSchema>;
