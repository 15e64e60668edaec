import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTraceability, specRowIds, testTitles } from '../scripts/check-traceability.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SPEC = path.resolve(ROOT, '../shared/SPEC.md');

/** A repository at <tmp>/repo with `files`, and <tmp>/shared/SPEC.md when `spec` is given. */
function fixture(spec: string | undefined, files: Record<string, string>): string {
  const base = mkdtempSync(path.join(os.tmpdir(), 'concerto-trace-'));
  const all: Record<string, string> = {
    ...files,
    ...(spec === undefined ? {} : { '../shared/SPEC.md': spec }),
  };
  for (const [file, content] of Object.entries(all)) {
    const full = path.join(base, 'repo', file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return path.join(base, 'repo');
}

const MINI_SPEC = [
  '| ID | Source |',
  '|---|---|',
  '| SCO-01 | x |',
  '| RGT-ACC-03 | x |',
  '| PEN-23 | x |',
  '| G-01 | glossary, not a row |',
  '| | **Total traceability rows** | | **3** |',
].join('\n');

const doc = (rows: string[]) => ['| ID | status | proof |', '|---|---|---|', ...rows].join('\n');

describe('legal traceability (issue #2 scope 13)', () => {
  it('finds SPEC.md at ../shared/SPEC.md', () => {
    expect(existsSync(SPEC), `SPEC.md is missing at ${SPEC}: the traceability table cannot be checked`).toBe(
      true,
    );
  });

  it('SPEC.md has 253 row IDs, as many per prefix as its §23 summary says', () => {
    const spec = readFileSync(SPEC, 'utf8');
    const ids = specRowIds(spec);
    expect(ids).toHaveLength(253);
    expect(new Set(ids).size).toBe(253);
    const summary = [...spec.matchAll(/^\| [\d.]+ \| [^|]+ \| ((?:RGT-)?[A-Z]{3}) \| (\d+) \|$/gm)];
    expect(summary.length).toBeGreaterThan(20);
    for (const [, prefix, rows] of summary) {
      expect(
        ids.filter((id) => id.replace(/-\d{2}$/, '') === prefix),
        prefix,
      ).toHaveLength(Number(rows));
    }
  });

  it('docs/legal-traceability.md is true for this repository', () => {
    const problems = checkTraceability(ROOT);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('fails, not skips, when SPEC.md is absent', () => {
    const root = fixture(undefined, { 'docs/legal-traceability.md': doc([]) });
    expect(checkTraceability(root)).toEqual([
      `SPEC not found at ${path.resolve(root, '../shared/SPEC.md')}: the traceability check needs ../shared/SPEC.md`,
    ]);
  });

  it('reports missing, duplicated and unknown rows and bad statuses', () => {
    const root = fixture(MINI_SPEC, {
      'docs/legal-traceability.md': doc([
        '| SCO-01 | todo |  |',
        '| SCO-01 | started |  |',
        '| SCO-99 | todo |  |',
        '| PEN-23 | n/a |  |',
      ]),
    });
    expect(checkTraceability(root)).toEqual([
      'docs/legal-traceability.md:4 SCO-01: status "started" is not one of todo, partial, done, n/a',
      'docs/legal-traceability.md:5 SCO-99: not a row of SPEC.md',
      'docs/legal-traceability.md:6 PEN-23: an n/a row gives the reason',
      'SCO-01 appears 2 times in docs/legal-traceability.md (expected once)',
      'RGT-ACC-03 appears 0 times in docs/legal-traceability.md (expected once)',
    ]);
  });

  it('checks that a done/partial proof names an existing test file with a test titled with the ID', () => {
    const proved = (proof: string) =>
      checkTraceability(
        fixture(MINI_SPEC, {
          'docs/legal-traceability.md': doc([
            '| SCO-01 | todo |  |',
            `| RGT-ACC-03 | partial | ${proof} |`,
            '| PEN-23 | n/a | no function |',
          ]),
          'src/a.test.ts': [
            "describe('RGT-ACC-03 in a describe does not count', () => {",
            "  it.skip('RGT-ACC-03 skipped does not count', () => {});",
            "  it('RGT-ACC-030 is another ID', () => {});",
            '});',
          ].join('\n'),
          'src/b.test.ts': "it('RGT-ACC-03 access answer due 45 days after receipt', () => {});",
        }),
      );
    const where = 'docs/legal-traceability.md:4 RGT-ACC-03';
    expect(proved('`src/b.test.ts` › "RGT-ACC-03 access answer due 45 days after receipt"')).toEqual([]);
    expect(proved('rule only')).toEqual([`${where}: a partial row names its test file in backticks`]);
    expect(proved('`src/c.test.ts`')).toEqual([`${where}: test file src/c.test.ts does not exist`]);
    expect(proved('`src/a.test.ts`')).toEqual([
      `${where}: src/a.test.ts has no it()/test() title containing RGT-ACC-03`,
    ]);
    expect(proved('`src/b.test.ts` › "RGT-ACC-03 access answer"')).toEqual([
      `${where}: no test titled "RGT-ACC-03 access answer"`,
    ]);
  });

  it('reads it/test titles in every quoting style', () => {
    const source =
      "it('a', f); test(\"b\", f); it.concurrent(`c`, f); it('d \\'e\\'', f); it.todo('x'); describe('y', f);";
    expect(testTitles(source)).toEqual(['a', 'b', 'c', "d \\'e\\'"]);
  });
});
