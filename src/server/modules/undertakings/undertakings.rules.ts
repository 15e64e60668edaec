/** What an undertaking is, and the shapes its service accepts. */
import { type Static, Type } from 'typebox';

/**
 * - `consultation_secrecy`: CP art. 458ter §2 (SPEC ROL-07), also acknowledged by a person a
 *   permanent representative debriefs (bill art. 5 al. 3, ROL-06);
 * - `representative`: the four obligations of bill art. 5 al. 2 (ROL-05);
 * - `controller_awareness`: one controller's information to the persons acting under its
 *   authority (L2007 art. 16 §2 3°, SEC-09).
 */
export const UNDERTAKING_KINDS = ['consultation_secrecy', 'representative', 'controller_awareness'] as const;
export type UndertakingKind = (typeof UNDERTAKING_KINDS)[number];

/** The languages of the platform (ARCHITECTURE §2): every version exists in all four. */
export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * SEC-09 asks for re-acknowledgement "at a configurable interval"; the law sets no period, so
 * this is a platform default, not a legal number (ARCHITECTURE §3 law 5 does not apply).
 * The service takes another interval as a dependency.
 */
export const DEFAULT_AWARENESS_INTERVAL_MS = 365 * 24 * 60 * 60 * 1000;

const body = Type.String({ minLength: 1, maxLength: 20_000, pattern: '\\S' });
const closed = { additionalProperties: false } as const;

export const UndertakingTextsSchema = Type.Object({ fr: body, nl: body, de: body, en: body }, closed);
export type UndertakingTexts = Static<typeof UndertakingTextsSchema>;

export const PublishUndertakingSchema = Type.Object(
  {
    kind: Type.Enum([...UNDERTAKING_KINDS]),
    // Required for, and only for, `controller_awareness`.
    organisationId: Type.Optional(Type.String({ format: 'uuid' })),
    texts: UndertakingTextsSchema,
  },
  closed,
);
export type PublishUndertaking = Static<typeof PublishUndertakingSchema>;

export const LanguageSchema = Type.Enum([...LANGUAGES]);

export interface UndertakingVersion {
  id: string;
  kind: UndertakingKind;
  organisationId: string | null;
  version: number;
  publishedAt: string;
  texts: UndertakingTexts;
}

export interface Acceptance {
  versionId: string;
  userId: string;
  language: Language;
  representationId: string | null;
  acceptedAt: string;
}
