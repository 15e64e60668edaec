/**
 * The prosecutor's list (bill art. 8; SPEC LST-01..04): "en vue de l'application de l'article 7",
 * the office that authorised a consultation keeps up to date the list of the persons who were its
 * subject; each identity is erased at the latest thirty years after its registration. The office
 * sees its entries without identity, the identities of the entries awaiting its action, and a
 * listed identity otherwise only through a lookup linked to a restriction or rights request
 * (LST-02). There is no export (reading recorded in migration 0024).
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { IdentitySchema } from './persons.js';

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const LIST_ENTRY_STATUSES = ['proposed', 'registered'] as const;

export const ListEntrySchema = Type.Object(
  {
    id: IdSchema,
    caseId: IdSchema,
    personId: IdSchema,
    authorisationReference: Type.String(),
    status: Type.Enum([...LIST_ENTRY_STATUSES]),
    proposedAt: instant,
    /** LST-03: the validation by a prosecutor of the office. */
    registeredAt: nullable(instant),
    /** LST-03: the latest erasure, thirty years after registration. */
    eraseBy: nullable(instant),
    /** LST-04: the identity was rectified in the case. */
    updatePending: Type.Boolean(),
    /** Shown only while the entry awaits the office's action (a proposal, an update pending). */
    identity: nullable(IdentitySchema),
    pendingIdentity: nullable(IdentitySchema),
  },
  closed,
);
export type ListEntry = Static<typeof ListEntrySchema>;

export const ListEntriesSchema = Type.Object({ entries: Type.Array(ListEntrySchema) }, closed);
export type ListEntries = Static<typeof ListEntriesSchema>;

export const ListEntryParamsSchema = Type.Object({ entryId: IdSchema }, closed);

/** LST-04: an entry created in error is removed with its reason; a proposal is rejected with one. */
export const RemoveListEntrySchema = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' }) },
  closed,
);
export type RemoveListEntry = Static<typeof RemoveListEntrySchema>;

/**
 * LST-02: a purpose-bound lookup. It names the restriction or the rights request it serves (one of
 * the two), and the person by national register number, or by name and birth date.
 */
export const ListLookupSchema = Type.Object(
  {
    restrictionId: Type.Optional(IdSchema),
    rightsRequestId: Type.Optional(IdSchema),
    nationalRegisterNumber: Type.Optional(Type.String({ minLength: 11, maxLength: 20 })),
    surname: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    firstNames: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    birthDate: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })),
  },
  closed,
);
export type ListLookup = Static<typeof ListLookupSchema>;

export const ListLookupResultSchema = Type.Object(
  {
    lookupId: IdSchema,
    matches: Type.Array(
      Type.Object(
        {
          entryId: IdSchema,
          caseId: IdSchema,
          authorisationReference: Type.String(),
          status: Type.Enum([...LIST_ENTRY_STATUSES]),
          registeredAt: nullable(instant),
          identity: IdentitySchema,
        },
        closed,
      ),
    ),
  },
  closed,
);
export type ListLookupResult = Static<typeof ListLookupResultSchema>;
