/**
 * Consultation frameworks (issue 4 scope 1): the legal basis a case consultation is organised
 * by or under, its purposes, participants, organiser and modalities. A draft may be incomplete;
 * activation checks completeness field by field (SPEC SCO-03). These schemas fix the shape only.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { CategorySchema, PurposeSchema } from './legal-codes.js';

const closed = { additionalProperties: false } as const;
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const nullable = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

/** The consultation types the bill names (SPEC §22.9, G-101…G-105). */
export const FRAMEWORK_TEMPLATES = [
  'csil_r',
  'prison_radicalisation',
  'intrafamily_violence',
  'juvenile_delinquency',
  'vulnerable_persons',
] as const;
export type FrameworkTemplate = (typeof FRAMEWORK_TEMPLATES)[number];

/** CP art. 458ter §1 al. 1 (SPEC SCO-03 a). */
export const BASIS_KINDS = ['law', 'decree', 'ordinance', 'prosecutor_authorisation'] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];

/**
 * SPEC SCO-04: a processing legal basis besides art. 458ter, which is none by itself: the bill
 * once in force, a decree of a federated entity (e.g. the Flemish decree of 30 June 2023), or
 * another specific law.
 */
export const PROCESSING_BASIS_KINDS = ['bill_0485', 'federated_decree', 'specific_law'] as const;

export const FRAMEWORK_STATES = ['draft', 'active'] as const;

const frameworkFields = {
  name: text(200),
  template: nullable(Type.Enum([...FRAMEWORK_TEMPLATES])),
  basisKind: nullable(Type.Enum([...BASIS_KINDS])),
  /** For a law, decree or ordinance: the instrument's title, date and article (SCO-03 b). */
  basisCitation: nullable(Type.Object({ title: text(500), date: civilDate, article: text(100) }, closed)),
  /** For a motivated authorisation of the procureur du Roi (bill art. 2 §1). */
  authorisation: nullable(
    Type.Object({ reference: text(100), date: civilDate, motivation: text(4000) }, closed),
  ),
  processingBasis: nullable(
    Type.Object({ kind: Type.Enum([...PROCESSING_BASIS_KINDS]), citation: text(500) }, closed),
  ),
  /**
   * For a motivated authorisation: the prosecutor's office (a judicial authority) that gave it,
   * which alone restricts rights (bill art. 7) and keeps the list (art. 8) of its cases.
   */
  authorisingOrganisationId: nullable(IdSchema),
  purposes: Type.Optional(Type.Array(PurposeSchema, { maxItems: 3, uniqueItems: true })),
  organiserOrganisationId: nullable(IdSchema),
  /** The modalities the instrument sets (SCO-03 e). */
  modalities: nullable(text(8000)),
  /** Use modalities the platform enforces (SPEC PUR-06). */
  ownFileExportDisabled: Type.Optional(Type.Boolean()),
  exportFourEyes: Type.Optional(Type.Boolean()),
  allowedCategories: Type.Optional(Type.Array(CategorySchema, { minItems: 1, maxItems: 16, uniqueItems: true })),
  /** Default maximum retention after closure, in months (bill art. 3 §1; FIL-01). */
  defaultRetention: nullable(
    Type.Object({ months: Type.Integer({ minimum: 1, maximum: 1200 }), otherRule: nullable(text(500)) }, closed),
  ),
  /** Controller(s) designated by the instrument itself (L2007 art. 1 §4 al. 2; SCO-16). */
  designatedControllers: nullable(text(1000)),
};

export const CreateFrameworkSchema = Type.Object(
  { ...frameworkFields, participantIds: Type.Optional(Type.Array(IdSchema, { maxItems: 200, uniqueItems: true })) },
  closed,
);
export type CreateFramework = Static<typeof CreateFrameworkSchema>;

export const UpdateFrameworkSchema = Type.Object(Type.Partial(Type.Object(frameworkFields)).properties, {
  ...closed,
  minProperties: 1,
});
export type UpdateFramework = Static<typeof UpdateFrameworkSchema>;

const OrganisationRefSchema = Type.Object({ id: IdSchema, legalName: Type.String() }, closed);

export const FrameworkSchema = Type.Object(
  {
    id: IdSchema,
    name: Type.String(),
    template: Type.Union([Type.Enum([...FRAMEWORK_TEMPLATES]), Type.Null()]),
    state: Type.Enum([...FRAMEWORK_STATES]),
    basisKind: Type.Union([Type.Enum([...BASIS_KINDS]), Type.Null()]),
    basisCitation: Type.Union([
      Type.Object({ title: Type.String(), date: civilDate, article: Type.String() }, closed),
      Type.Null(),
    ]),
    authorisation: Type.Union([
      Type.Object(
        {
          reference: Type.String(),
          date: civilDate,
          motivation: Type.String(),
          documentSha256: Type.Union([Type.String(), Type.Null()]),
        },
        closed,
      ),
      Type.Null(),
    ]),
    processingBasis: Type.Union([
      Type.Object({ kind: Type.Enum([...PROCESSING_BASIS_KINDS]), citation: Type.String() }, closed),
      Type.Null(),
    ]),
    purposes: Type.Array(PurposeSchema),
    organiser: Type.Union([OrganisationRefSchema, Type.Null()]),
    authorisingOffice: Type.Union([OrganisationRefSchema, Type.Null()]),
    participants: Type.Array(OrganisationRefSchema),
    modalities: Type.Union([Type.String(), Type.Null()]),
    ownFileExportDisabled: Type.Boolean(),
    exportFourEyes: Type.Boolean(),
    allowedCategories: Type.Array(CategorySchema),
    defaultRetention: Type.Union([
      Type.Object({ months: Type.Integer(), otherRule: Type.Union([Type.String(), Type.Null()]) }, closed),
      Type.Null(),
    ]),
    designatedControllers: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    activatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  closed,
);
export type Framework = Static<typeof FrameworkSchema>;

export const FrameworkListSchema = Type.Object({ frameworks: Type.Array(FrameworkSchema) }, closed);
export type FrameworkList = Static<typeof FrameworkListSchema>;

export const FrameworkParamsSchema = Type.Object({ frameworkId: IdSchema }, closed);
export const FrameworkParticipantParamsSchema = Type.Object(
  { frameworkId: IdSchema, organisationId: IdSchema },
  closed,
);
export const AddFrameworkParticipantSchema = Type.Object({ organisationId: IdSchema }, closed);
