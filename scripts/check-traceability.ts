/**
 * Keeps docs/legal-traceability.md true (issue #2, scope 13): one row per row ID of
 * ../shared/SPEC.md, a valid status, and for `done`/`partial` a proof that names an existing
 * test file holding a test whose title carries the ID. Run: `tsx scripts/check-traceability.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const STATUSES = ['todo', 'partial', 'done', 'n/a'] as const;
export type Status = (typeof STATUSES)[number];

export interface TraceRow {
  id: string;
  status: string;
  proof: string;
  line: number;
}

/** Row IDs such as SCO-01, DAT-00 or RGT-ACC-03 (not the glossary's G-01, A-01, V-01, C01…). */
const ROW_ID = String.raw`[A-Z]{3}(?:-[A-Z]{3})?-\d{2}`;
const TABLE_ROW = new RegExp(String.raw`^\|\s*(${ROW_ID})\s*\|`);
const DOC_ROW = new RegExp(String.raw`^\|\s*(${ROW_ID})\s*\|([^|]*)\|(.*)\|\s*$`);
/** Titles of it(…)/test(…) calls, with the `.concurrent`/`.sequential`/`.only` variants; not skip/todo. */
const TEST_TITLE =
  /\b(?:it|test)(?:\.(?:concurrent|sequential|only))?\s*\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
const PROOF_FILE = /`([^`\s]+\.(?:test|e2e)\.tsx?)`/g;
const QUOTED_TITLE = /"([^"]+)"/g;

export function specRowIds(spec: string): string[] {
  return spec.split('\n').flatMap((line) => TABLE_ROW.exec(line)?.[1] ?? []);
}

/** The total of SPEC §23 ("**Total traceability rows** | | **253**"). */
export function specDeclaredTotal(spec: string): number | undefined {
  const match = /\*\*Total traceability rows\*\*\s*\|[^|]*\|\s*\*\*(\d+)\*\*/.exec(spec);
  return match ? Number(match[1]) : undefined;
}

export function parseTraceability(doc: string): TraceRow[] {
  return doc.split('\n').flatMap((text, index) => {
    const match = DOC_ROW.exec(text);
    return match
      ? [{ id: match[1]!, status: match[2]!.trim(), proof: match[3]!.trim(), line: index + 1 }]
      : [];
  });
}

export function testTitles(source: string): string[] {
  return [...source.matchAll(TEST_TITLE)].map((match) => match[2]!);
}

function mentions(title: string, id: string): boolean {
  return new RegExp(String.raw`(?<![\w-])${id}(?![\w-])`).test(title);
}

function proofProblems(root: string, row: TraceRow): string[] {
  const where = `docs/legal-traceability.md:${row.line} ${row.id}`;
  const files = [...row.proof.matchAll(PROOF_FILE)].map((match) => match[1]!);
  if (files.length === 0) return [`${where}: a ${row.status} row names its test file in backticks`];
  const problems: string[] = [];
  const titles: string[] = [];
  for (const file of files) {
    const full = path.join(root, file);
    if (!existsSync(full)) {
      problems.push(`${where}: test file ${file} does not exist`);
      continue;
    }
    const own = testTitles(readFileSync(full, 'utf8'));
    if (!own.some((title) => mentions(title, row.id))) {
      problems.push(`${where}: ${file} has no it()/test() title containing ${row.id}`);
    }
    titles.push(...own);
  }
  for (const [, quoted] of row.proof.matchAll(QUOTED_TITLE)) {
    if (files.length > 0 && !titles.includes(quoted!)) problems.push(`${where}: no test titled "${quoted}"`);
  }
  return problems;
}

/** Every problem of the traceability table of the repository at `root`; empty when it is true. */
export function checkTraceability(root: string): string[] {
  const specPath = path.resolve(root, '../shared/SPEC.md');
  const docPath = path.join(root, 'docs/legal-traceability.md');
  if (!existsSync(specPath))
    return [`SPEC not found at ${specPath}: the traceability check needs ../shared/SPEC.md`];
  if (!existsSync(docPath)) return [`${docPath} is missing`];

  const spec = readFileSync(specPath, 'utf8');
  const ids = specRowIds(spec);
  const problems: string[] = [];
  const declared = specDeclaredTotal(spec);
  if (declared !== ids.length)
    problems.push(`SPEC declares ${declared} rows in §23 but its tables hold ${ids.length}`);

  const rows = parseTraceability(readFileSync(docPath, 'utf8'));
  const known = new Set(ids);
  const seen = new Map<string, number>();
  for (const row of rows) {
    seen.set(row.id, (seen.get(row.id) ?? 0) + 1);
    const where = `docs/legal-traceability.md:${row.line} ${row.id}`;
    if (!known.has(row.id)) problems.push(`${where}: not a row of SPEC.md`);
    if (!(STATUSES as readonly string[]).includes(row.status)) {
      problems.push(`${where}: status "${row.status}" is not one of ${STATUSES.join(', ')}`);
    } else if (row.status === 'done' || row.status === 'partial') {
      problems.push(...proofProblems(root, row));
    } else if (row.status === 'n/a' && row.proof === '') {
      problems.push(`${where}: an n/a row gives the reason`);
    }
  }
  for (const id of ids) {
    const count = seen.get(id) ?? 0;
    if (count !== 1)
      problems.push(`${id} appears ${count} times in docs/legal-traceability.md (expected once)`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkTraceability(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exit(1);
  console.log('docs/legal-traceability.md is consistent with SPEC.md');
}
