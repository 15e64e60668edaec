/**
 * The neutral art. 7 flag of the item view (SPEC RGT-RST-08), rendered with the app's dictionaries
 * in the four languages: the glossary term and the rights restricted, nothing of the grounds.
 */
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import de from '../../../i18n/de.json' with { type: 'json' };
import en from '../../../i18n/en.json' with { type: 'json' };
import fr from '../../../i18n/fr.json' with { type: 'json' };
import nl from '../../../i18n/nl.json' with { type: 'json' };
import { type RestrictionFlag, RestrictionFlagBadge } from './RestrictionFlagBadge.js';

async function render(language: string, flag: RestrictionFlag | undefined) {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    resources: {
      fr: { translation: fr },
      nl: { translation: nl },
      de: { translation: de },
      en: { translation: en },
    },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(RestrictionFlagBadge, { flag })),
  );
}

const flag: RestrictionFlag = {
  itemId: 'item-1',
  label: 'restriction art. 7',
  rights: ['correction', 'deletion'],
};

describe('the art. 7 flag', () => {
  it('RGT-RST-08 shows the glossary term and the rights restricted, in the four languages', async () => {
    for (const [language, words] of [
      ['fr', 'Droit limité (art. 7): correction, suppression'],
      ['nl', 'Recht beperkt (art. 7): correctie, verwijdering'],
      ['de', 'Recht eingeschränkt (Art. 7): Berichtigung, Löschung'],
      ['en', 'Right restricted (art. 7): correction, deletion'],
    ] as const) {
      const html = await render(language, flag);
      expect(html, language).toContain(words);
      expect(html).not.toMatch(/R[1-5]|grounds|motif/);
    }
  });

  it('RGT-RST-08 shows nothing on an item no restriction covers', async () => {
    expect(await render('fr', undefined)).toBe('');
  });
});
