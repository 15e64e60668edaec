/**
 * The contested badge of the item view (SPEC RGT-CON-02), rendered with the app's dictionaries in
 * the four languages: the glossary term, since when and why.
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
import { ContestedBadge } from './ContestedBadge.js';

async function render(language: string, contested: Parameters<typeof ContestedBadge>[0]['contested']) {
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
    createElement(I18nextProvider, { i18n }, createElement(ContestedBadge, { contested })),
  );
}

const contested = {
  since: '2026-12-01T09:00:00.000Z',
  causes: ['rectification_request', 'court_action'] as const,
};

describe('the contested badge', () => {
  it('RGT-CON-02 shows the glossary term, since when and why, in the four languages', async () => {
    for (const [language, term, causes] of [
      ['fr', 'Donnée contestée depuis le', 'demande de rectification, action en justice (art. 14)'],
      ['nl', 'Betwist gegeven sinds', 'verzoek tot verbetering, rechtsvordering (art. 14)'],
      ['de', 'Bestrittene Angabe seit', 'Antrag auf Berichtigung, Klage (Art. 14)'],
      ['en', 'Contested data since', 'request for rectification, court action (art. 14)'],
    ] as const) {
      const html = await render(language, { ...contested, causes: [...contested.causes] });
      expect(html).toContain('class="badge badge--contested"');
      expect(html, language).toContain(term);
      expect(html, language).toContain(`(${causes})`);
      // Brussels time: 10:00 on 1 December.
      expect(html, language).toContain('10:00');
    }
  });

  it('RGT-CON-02 shows nothing for an item without a standing mark', async () => {
    expect(await render('fr', null)).toBe('');
  });
});
