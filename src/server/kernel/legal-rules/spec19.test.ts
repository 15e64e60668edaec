import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { days, months, workingDays, years } from './durations.js';
import {
  DATA_CATEGORIES,
  DATA_CATEGORY_COUNT,
  PURPOSE_COUNT,
  PURPOSES,
  RESTRICTION_GROUND_COUNT,
  RESTRICTION_GROUNDS,
} from './enumerations.js';
import { createLegalRules } from './legal-rules.js';
import {
  ACCESS_ANSWER,
  COMMISSION_ACKNOWLEDGEMENT,
  COMMISSION_ADVICE,
  COURT_ACTION_ADMISSIBILITY_RULE,
  DECLARATION_CONTRIBUTION_MAX_BEF,
  FINE_ART_15_16,
  FINE_ART_39,
  FINE_COMMISSION_CONFIDENTIALITY,
  INFORMATION_TRANSITIONAL_PERIOD,
  LAW_1992_LATEST_ENTRY_INTO_FORCE,
  MANAGEMENT_PROHIBITION_MAX,
  MAX_RETENTION,
  OBJECTION_ANSWER,
  PENALTY_PROHIBITION_BREACH,
  PROSECUTOR_ANSWER,
  PROSECUTOR_LIST_ERASURE,
  RECIPIENT_IDENTITY_RETENTION,
  RECTIFICATION_NOTICE,
  REPEAT_ACCESS_INTERVAL,
} from './rules.js';

const SPEC = path.resolve(import.meta.dirname, '../../../../../shared/SPEC.md');

/** (Value, Source) of each row of SPEC §19, in order. */
function quickReference(): [string, string][] {
  const lines = readFileSync(SPEC, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('## 19.'));
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines
    .slice(start + 1, end)
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Value') && !line.startsWith('|---'))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return [cells[1]!, cells[4]!];
    });
}

/**
 * Each §19 row: its Value as SPEC writes it, the article fragment shared by SPEC's Source and our
 * rule, and the constant with the value it must hold.
 */
