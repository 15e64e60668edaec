import { DomainError, type FieldIssue } from '../errors.js';
import { calendarMonths, type Duration, formatDuration } from './durations.js';
import {
  REGIME_DEFAULTS,
  REGIMES,
  type Regime,
  type RegimePeriodName,
  type RegimeProfile,
} from './regimes.js';
import {
  DRAFT_RETENTION_DEFAULT,
  type LegalPeriod,
  MAX_RETENTION,
  DESTRUCTION_LIST_LEAD_DEFAULT,
  NECESSITY_REVIEW_INTERVAL_DEFAULT,
  OWN_FILE_COPY_REMINDER_LEAD_DEFAULT,
  PROSECUTOR_ANSWER,
  PROSECUTOR_LIST_ERASURE,
  RECIPIENT_IDENTITY_RETENTION,
} from './rules.js';

/**
 * Instance configuration of the legal periods. Every override names the rule it rests on (ARCHITECTURE
 * §3 law 5). Periods with a legal cap may only be shortened; the one legal minimum may only be
 * lengthened; the regime periods are free (SPEC A-02) but must stay positive whole numbers.
 */
export interface LegalRulesOverrides {
  /** ≤ 30 years (bill art. 2 §3 4°). */
  readonly maxRetention?: LegalPeriod;
  /** ≤ 30 years (bill art. 8 al. 2: "au plus tard"). */
  readonly prosecutorListErasure?: LegalPeriod;
  /** ≤ 3 months (bill art. 7 al. 2). */
  readonly prosecutorAnswer?: LegalPeriod;
  /** ≤ the maximum retention (SPEC RET-06). */
  readonly draftRetention?: LegalPeriod;
  readonly necessityReviewInterval?: LegalPeriod;
  /** In days (SPEC FIL-09): how long before its due date an own-file copy's holder is reminded. */
  readonly ownFileCopyReminderLead?: LegalPeriod;
  /** In days (SPEC RET-01): how long before the end of its retention a case goes on a destruction list. */
  readonly destructionListLead?: LegalPeriod;
  readonly regimes?: { readonly [R in Regime]?: Partial<Record<RegimePeriodName, LegalPeriod>> };
  /**
   * L1992 art. 12 §3 al. 3: the King may derogate, for categories of processing, from the duty to
   * tell recipients of a rectification or erasure. Switched off per regime only with the legal
   * reference of that derogation (SPEC RGT-REC-06).
   */
  readonly recipientNoticeDerogations?: { readonly [R in Regime]?: { readonly reference: string } };
}

export interface ResolvedPeriods {
  readonly maxRetention: LegalPeriod;
  readonly prosecutorListErasure: LegalPeriod;
  readonly prosecutorAnswer: LegalPeriod;
  readonly draftRetention: LegalPeriod & { readonly pendingLegalValidation: boolean };
  readonly necessityReviewInterval: LegalPeriod;
  readonly ownFileCopyReminderLead: LegalPeriod;
  readonly destructionListLead: LegalPeriod;
  readonly regimes: Readonly<Record<Regime, RegimeProfile>>;
  /** SPEC RGT-REC-06: the regimes whose recipients are not told, with the reference of the derogation. */
  readonly recipientNoticeDerogations: Readonly<Partial<Record<Regime, string>>>;
}

const UNITS: readonly string[] = ['days', 'workingDays', 'months', 'years'];

function shapeIssue(field: string, period: LegalPeriod): FieldIssue | undefined {
  const { duration, rule } = period;
  if (typeof duration !== 'object' || duration === null)
    return { field, message: 'a period needs a duration' };
  if (!UNITS.includes(duration.unit)) return { field, message: `unknown unit "${duration.unit}"` };
  if (!Number.isInteger(duration.amount) || duration.amount < 1) {
    return { field, message: 'the amount must be a whole number ≥ 1' };
  }
  if (typeof rule !== 'string' || rule.trim() === '') {
    return { field, message: 'an override must name the legal rule it rests on' };
  }
  return undefined;
}

/** Refuses a month/year period longer than `cap`, or a day-based one (not comparable to a cap). */
function capIssue(field: string, duration: Duration, cap: LegalPeriod): FieldIssue | undefined {
  const value = calendarMonths(duration);
  if (value === undefined) return { field, message: 'express this period in months or years' };
  if (value > calendarMonths(cap.duration)!) {
    return {
      field,
      message: `${formatDuration(duration)} exceeds ${formatDuration(cap.duration)} (${cap.rule})`,
    };
  }
  return undefined;
}

