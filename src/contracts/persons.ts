/**
 * Persons of a case (issue 4 scope 3; bill art. 2 §2 al. 1 1° and al. 2; SPEC DAT-01, DAT-07,
 * DAT-17): the subject of the consultation, or a relation/contact of a subject with the
 * necessity recorded. Their identification data are content, encrypted under the case key.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { PersonInformationSchema } from './information-notices.js';
import { PersonPriorNoticeSchema } from './prior-notices.js';

const closed = { additionalProperties: false } as const;
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

export const PERSON_ROLES = ['subject', 'relation'] as const;

/** bill art. 2 §2 al. 1 1°: surname, first names, address, date and place of birth, national register number. */
export const IdentitySchema = Type.Object(
  {
    surname: text(100),
    firstNames: text(200),
    birthDate: Type.Optional(civilDate),
    birthPlace: Type.Optional(text(100)),
    address: Type.Optional(text(300)),
    /** Validated (modulo 97) and shown masked; each reveal is audited (SPEC DAT-01). */
    nationalRegisterNumber: Type.Optional(Type.String({ minLength: 11, maxLength: 20 })),
  },
  closed,
);
export type Identity = Static<typeof IdentitySchema>;

export const CreatePersonSchema = Type.Object(
  {
    role: Type.Enum([...PERSON_ROLES]),
    /** For a relation/contact: the subject(s) it relates to (SPEC DAT-17). */
    subjectIds: Type.Optional(Type.Array(IdSchema, { maxItems: 20, uniqueItems: true })),
    /** For a relation/contact: why processing its data is necessary (bill art. 2 §2 al. 2). */
    necessity: Type.Optional(Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' })),
    identity: IdentitySchema,
    /** L2007 art. 9 (SPEC RGT-INF-01, RGT-INF-02): how the data were obtained; absent = not from the person. */
    information: Type.Optional(PersonInformationSchema),
  },
  closed,
);
export type CreatePerson = Static<typeof CreatePersonSchema>;

export const UpdatePersonSchema = Type.Object(
  { identity: IdentitySchema, reason: Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' }) },
  closed,
);
export type UpdatePerson = Static<typeof UpdatePersonSchema>;

export const PersonParamsSchema = Type.Object({ caseId: IdSchema, personId: IdSchema }, closed);

export const PersonSchema = Type.Object(
  {
    id: IdSchema,
    role: Type.Enum([...PERSON_ROLES]),
    subjectIds: Type.Array(IdSchema),
    controller: Type.Object({ id: IdSchema, legalName: Type.String() }, closed),
    shared: Type.Boolean(),
    identity: Type.Object(
      {
        surname: Type.String(),
        firstNames: Type.String(),
        birthDate: Type.Union([civilDate, Type.Null()]),
        birthPlace: Type.Union([Type.String(), Type.Null()]),
        address: Type.Union([Type.String(), Type.Null()]),
        /** Masked, e.g. "85.07.30-***.**"; null when none is recorded. */
        nationalRegisterNumber: Type.Union([Type.String(), Type.Null()]),
      },
      closed,
    ),
    /** Computed from the date of birth (SPEC DAT-04). */
    age: Type.Union([Type.Integer(), Type.Null()]),
    necessity: Type.Union([Type.String(), Type.Null()]),
    /** L1992 art. 8 §5 (SPEC DAT-32): the reader's organisation's prior written notice to this person. */
    priorNotice: PersonPriorNoticeSchema,
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type Person = Static<typeof PersonSchema>;

export const RevealedNumberSchema = Type.Object({ nationalRegisterNumber: Type.String() }, closed);

/** SPEC SEC-07: exact search across cases, by national register number or by name and birth date. */
export const PersonSearchSchema = Type.Union([
  Type.Object({ nationalRegisterNumber: Type.String({ minLength: 11, maxLength: 20 }) }, closed),
  Type.Object({ surname: text(100), firstNames: text(200), birthDate: civilDate }, closed),
]);
export type PersonSearch = Static<typeof PersonSearchSchema>;

export const PersonSearchResultSchema = Type.Object(
  {
    matches: Type.Array(
      Type.Object({ caseId: IdSchema, personId: IdSchema, role: Type.Enum([...PERSON_ROLES]) }, closed),
    ),
  },
  closed,
);
export type PersonSearchResult = Static<typeof PersonSearchResultSchema>;
