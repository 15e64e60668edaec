/**
 * Undertakings (issue 3 scope 5–6): the CP art. 458ter §2 secrecy (SPEC ROL-07), the permanent
 * representative's undertaking (bill art. 5 al. 2, ROL-05) and each controller's awareness module
 * (L2007 art. 16 §2 3°, SEC-09). The rules are the undertakings service's; these fix the shapes.
 */
import { type Static, Type } from 'typebox';
import { IdSchema } from './identity.js';
import { LanguageSchema } from './language.js';

/**
 * - `consultation_secrecy`: CP art. 458ter §2 (SPEC ROL-07), also acknowledged by a person a
 *   permanent representative debriefs (bill art. 5 al. 3, ROL-06);
 * - `representative`: the four obligations of bill art. 5 al. 2 (ROL-05);
 * - `controller_awareness`: one controller's information to the persons acting under its
 *   authority (L2007 art. 16 §2 3°, SEC-09).
 */
export const UNDERTAKING_KINDS = ['consultation_secrecy', 'representative', 'controller_awareness'] as const;
export type UndertakingKind = (typeof UNDERTAKING_KINDS)[number];

const closed = { additionalProperties: false } as const;
const instant = Type.String({ format: 'date-time' });
const body = Type.String({ minLength: 1, maxLength: 20_000, pattern: '\\S' });

/** Every version exists in the four languages of the platform. */
export const UndertakingTextsSchema = Type.Object({ fr: body, nl: body, de: body, en: body }, closed);
export type UndertakingTexts = Static<typeof UndertakingTextsSchema>;

export const PublishUndertakingSchema = Type.Object(
  {
    kind: Type.Enum([...UNDERTAKING_KINDS]),
    // Required for, and only for, `controller_awareness`.
    organisationId: Type.Optional(IdSchema),
    texts: UndertakingTextsSchema,
  },
  closed,
);
export type PublishUndertaking = Static<typeof PublishUndertakingSchema>;

export const UndertakingVersionSchema = Type.Object(
  {
    id: IdSchema,
    kind: Type.Enum([...UNDERTAKING_KINDS]),
    organisationId: Type.Union([IdSchema, Type.Null()]),
    version: Type.Integer({ minimum: 1 }),
    publishedAt: instant,
    texts: UndertakingTextsSchema,
  },
  closed,
);
export type UndertakingVersion = Static<typeof UndertakingVersionSchema>;

/** Accepting the current version of a text, in the language it was read in. */
export const AcceptUndertakingSchema = Type.Object({ versionId: IdSchema, language: LanguageSchema }, closed);
export type AcceptUndertaking = Static<typeof AcceptUndertakingSchema>;

export const AcceptanceSchema = Type.Object(
  {
    versionId: IdSchema,
    userId: IdSchema,
    language: LanguageSchema,
    representationId: Type.Union([IdSchema, Type.Null()]),
    acceptedAt: instant,
  },
  closed,
);
export type Acceptance = Static<typeof AcceptanceSchema>;

export const UndertakingQuerySchema = Type.Object({ language: LanguageSchema }, closed);

/** One current text, in the language asked for, and where the user stands with it. */
export const UndertakingToAcceptSchema = Type.Object(
  {
    kind: Type.Enum([...UNDERTAKING_KINDS]),
    versionId: IdSchema,
    version: Type.Integer({ minimum: 1 }),
    publishedAt: instant,
    language: LanguageSchema,
    text: Type.String(),
    acceptedAt: Type.Union([instant, Type.Null()], {
      description: 'When the user last accepted this version; null for `representative` (per representation)',
    }),
    mustAccept: Type.Boolean({
      description:
        'The user must accept this version now; `representative` is accepted per representation instead',
    }),
  },
  closed,
);
export type UndertakingToAccept = Static<typeof UndertakingToAcceptSchema>;

export const UndertakingStatusSchema = Type.Object(
  {
    mustAccept: Type.Boolean({
      description:
        'True while the secrecy undertaking (ROL-07) or the awareness module of the user’s controller (SEC-09) is due, also when none is published yet: case access stays blocked',
    }),
    undertakings: Type.Array(UndertakingToAcceptSchema, {
      description:
        'The current secrecy text and awareness module, and for a holder of the representative role the representative’s undertaking',
    }),
  },
  closed,
);
export type UndertakingStatus = Static<typeof UndertakingStatusSchema>;
