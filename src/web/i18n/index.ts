/**
 * i18next set-up. The first language is the user's stored choice, else the first of the
 * browser's languages (which follow Accept-Language) that Concerto speaks, else French.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

export const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'concerto.lang';
const DEFAULT_LANGUAGE: Language = 'fr';

// `satisfies` makes a key missing from nl, de or en a type error.
const resources = {
  fr: { translation: fr },
  nl: { translation: nl },
  de: { translation: de },
  en: { translation: en },
} satisfies Record<Language, { translation: typeof fr }>;

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof fr };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled by the browser's privacy settings
  }
}

export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** The language switcher's action: remember the choice for the next visit, then apply it. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, but still applied to this visit.
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
});

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(storedLanguage(), navigator.languages),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  // Resources are bundled: initialise synchronously so the first render is translated.
  initAsync: false,
  // React escapes rendered text already.
  interpolation: { escapeValue: false },
});

export { i18n };
