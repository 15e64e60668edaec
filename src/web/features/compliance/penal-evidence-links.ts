/**
 * The penal-evidence reports the DPO downloads from its compliance page (L1992 arts 38-39; SPEC
 * PEN-01..PEN-10), each with the formats its route gives. The server decides who may read them.
 */
export const PENAL_EVIDENCE_REPORTS = [
  { key: 'pack', path: '/api/penal-evidence/art-38-pack', formats: ['pdf', 'json'], period: true },
  {
    key: 'uninformed',
    path: '/api/penal-evidence/uninformed-collections',
    formats: ['csv', 'json'],
    period: false,
  },
  { key: 'minimisation', path: '/api/penal-evidence/minimisation', formats: ['csv', 'json'], period: false },
  {
    key: 'overdue',
    path: '/api/penal-evidence/overdue-information',
    formats: ['csv', 'json'],
    period: false,
  },
  { key: 'sla', path: '/api/penal-evidence/access-request-sla', formats: ['csv', 'json'], period: true },
  {
    key: 'coverage',
    path: '/api/penal-evidence/declaration-coverage',
    formats: ['csv', 'json'],
    period: false,
  },
  {
    key: 'conformity',
    path: '/api/penal-evidence/declaration-conformity',
    formats: ['csv', 'json'],
    period: false,
  },
  {
    key: 'templates',
    path: '/api/penal-evidence/template-inventory',
    formats: ['csv', 'json'],
    period: false,
  },
] as const;

export type PenalEvidenceReport = (typeof PENAL_EVIDENCE_REPORTS)[number];

/** The report's URL in `format`, over the period where it takes one; the pack in French or Dutch. */
export function reportHref(
  report: PenalEvidenceReport,
  format: string,
  period: { from: string; to: string },
  uiLanguage: string,
): string {
  const query = new URLSearchParams({ format });
  if (report.period) {
    query.set('from', period.from);
    query.set('to', period.to);
  }
  // The pack cites the declarations, made in French or Dutch (the Commission's languages).
  if (report.key === 'pack') query.set('language', uiLanguage.startsWith('nl') ? 'nl' : 'fr');
  return `${report.path}?${query.toString()}`;
}

/** The first day of the year and today, as the default period (local civil dates). */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const pad = (n: number) => String(n).padStart(2, '0');
  const to = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  return { from: `${today.getFullYear()}-01-01`, to };
}
