import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { days, months, workingDays, years } from './durations.js';
import { type LegalRulesOverrides, resolvePeriods } from './overrides.js';
import { REGIME_DEFAULTS } from './regimes.js';
import { ACCESS_ANSWER, MAX_RETENTION, PROSECUTOR_ANSWER } from './rules.js';

function issuesOf(overrides: unknown): string[] {
  try {
    resolvePeriods(overrides as LegalRulesOverrides);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'validation_failed') {
      return (error.details.fields ?? []).map((f) => `${f.field}: ${f.message}`);
    }
    throw error;
  }
  return [];
}

describe('legal-rule overrides (SPEC A-02)', () => {
  it('without overrides, every period is the seed-law value', () => {
    const periods = resolvePeriods({});
    expect(periods.maxRetention).toBe(MAX_RETENTION);
    expect(periods.prosecutorAnswer).toBe(PROSECUTOR_ANSWER);
    expect(periods.regimes).toEqual(REGIME_DEFAULTS);
    expect(periods.regimes.law2018_title3.accessAnswer).toBe(ACCESS_ANSWER);
  });

  it('accepts shorter capped periods and any positive regime period that names its rule', () => {
    const periods = resolvePeriods({
      maxRetention: { duration: years(10), rule: 'framework decision' },
      prosecutorAnswer: { duration: months(2), rule: 'prosecutor protocol' },
      regimes: {
        law2018_title2: { accessAnswer: { duration: workingDays(30), rule: 'Law 30-07-2018 (verify)' } },
      },
    });
    expect(periods.maxRetention.duration).toEqual(years(10));
    expect(periods.regimes.law2018_title2.accessAnswer.duration).toEqual(workingDays(30));
    expect(periods.regimes.gdpr.accessAnswer).toBe(ACCESS_ANSWER);
  });

  it('refuses the caps exceeded: 30 years + 1 month of retention, 4 months for the prosecutor', () => {
    expect(issuesOf({ maxRetention: { duration: months(361), rule: 'x' } })).toEqual([
      '/maxRetention: 361 months exceeds 30 years (bill art. 2 §3 4°)',
    ]);
    expect(issuesOf({ prosecutorAnswer: { duration: months(4), rule: 'x' } })).toEqual([
      '/prosecutorAnswer: 4 months exceeds 3 months (bill art. 7 al. 2)',
    ]);
    expect(issuesOf({ maxRetention: { duration: days(100), rule: 'x' } })).toEqual([
      '/maxRetention: express this period in months or years',
    ]);
  });

  it('caps the draft retention by the configured maximum retention', () => {
    const overrides = {
      maxRetention: { duration: years(10), rule: 'x' },
      draftRetention: { duration: years(11), rule: 'y' },
    };
    expect(issuesOf(overrides)).toEqual(['/draftRetention: 11 years exceeds 10 years (x)']);
  });

  it('rejects the configuration whole, naming every bad field', () => {
    const issues = issuesOf({
      necessityReviewInterval: { duration: months(1.5), rule: 'x' },
      prosecutorListErasure: { duration: years(5), rule: '' },
      regimes: {
        gdpr: {
          accessAnswer: { duration: { amount: 1, unit: 'weeks' }, rule: 'x' },
          rightsRoute: 'commission',
        },
        police: {},
      },
    });
    expect(issues).toEqual([
      '/prosecutorListErasure: an override must name the legal rule it rests on',
      '/necessityReviewInterval: the amount must be a whole number ≥ 1',
      '/regimes/police: unknown regime',
      '/regimes/gdpr/accessAnswer: unknown unit "weeks"',
      '/regimes/gdpr/rightsRoute: unknown period',
    ]);
  });
});
