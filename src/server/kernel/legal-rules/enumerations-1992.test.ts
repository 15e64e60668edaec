import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JUDICIAL_DATA_TAGS, SENSITIVE_REVELATIONS } from '../../../contracts/items.js';
import de from '../../../web/i18n/de.json' with { type: 'json' };
import en from '../../../web/i18n/en.json' with { type: 'json' };
import fr from '../../../web/i18n/fr.json' with { type: 'json' };
import nl from '../../../web/i18n/nl.json' with { type: 'json' };
import { JUDICIAL_DATA_TYPE_COUNT, JUDICIAL_DATA_TYPES_1992, REVEALED_SENSITIVE_DATA } from './enumerations-1992.js';

/** The Law of 8 December 1992 as first published, FR and NL (the seed text 002). */
const LAW_1992 = readFileSync(
  path.resolve(import.meta.dirname, '../../../../../shared/legal/002_9ea2bcbf2ff484d2.txt'),
  'utf8',
);

/**
 * The slips of the seed text the labels correct, as [seed, law]: its way of writing "3°", a
 * capital inside the list, a misspelt word, the garbled title of the Law of 27 November 1891, a
 * word of opposite meaning ("vervolg", continuation, for "verval", extinction, as the French
 * "éteindre") and a missing word.
 */
const SEED_SLIPS: [string, string][] = [
  ['^o', '°'],
  ['14° La suspension', '14° la suspension'],
  ['aux jurisdictions administratives', 'aux juridictions administratives'],
  ['tot betrekking van de bedelarij', 'tot beteugeling van de landloperij en de bedelarij'],
  ['met het oog op het vervolg van de strafvordering', 'met het oog op het verval van de strafvordering'],
  ['ten aanzien van de hoven en rechtbanken veroordeelde', 'ten aanzien van door de hoven en rechtbanken veroordeelde'],
];

describe('closed lists of the 1992 law with FR/NL/EN labels', () => {
  it('DAT-31 offers the sixteen judicial-data tags of the 1992 law in French, Dutch and English', () => {
    expect(JUDICIAL_DATA_TYPES_1992).toHaveLength(JUDICIAL_DATA_TYPE_COUNT);
    expect(JUDICIAL_DATA_TYPES_1992.map((type) => type.code)).toEqual([...JUDICIAL_DATA_TAGS]);
    expect(JUDICIAL_DATA_TYPES_1992.map((type) => type.rule)).toEqual(
      Array.from({ length: JUDICIAL_DATA_TYPE_COUNT }, (_, i) => `L1992 art. 8 §1 ${i + 1}°`),
    );
    // French and Dutch in the law's words: each label is its numbered paragraph of art. 8 §1.
    let law = LAW_1992;
    for (const [seed, corrected] of SEED_SLIPS) {
      expect(law, `the seed writes "${seed}"`).toContain(seed);
      law = law.replaceAll(seed, corrected);
    }
    JUDICIAL_DATA_TYPES_1992.forEach(({ label }, i) => {
      const end = i === JUDICIAL_DATA_TYPE_COUNT - 1 ? '.' : ';';
      expect(law).toContain(`\n${i + 1}° ${label.fr}${end}`);
      expect(law).toContain(`\n${i + 1}° ${label.nl}${end}`);
      expect(label.en.length).toBeGreaterThan(10);
    });
    // The web app shows the same words, and German beside them.
    for (const { code, label } of JUDICIAL_DATA_TYPES_1992) {
      expect([fr, nl, en].map((texts) => texts.judicialDataTags[code])).toEqual([label.fr, label.nl, label.en]);
      expect(de.judicialDataTags[code]).toMatch(/\S/);
    }
  });

  it('DAT-23 names what art. 6 of the 1992 law adds to the sensitive data in French, Dutch and English, as the web app shows it', () => {
    expect(REVEALED_SENSITIVE_DATA.map((entry) => entry.code)).toEqual([...SENSITIVE_REVELATIONS]);
    expect(REVEALED_SENSITIVE_DATA.every((entry) => entry.rule.startsWith('L1992 art. 6 al. 1'))).toBe(true);
    // The 1992 words: "appartenances syndicales ou mutualistes" and "activités politiques,
    // philosophiques ou religieuses"; "lidmaatschap van een vakbond of ziekenfonds".
    expect(LAW_1992).toContain('syndicales ou mutualistes');
    expect(LAW_1992).toContain('activités politiques, philosophiques ou religieuses');
    expect(LAW_1992).toContain('lidmaatschap van een vakbond of ziekenfonds');
    expect(LAW_1992).toContain('activiteit op politiek, levensbeschouwelijk of godsdienstig');
    for (const { code, label } of REVEALED_SENSITIVE_DATA) {
      expect([fr, nl, en].map((texts) => texts.sensitiveRevelations[code])).toEqual([label.fr, label.nl, label.en]);
      expect(de.sensitiveRevelations[code]).toMatch(/\S/);
    }
  });
});
