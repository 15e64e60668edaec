import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATA_CATEGORIES,
  DATA_CATEGORY_COUNT,
  PURPOSE_COUNT,
  PURPOSES,
  RESTRICTION_GROUND_COUNT,
  RESTRICTION_GROUNDS,
} from './enumerations.js';

const SPEC = path.resolve(import.meta.dirname, '../../../../../shared/SPEC.md');

/** Rows `| code | FR | NL | EN |` of the SPEC glossary section whose heading starts with `heading`. */
function glossary(heading: string): string[][] {
  const lines = readFileSync(SPEC, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  expect(start, `SPEC.md has no section "${heading}"`).toBeGreaterThan(-1);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('#'));
  return lines
    .slice(start, end)
    .filter((line) => /^\| [PCR]\d+ \|/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

function asRows(entries: readonly { code: string; label: { fr: string; nl: string; en: string } }[]) {
  return entries.map(({ code, label }) => [code, label.fr, label.nl, label.en]);
}

describe('closed enumerations with FR/NL/EN labels from the SPEC glossary', () => {
  it('PUR-01 exactly three purposes P1-P3, labelled as in SPEC §22.3', () => {
    const spec = glossary('### 22.3').map(([code, fr, nl, en]) => [
      code,
      fr,
      // SPEC A-27: the note on the memorandum's variant is not part of the label.
      nl?.replace(/ \(Dév\. list: .*, see A-27\)$/, ''),
      en,
    ]);
    expect(PURPOSES).toHaveLength(PURPOSE_COUNT);
    expect(asRows(PURPOSES)).toEqual(spec);
    expect(PURPOSES[0].label.nl).toContain('psychische');
  });

  it('DAT-00 exactly sixteen data categories C01-C16 of bill art. 2 §2, labelled as in SPEC §22.4', () => {
    expect(DATA_CATEGORIES).toHaveLength(DATA_CATEGORY_COUNT);
    expect(asRows(DATA_CATEGORIES)).toEqual(glossary('### 22.4'));
    expect(DATA_CATEGORIES.map((c) => c.rule).at(-1)).toBe('bill art. 2 §2 al. 1 16°');
  });

  it('RGT-RST-02 RGT-RST-03 RGT-RST-04 RGT-RST-05 RGT-RST-06 exactly five restriction grounds R1-R5, labelled as in SPEC §22.6', () => {
    expect(RESTRICTION_GROUNDS).toHaveLength(RESTRICTION_GROUND_COUNT);
    expect(asRows(RESTRICTION_GROUNDS)).toEqual(glossary('### 22.6'));
    expect(RESTRICTION_GROUNDS.map((g) => g.rule)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `bill art. 7 al. 1 ${n}°`),
    );
  });
});
