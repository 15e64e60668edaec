/**
 * FIL-03: the security plan maps every provision bill art. 3 §2 cites to the controls that
 * implement them (docs/security-plan.md), each control naming its SPEC row. SEC-03: it describes
 * the security measures of every area SEC-03 names, and how its reviews are kept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_PLAN_AREAS } from '../src/contracts/compliance.js';

const PLAN = readFileSync(path.resolve(import.meta.dirname, '..', 'docs', 'security-plan.md'), 'utf8');

/** The provisions of bill art. 3 §2 al. 1 and al. 2 (000_9a75cacc1b5012f2.txt, FR l. 1228-1245). */
const CITED = [
  'CP art. 458ter §2',
  'GDPR art. 32',
  'Law of 30 July 2018 art. 28 6°',
  'Law of 30 July 2018 art. 50',
  'Law of 30 July 2018 art. 51',
  'Law of 30 July 2018 art. 56',
  'Law of 30 July 2018 art. 60',
  'Law of 30 July 2018 art. 88',
  'Law of 30 July 2018 art. 9',
  'Law of 30 July 2018 art. 10 §2',
  'Police Function Act art. 44/4',
  'Police Function Act art. 44/11/novies',
];

describe('the security plan', () => {
  it('FIL-03 maps each provision bill art. 3 §2 cites to controls that name their SPEC rows', () => {
    const rows = new Map(
      PLAN.split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| provision') && !line.startsWith('|---'))
        .map((line) => {
          const cells = line.split('|').map((cell) => cell.trim());
          return [cells[1]!, cells[3]!] as const;
        }),
    );
    expect([...rows.keys()].sort()).toEqual([...CITED].sort());
    for (const [provision, controls] of rows) {
      expect(controls, provision).toMatch(/\b(?:SEC|DAT|FIL|WFL|PUR|SCO|ROL)-\d{2}\b/);
    }
    expect(PLAN).toMatch(/^Version \d+/m);
  });

  it('FIL-03 SEC-03 describes the measures of every area SEC-03 names and how the plan and risk assessment are reviewed', () => {
    const areas = [...PLAN.matchAll(/^### .+ \(([a-z_]+)\)$/gm)].map((match) => match[1]);
    expect(areas).toEqual([...SECURITY_PLAN_AREAS]);
    for (const area of SECURITY_PLAN_AREAS) {
      const section = PLAN.split(`(${area})`)[1]!.split('\n### ')[0]!;
      // What Concerto does and what the installation adds, each said.
      expect(section, area).toMatch(/^- Concerto: /m);
      expect(section, area).toMatch(/^- The installation: /m);
    }
    expect(PLAN).toContain('at least every 12 months and on each significant change');
    expect(PLAN).toContain('POST /api/compliance/security-plan-reviews');
    expect(PLAN).toContain('POST /api/compliance/restore-tests');
  });
});
