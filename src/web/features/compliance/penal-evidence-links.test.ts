import { describe, expect, it } from 'vitest';
import { defaultPeriod, PENAL_EVIDENCE_REPORTS, reportHref } from './penal-evidence-links.js';

describe('the penal-evidence download links', () => {
  const period = { from: '2026-01-01', to: '2026-03-02' };
  const of = (key: string) => PENAL_EVIDENCE_REPORTS.find((report) => report.key === key)!;

  it('PEN-01 the art. 38 pack takes the period and the declaration language of the reader', () => {
    expect(reportHref(of('pack'), 'pdf', period, 'nl')).toBe(
      '/api/penal-evidence/art-38-pack?format=pdf&from=2026-01-01&to=2026-03-02&language=nl',
    );
    expect(reportHref(of('pack'), 'json', period, 'de')).toContain('language=fr');
  });

  it('PEN-05 PEN-06 the other reports export as CSV, the access requests over the period', () => {
    expect(reportHref(of('overdue'), 'csv', period, 'en')).toBe(
      '/api/penal-evidence/overdue-information?format=csv',
    );
    expect(reportHref(of('sla'), 'csv', period, 'en')).toBe(
      '/api/penal-evidence/access-request-sla?format=csv&from=2026-01-01&to=2026-03-02',
    );
    expect(defaultPeriod(new Date(2026, 2, 2))).toEqual(period);
  });
});
