/** Renders the declared access matrix (src/server/modules/access/access-matrix.ts) as Markdown. */
import { ACCESS_MATRIX, type Outcome, SUBJECT_IDS, SUBJECTS } from '../src/server/modules/access/access-matrix.js';

const CELL: Record<Outcome, string> = {
  allow: '✅',
  allow_without_case: '✅ (not this case)',
  public: '🌐',
  forbidden: '403',
  not_found: '404',
  unauthenticated: '401',
};

export function renderAccessMatrix(): string {
  const lines = [
    '# Access matrix',
    '',
    '<!-- Generated from src/server/modules/access/access-matrix.ts by `npm run access-matrix`. Do not edit. -->',
    '',
    'Who gets what from each route of the API (issue 3, ARCHITECTURE §3.2). Every cell is tested through',
    'the HTTP API by `test/access/access-matrix.test.ts`, and a route missing from the table fails that test.',
    '',
    '✅ served · ✅ (not this case) served without the case in question · 🌐 public: the same answer whoever',
    'asks · 403 refused · 404 the caller may not learn that the resource exists · 401 no session.',
    '',
    '## Callers',
    '',
    '| # | caller |',
    '|---|---|',
    ...SUBJECT_IDS.map((subject, i) => `| ${i + 1} | ${SUBJECTS[subject]} (\`${subject}\`) |`),
    '',
    '## Routes',
    '',
    `| route | rule | ${SUBJECT_IDS.map((_, i) => i + 1).join(' | ')} |`,
    `|---|---|${SUBJECT_IDS.map(() => '---').join('|')}|`,
  ];
  for (const [operationId, policy] of Object.entries(ACCESS_MATRIX)) {
    const cells = SUBJECT_IDS.map((subject) => CELL[policy.outcomes[subject]]);
    lines.push(`| \`${policy.method} ${policy.path}\` (${operationId}) | ${policy.rule} | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}
