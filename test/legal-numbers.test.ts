/**
 * ARCHITECTURE §3 law 5: every legal period lives in src/server/kernel/legal-rules/; nothing else
 * hard-codes a legal number (30 years, 45 days, one month, three months, 12 months, 2 years,
 * 3 working days). This lint scans src/ for the usual ways of writing them by hand.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXCLUDED = [/^src\/server\/kernel\/legal-rules\//, /\.test\.tsx?$/, /^src\/web\/i18n\/.*\.json$/];
const SCANNED = /\.(ts|tsx|js|mjs|sql|json)$/;

const PATTERNS: { pattern: RegExp; why: string }[] = [
  {
    pattern: /\b(?:30|45)\s*\*\s*(?:365|24|86_?400\w*|MS_PER_DAY|DAY\w*)\b/i,
    why: '30 or 45 days/years computed by hand',
  },
  {
    pattern: /\b(?:365(?:\.25)?|86_?400\w*|MS_PER_DAY|DAY_MS)\s*\*\s*(?:30|45)\b/i,
    why: '30 or 45 days/years computed by hand',
  },
  // `years: 30`, `retentionYears: 30`, `RETENTION_YEARS = 30` – but not `{ year: 2025, month: 1 }`.
  { pattern: /(?:\byears|Years|YEARS)\s*[:=]\s*(?:2|30)\b/, why: 'a 2- or 30-year period literal' },
  { pattern: /(?:\bdays|Days|DAYS)\s*[:=]\s*45\b/, why: 'a 45-day period literal' },
  {
    pattern: /(?:working|Working|WORKING_)(?:days|Days|DAYS)\s*[:=]\s*3\b/,
    why: 'a 3-working-day period literal',
  },
  { pattern: /(?:\bmonths|Months|MONTHS)\s*[:=]\s*(?:1|3|12)\b/, why: 'a 1-, 3- or 12-month period literal' },
  {
    pattern: /\b(?:years\(\s*(?:2|30)|days\(\s*45|months\(\s*(?:1|3|12)|workingDays\(\s*3)\s*\)/,
    why: 'a legal period built by hand',
  },
  { pattern: /['"`]P(?:30Y|2Y|45D|1M|3M|12M|1Y)['"`]/, why: 'an ISO 8601 legal period' },
  { pattern: /\badd(?:Calendar)?Months?\([^()]*,\s*(?:1|3|12)\s*\)/, why: 'adds 1, 3 or 12 months by hand' },
  { pattern: /\badd(?:Calendar)?Years?\([^()]*,\s*(?:2|30)\s*\)/, why: 'adds 2 or 30 years by hand' },
  { pattern: /\badd(?:Calendar)?Days?\([^()]*,\s*45\s*\)/, why: 'adds 45 days by hand' },
  { pattern: /\badd(?:Working|Business)Days?\([^()]*,\s*3\s*\)/, why: 'adds 3 working days by hand' },
  { pattern: /\bget(?:UTC)?FullYear\(\)\s*\+\s*(?:2|30)\b/, why: 'year arithmetic on a legal period' },
  { pattern: /\bget(?:UTC)?Date\(\)\s*\+\s*45\b/, why: 'day arithmetic on a legal period' },
  { pattern: /\bset(?:UTC)?Month\([^;]*\+\s*(?:1|3|12)\s*\)/, why: 'month arithmetic on a legal period' },
  {
    pattern: /\binterval\s*'\s*(?:30\s+years?|2\s+years?|45\s+days?|(?:1|3|12)\s+mons?(?:ths?)?)\s*'/i,
    why: 'an SQL interval of a legal period',
  },
];

/** `line: why` for every suspicious legal number in `text`. */
function findLegalNumbers(text: string): string[] {
  const findings: string[] = [];
  text.split('\n').forEach((line, index) => {
    for (const { pattern, why } of PATTERNS) {
      if (pattern.test(line)) findings.push(`${index + 1}: ${why}: ${line.trim()}`);
    }
  });
  return findings;
}

function* scannedFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* scannedFiles(full);
    else {
      const file = path.relative(ROOT, full).replace(/\\/g, '/');
      if (SCANNED.test(file) && !EXCLUDED.some((rule) => rule.test(file))) yield file;
    }
  }
}

describe('legal numbers live in the legal-rules module only (ARCHITECTURE §3 law 5)', () => {
  it('flags the usual hand-written legal periods', () => {
    const suspicious = [
      'const ms = 30 * 365 * 24 * 3600 * 1000;',
      'const due = new Date(t + 45 * 86_400_000);',
      'const due = received + 45 * DAY_MS;',
      'retention: { years: 30 },',
      'const period = { days: 45 };',
      'timer({ months: 3 })',
      'const ACCESS_DEADLINE_DAYS = 45;',
      'retentionYears: 30,',
      'ackWorkingDays: 3,',
      "Temporal.Duration.from('P30Y')",
      'const due = addMonths(receivedAt, 1);',
      'addYears(closedAt, 30)',
      'addDays(received, 45)',
      'rules.retentionEnd(closedAt, years(30))',
      'const answer = months(3);',
      'addWorkingDays(submitted, 3)',
      'd.setFullYear(d.getFullYear() + 30);',
      'd.setUTCMonth(d.getUTCMonth() + 3);',
      "WHERE closed_at < now() - interval '30 years'",
      "registered_at + INTERVAL '1 month'",
    ];
    for (const line of suspicious) expect(findLegalNumbers(line), line).toHaveLength(1);
  });

  it('leaves ordinary code alone', () => {
    const ordinary = [
      "const month = String(d.getUTCMonth() + 1).padStart(2, '0');",
      'const pad = (n: number) => String(n).padStart(2, "0");',
      'const timeoutMs = 30_000;',
      'const rows = Array.from({ length: 45 });',
      'rate: { max: 30, timeWindow: 60_000 }',
      'const bodyLimit = 1024 * 1024;',
      'return addMonths(from, calendarMonths(duration));',
      'const { days } = rules.accessAnswer;',
      "interval '5 seconds'",
      'const hours = 24 * 60 * 60;',
      'const date = { year: 2025, month: 1, day: 1 };',
      'const retryDays = 7;',
      'const keepDays = 3;',
      'const agreed = years(input.retentionYears);',
    ];
    for (const line of ordinary) expect(findLegalNumbers(line), line).toEqual([]);
  });

  it('no file of src/ outside legal-rules hard-codes a legal number', () => {
    const findings = [...scannedFiles(path.join(ROOT, 'src'))].flatMap((file) =>
      findLegalNumbers(readFileSync(path.join(ROOT, file), 'utf8')).map((finding) => `${file}:${finding}`),
    );
    expect(findings, `use src/server/kernel/legal-rules instead:\n${findings.join('\n')}`).toEqual([]);
  });
});
