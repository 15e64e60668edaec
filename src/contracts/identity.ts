/**
 * Organisations and users (issue 3, scope 1–2): the shapes the operator console sends. The
 * business rules (enterprise number check digits, Belgian representative, role combinations)
 * are the identity service's; these schemas only fix the shape.
 */
import { type Static, Type } from 'typebox';

/** bill art. 2 §1 (SPEC SCO-01), plus the host of the platform (bill art. 3 §1 al. 2). */
export const ORGANISATION_KINDS = [
  'administrative_authority',
  'judicial_authority',
  'federal_service',
  // Police services of art. 2, 2° of the Law of 7 December 1998 on the integrated police.
  'police_service',
  'federated_entity_body',
  'other',
  'platform_operator',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** bill art. 2 §2 al. 4; L2007 art. 3 §4 (SPEC SCO-07, SCO-15): the ids of kernel/legal-rules REGIMES. */
export const DP_REGIMES = ['gdpr', 'law2018_title2', 'law2018_title3', 'intelligence'] as const;

/**
 * bill art. 2 §2 al. 1 (SPEC SCO-05): a specific law, GDPR art. 6(1)(e) or 9(2)(c),
 * arts 33–34 of the Law of 30 July 2018, or art. 44/1 §1 of the Police Function Act.
 */
export const MISSION_BASES = [
  'specific_law',
  'gdpr_art6_1e',
  'gdpr_art9_2c',
  'law2018_arts33_34',
  'lfp_art44_1',
] as const;

/** L2007 art. 5 a)–f) (SPEC SCO-13). */
export const LAWFUL_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

/** ARCHITECTURE §1 actors (SPEC ROL-01 … ROL-12). */
export const USER_ROLES = [
  'operator',
  'organiser',
  'participant',
  'prosecutor',
  'dpo',
  'representative',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * SPEC SUP-03 (L1992 art. 32 §1): a member or expert of the Commission inspecting a controller
 * holds an account of that controller with this role alone, granted by its DPO for a period; the
 * operator never assigns it.
 */
export const INSPECTOR_ROLE = 'inspector';
/** Every role an account may hold: the operator's roles and the inspector's. */
export const ACCOUNT_ROLES = [...USER_ROLES, INSPECTOR_ROLE] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

const closed = { additionalProperties: false } as const;
const oneOf = <const T extends string[]>(values: readonly [...T]) => Type.Enum(values);
/** Non-blank text of at most `max` characters. */
const text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const nullable = <T extends Parameters<typeof Type.Optional>[0]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

export const IdSchema = Type.String({ format: 'uuid' });

const organisationFields = {
  kind: oneOf(ORGANISATION_KINDS),
  dpRegime: oneOf(DP_REGIMES),
  legalMission: nullable(Type.Object({ basis: oneOf(MISSION_BASES), citation: text(300) }, closed)),
  lawfulGround: oneOf(LAWFUL_GROUNDS),
  legalName: text(200),
  address: text(500),
  // KBO/BCE number, dots optional: 0xxx.xxx.xxx or 1xxx.xxx.xxx.
  enterpriseNumber: nullable(Type.String({ pattern: '^[01][0-9]{3}\\.?[0-9]{3}\\.?[0-9]{3}$' })),
  // ISO 3166-1 alpha-2.
  establishmentCountry: Type.String({ pattern: '^[A-Z]{2}$' }),
  belgianRepresentative: nullable(Type.Object({ name: text(200), address: text(500) }, closed)),
  rightsContact: text(300),
  dpo: nullable(Type.Object({ name: text(200), contact: text(300) }, closed)),
  complianceOwner: text(200),
  // 1992 law art. 1 §7: the "gestionnaire du traitement" (processing manager), for 1992-format
  // notices and declarations (SPEC ROL-14, DCL-06).
  processingManager: nullable(Type.Object({ name: text(200), address: text(500) }, closed)),
};

/**
 * Individual royal decrees ("arrêté royal" / "koninklijk besluit") an organisation processes data
 * under (SPEC DAT-32, DAT-33): L1992 art. 8 §5, judicial data processed by persons the decree
 * designates, after prior written notice to the person concerned; L2007 art. 6 §3, sexual-life
 * data processed by an approved and subsidised association treating persons whose sexual
 * behaviour may be an offence, for the duration the decree sets.
 */
export const ROYAL_DECREE_KINDS = ['judicial_data_prior_notice', 'sex_life_treatment', 'child_focus_exemption'] as const;
export type RoyalDecreeKind = (typeof ROYAL_DECREE_KINDS)[number];

const civilDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });

