import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES } from '../i18n/index.js';

/** One button per language, each named in its own language (WCAG 3.1.2 via `lang`). */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="language-switcher">
      <legend className="language-switcher__label">{t('layout.language')}</legend>
      <ul className="language-switcher__list">
        {LANGUAGES.map((language) => (
          <li key={language}>
            <button
              type="button"
              lang={language}
              aria-pressed={i18n.language === language}
              onClick={() => void chooseLanguage(language)}
            >
              {t('languageName', { lng: language })}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