function floorIssue(field: string, duration: Duration, floor: LegalPeriod): FieldIssue | undefined {
  const value = calendarMonths(duration);
  if (value === undefined) return { field, message: 'express this period in months or years' };
  if (value < calendarMonths(floor.duration)!) {
    return {
      field,
      message: `${formatDuration(duration)} is shorter than ${formatDuration(floor.duration)} (${floor.rule})`,
    };
  }
  return undefined;
}

/** Validates `overrides` whole (every bad field is reported) and merges them over the defaults. */
export function resolvePeriods(overrides: LegalRulesOverrides): ResolvedPeriods {
  const issues: FieldIssue[] = [];
  const check = (
    field: string,
    period: LegalPeriod | undefined,
    bound?: (d: Duration) => FieldIssue | undefined,
  ) => {
    if (period === undefined) return;
    const issue = shapeIssue(field, period) ?? bound?.(period.duration);
    if (issue) issues.push(issue);
  };

  const maxRetention = overrides.maxRetention ?? MAX_RETENTION;
  check('/maxRetention', overrides.maxRetention, (d) => capIssue('/maxRetention', d, MAX_RETENTION));
  check('/prosecutorListErasure', overrides.prosecutorListErasure, (d) =>
    capIssue('/prosecutorListErasure', d, PROSECUTOR_LIST_ERASURE),
  );
  check('/prosecutorAnswer', overrides.prosecutorAnswer, (d) =>
    capIssue('/prosecutorAnswer', d, PROSECUTOR_ANSWER),
  );
  check('/draftRetention', overrides.draftRetention, (d) => capIssue('/draftRetention', d, maxRetention));
  check('/necessityReviewInterval', overrides.necessityReviewInterval);
  check('/ownFileCopyReminderLead', overrides.ownFileCopyReminderLead, (d) =>
    d.unit === 'days'
      ? undefined
      : { field: '/ownFileCopyReminderLead', message: 'express this lead in days' },
  );
  check('/destructionListLead', overrides.destructionListLead, (d) =>
    d.unit === 'days' ? undefined : { field: '/destructionListLead', message: 'express this lead in days' },
  );

  const regimes = {} as Record<Regime, RegimeProfile>;
  for (const regime of Object.keys(overrides.regimes ?? {})) {
    if (!REGIMES.includes(regime as Regime))
      issues.push({ field: `/regimes/${regime}`, message: 'unknown regime' });
  }
  for (const regime of REGIMES) {
    const changes = overrides.regimes?.[regime] ?? {};
    for (const [name, period] of Object.entries(changes)) {
      const field = `/regimes/${regime}/${name}`;
      if (!(name in REGIME_DEFAULTS[regime]) || name === 'rightsRoute') {
        issues.push({ field, message: 'unknown period' });
      } else if (name === 'recipientIdentityRetention') {
        check(field, period, (d) => floorIssue(field, d, RECIPIENT_IDENTITY_RETENTION));
      } else {
        check(field, period);
      }
    }
    regimes[regime] = { ...REGIME_DEFAULTS[regime], ...changes };
  }

  const recipientNoticeDerogations: Partial<Record<Regime, string>> = {};
  for (const [regime, derogation] of Object.entries(overrides.recipientNoticeDerogations ?? {})) {
    const field = `/recipientNoticeDerogations/${regime}`;
    if (!REGIMES.includes(regime as Regime)) issues.push({ field, message: 'unknown regime' });
    else if (typeof derogation?.reference !== 'string' || derogation.reference.trim() === '') {
      issues.push({
        field: `${field}/reference`,
        message: 'a derogation from telling recipients cites its legal reference (L1992 art. 12 §3 al. 3)',
      });
    } else recipientNoticeDerogations[regime as Regime] = derogation.reference.trim();
  }

  if (issues.length > 0) {
    throw new DomainError('validation_failed', {
      detail: `invalid legal-rule configuration: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      fields: issues,
    });
  }
  return {
    maxRetention,
    prosecutorListErasure: overrides.prosecutorListErasure ?? PROSECUTOR_LIST_ERASURE,
    prosecutorAnswer: overrides.prosecutorAnswer ?? PROSECUTOR_ANSWER,
    draftRetention: overrides.draftRetention
      ? { ...overrides.draftRetention, pendingLegalValidation: false }
      : DRAFT_RETENTION_DEFAULT,
    necessityReviewInterval: overrides.necessityReviewInterval ?? NECESSITY_REVIEW_INTERVAL_DEFAULT,
    ownFileCopyReminderLead: overrides.ownFileCopyReminderLead ?? OWN_FILE_COPY_REMINDER_LEAD_DEFAULT,
    destructionListLead: overrides.destructionListLead ?? DESTRUCTION_LIST_LEAD_DEFAULT,
    regimes,
    recipientNoticeDerogations,
  };
}
