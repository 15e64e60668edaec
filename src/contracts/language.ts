/** The languages of the platform (ARCHITECTURE §2): the UI, the undertaking texts and the mails. */
import { Type } from 'typebox';

export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LanguageSchema = Type.Enum([...LANGUAGES]);