const ROWS: { value: string; article: string; rule: string; actual: unknown; expected: unknown }[] = [
  {
    value: '≤ 30 years',
    article: 'art. 2 §3 4°',
    rule: MAX_RETENTION.rule,
    actual: MAX_RETENTION.duration,
    expected: years(30),
  },
  {
    value: 'participant-agreed max (≤ 30 years)',
    article: 'art. 3 §1 al. 1',
    rule: createLegalRules({ clock: systemClock }).retentionEnd('2025-01-01', years(30)).rule,
    actual: MAX_RETENTION.duration,
    expected: years(30),
  },
  {
    value: '≤ 30 years',
    article: 'art. 8 al. 2',
    rule: PROSECUTOR_LIST_ERASURE.rule,
    actual: PROSECUTOR_LIST_ERASURE.duration,
    expected: years(30),
  },
  {
    value: '3 months',
    article: 'art. 7 al. 2',
    rule: PROSECUTOR_ANSWER.rule,
    actual: PROSECUTOR_ANSWER.duration,
    expected: months(3),
  },
  {
    value: '45 days',
    article: 'art. 10 §1',
    rule: ACCESS_ANSWER.rule,
    actual: ACCESS_ANSWER.duration,
    expected: days(45),
  },
  {
    value: '1 month',
    article: 'art. 12 §3',
    rule: RECTIFICATION_NOTICE.rule,
    actual: [RECTIFICATION_NOTICE.duration, OBJECTION_ANSWER.duration],
    expected: [months(1), months(1)],
  },
  {
    value: '12 months',
    article: 'art. 12 §3 al. 2',
    rule: RECIPIENT_IDENTITY_RETENTION.rule,
    actual: RECIPIENT_IDENTITY_RETENTION.duration,
    expected: months(12),
  },
  {
    value: '12 months (1992) / "reasonable period" (2007)',
    article: 'art. 10 §3',
    rule: REPEAT_ACCESS_INTERVAL.rule,
    actual: REPEAT_ACCESS_INTERVAL.duration,
    expected: months(12),
  },
  {
    value: '45 days (1992) / 45 days or 1 month (2007)',
    article: 'art. 14 §5',
    rule: COURT_ACTION_ADMISSIBILITY_RULE,
    actual: [ACCESS_ANSWER.duration, RECTIFICATION_NOTICE.duration],
    expected: [days(45), months(1)],
  },
  {
    value: '3 working days',
    article: 'art. 17 §2',
    rule: COMMISSION_ACKNOWLEDGEMENT.rule,
    actual: COMMISSION_ACKNOWLEDGEMENT.duration,
    expected: workingDays(3),
  },
  {
    value: '≤ 10,000 BEF',
    article: 'art. 17 §9',
    rule: DECLARATION_CONTRIBUTION_MAX_BEF.rule,
    actual: DECLARATION_CONTRIBUTION_MAX_BEF.amount,
    expected: 10_000,
  },
  {
    value: '≤ 2 years',
    article: 'art. 41 §2',
    rule: MANAGEMENT_PROHIBITION_MAX.rule,
    actual: MANAGEMENT_PROHIBITION_MAX.duration,
    expected: years(2),
  },
  {
    value: '3 months - 2 years prison; 100-100,000 BEF',
    article: 'art. 41 §3',
    rule: PENALTY_PROHIBITION_BREACH.rule,
    actual: [
      PENALTY_PROHIBITION_BREACH.imprisonmentMin,
      PENALTY_PROHIBITION_BREACH.imprisonmentMax,
      PENALTY_PROHIBITION_BREACH.fine.minBef,
      PENALTY_PROHIBITION_BREACH.fine.maxBef,
    ],
    expected: [months(3), years(2), 100, 100_000],
  },
  {
    value: '100-20,000 BEF',
    article: 'art. 38',
    rule: FINE_ART_15_16.rule,
    actual: [FINE_ART_15_16.minBef, FINE_ART_15_16.maxBef],
    expected: [100, 20_000],
  },
  {
    value: '100-100,000 BEF',
    article: 'art. 39',
    rule: FINE_ART_39.rule,
    actual: [FINE_ART_39.minBef, FINE_ART_39.maxBef],
    expected: [100, 100_000],
  },
  {
    value: '200-10,000 BEF',
    article: 'art. 37',
    rule: FINE_COMMISSION_CONFIDENTIALITY.rule,
    actual: [FINE_COMMISSION_CONFIDENTIALITY.minBef, FINE_COMMISSION_CONFIDENTIALITY.maxBef],
    expected: [200, 10_000],
  },
  {
    value: '3 years',
    article: 'art. 9 §2 al. 4',
    rule: INFORMATION_TRANSITIONAL_PERIOD.rule,
    actual: INFORMATION_TRANSITIONAL_PERIOD.duration,
    expected: years(3),
  },
  {
    value: '60 days (15 days if urgent)',
    article: 'art. 29 §2',
    rule: COMMISSION_ADVICE.rule,
    actual: [COMMISSION_ADVICE.standard, COMMISSION_ADVICE.urgentMinimum],
    expected: [days(60), days(15)],
  },
  {
    value: '18 months',
    article: 'art. 52',
    rule: LAW_1992_LATEST_ENTRY_INTO_FORCE.rule,
    actual: LAW_1992_LATEST_ENTRY_INTO_FORCE.duration,
    expected: months(18),
  },
  {
    value: '16',
    article: 'art. 2 §2',
    rule: DATA_CATEGORIES[0].rule,
    actual: DATA_CATEGORY_COUNT,
    expected: 16,
  },
  { value: '3', article: '458ter §1 al. 2', rule: PURPOSES[0].rule, actual: PURPOSE_COUNT, expected: 3 },
  {
    value: '5',
    article: 'art. 7 al. 1',
    rule: RESTRICTION_GROUNDS[0].rule,
    actual: RESTRICTION_GROUND_COUNT,
    expected: 5,
  },
];

describe('SPEC §19 quick reference', () => {
  it('every row of §19 has a named constant, in the same order', () => {
    expect(quickReference().map(([value]) => value)).toEqual(ROWS.map((row) => row.value));
  });

  it.each(ROWS.map((row, i) => [i + 1, row.value, row] as const))(
    'row %i (%s) holds its value and cites its article',
    (_, __, row) => {
      const [, source] = quickReference()[ROWS.indexOf(row)]!;
      expect(source).toContain(row.article);
      expect(row.rule).toContain(row.article);
      expect(row.actual).toEqual(row.expected);
    },
  );
});