/** Validity in civil dates of Brussels, both inclusive; without an end only under art. 8 §5. */
export const CreateRoyalDecreeSchema = Type.Object(
  {
    kind: oneOf(ROYAL_DECREE_KINDS),
    // The decree's reference, e.g. its date and its publication in the Moniteur belge.
    reference: text(300),
    validFrom: civilDate,
    validUntil: nullable(civilDate),
  },
  closed,
);
export type CreateRoyalDecree = Static<typeof CreateRoyalDecreeSchema>;

/** A correction of a running authorisation; the kind never changes, a renewal is a decree of its own. */
export const UpdateRoyalDecreeSchema = Type.Object(
  { reference: Type.Optional(text(300)), validFrom: Type.Optional(civilDate), validUntil: nullable(civilDate) },
  { ...closed, minProperties: 1 },
);
export type UpdateRoyalDecree = Static<typeof UpdateRoyalDecreeSchema>;

export const RoyalDecreeSchema = Type.Object(
  {
    id: IdSchema,
    kind: oneOf(ROYAL_DECREE_KINDS),
    reference: Type.String(),
    validFrom: civilDate,
    validUntil: Type.Union([civilDate, Type.Null()]),
    recordedAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type RoyalDecree = Static<typeof RoyalDecreeSchema>;

export const CreateOrganisationSchema = Type.Object(organisationFields, closed);
export type CreateOrganisation = Static<typeof CreateOrganisationSchema>;

export const UpdateOrganisationSchema = Type.Object(Type.Partial(CreateOrganisationSchema).properties, {
  ...closed,
  minProperties: 1,
});
export type UpdateOrganisation = Static<typeof UpdateOrganisationSchema>;

export const OrganisationSchema = Type.Object(
  {
    ...organisationFields,
    id: IdSchema,
    // Derived, never stored (SPEC SCO-01).
    bill0485Applies: Type.Boolean(),
    // SPEC DAT-32, DAT-33: the royal decrees it processes data under, past ones included.
    royalDecrees: Type.Array(RoyalDecreeSchema),
    active: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type Organisation = Static<typeof OrganisationSchema>;

const roles = Type.Array(oneOf(USER_ROLES), { minItems: 1, uniqueItems: true });
const accountRoles = Type.Array(oneOf(ACCOUNT_ROLES), { minItems: 1, uniqueItems: true });

export const CreateUserSchema = Type.Object(
  {
    organisationId: IdSchema,
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: text(200),
    roles,
    // Capacity of health professional (1992 law art. 7 §4).
    healthProfessional: Type.Optional(Type.Boolean()),
  },
  closed,
);
export type CreateUser = Static<typeof CreateUserSchema>;

export const ChangeUserRolesSchema = Type.Object({ roles }, closed);
export type ChangeUserRoles = Static<typeof ChangeUserRolesSchema>;

/** SPEC SEC-07: cross-case search on persons is a permission of its own, off by default. */
export const ChangeUserPermissionsSchema = Type.Object({ crossCaseSearch: Type.Boolean() }, closed);
export type ChangeUserPermissions = Static<typeof ChangeUserPermissionsSchema>;

export const UserSchema = Type.Object(
  {
    id: IdSchema,
    organisationId: IdSchema,
    email: Type.String(),
    displayName: Type.String(),
    roles: accountRoles,
    healthProfessional: Type.Boolean(),
    crossCaseSearch: Type.Boolean(),
    /**
     * SPEC PRC-08 (L2007 art. 1 §5): staff of a controller, or of the processor that hosts the
     * platform (the operator's organisation), who hold no role in cases. Set from the organisation.
     */
    staffType: Type.Enum(['controller_staff', 'processor_staff']),
    active: Type.Boolean(),
    deactivatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    sessionEpoch: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type User = Static<typeof UserSchema>;

export const OrganisationParamsSchema = Type.Object({ organisationId: IdSchema }, closed);
export const UserParamsSchema = Type.Object({ userId: IdSchema }, closed);
export const RoyalDecreeParamsSchema = Type.Object({ organisationId: IdSchema, royalDecreeId: IdSchema }, closed);
/** Without organisationId: the users of every organisation. */
export const UserListQuerySchema = Type.Object({ organisationId: Type.Optional(IdSchema) }, closed);
export type UserListQuery = Static<typeof UserListQuerySchema>;

export const OrganisationListSchema = Type.Object({ organisations: Type.Array(OrganisationSchema) }, closed);
export const UserListSchema = Type.Object({ users: Type.Array(UserSchema) }, closed);
