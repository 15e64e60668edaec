/** What an undertaking is, and the shapes its service accepts (fixed in the contracts). */
export { LANGUAGES, type Language, LanguageSchema } from '../../../contracts/language.js';
export {
  type Acceptance,
  type PublishUndertaking,
  PublishUndertakingSchema,
  type UndertakingKind,
  type UndertakingTexts,
  type UndertakingVersion,
} from '../../../contracts/undertakings.js';

/**
 * SEC-09 asks for re-acknowledgement "at a configurable interval"; the law sets no period, so
 * this is a platform default, not a legal number (ARCHITECTURE §3 law 5 does not apply).
 * The service takes another interval as a dependency.
 */
export const DEFAULT_AWARENESS_INTERVAL_MS = 365 * 24 * 60 * 60 * 1000;
