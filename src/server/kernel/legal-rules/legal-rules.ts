import type { Clock } from '../clock.js';
import { DomainError } from '../errors.js';
import { addDays, type CivilDate, compareCivilDates, parseCivilDate } from './civil-date.js';
import {
  calendarMonths,
  type Deadline,
  type Duration,
  deadlineAfter,
  formatDuration,
  lastDayOf,
  months,
  type StartPoint,
  startDateOf,
} from './durations.js';
import { type LegalRulesOverrides, type ResolvedPeriods, resolvePeriods } from './overrides.js';
import type { Regime, RegimeProfile } from './regimes.js';
import {
  COMMISSION_ACKNOWLEDGEMENT,
  COMMISSION_REPEAT_INTERVAL_RULE,
  COURT_ACTION_ADMISSIBILITY_RULE,
  MANAGEMENT_PROHIBITION_MAX,
  REPEAT_ACCESS_INTERVAL,
  RESTORE_TEST_INTERVAL,
  RESTRICTION_REVIEW_MAX,
  RIGHTS_REMINDERS,
  SECURITY_PLAN_REVIEW_INTERVAL,
} from './rules.js';

export type RightsRequestKind = 'access' | 'rectification' | 'erasure' | 'objection';

/** What art. 14 §5 needs to know about a data subject's request. */
export interface RightsRequestFacts {
  readonly kind: RightsRequestKind;
  readonly receivedAt: StartPoint;
  /** A formal, reasoned rejection was sent (SPEC RGT-CRT-02). */
  readonly rejected: boolean;
  readonly answeredAt?: Date;
}

export interface CourtActionAdmissibility {
  readonly admissible: boolean;
  /** Rejected, or not answered by the end of `deadline` (answered late counts as not answered). */
  readonly reason: 'rejected' | 'deadline_missed' | 'not_admissible';
  readonly deadline: Deadline;
  readonly rule: string;
}

export interface LegalRules extends ResolvedPeriods {
  /**
   * bill art. 3 §1 al. 1 / art. 2 §3 4°: end of the retention of a closed case's shared file (or own
   * file, art. 4 al. 5). An agreed maximum beyond the cap is refused unless `otherRule` records the
   * provision in force that sets another period. SPEC RET-01, FIL-01, FIL-09.
   */
  retentionEnd(closedAt: StartPoint, agreedMaximum: Duration, otherRule?: string): Deadline;
  /** Refuses an agreed maximum retention beyond the cap before any case is closed. SPEC FIL-01, RET-02. */
  assertAgreedRetention(agreedMaximum: Duration, otherRule?: string): void;
  /** SPEC RET-06: end of the retention of a draft closed as not signalled. */
  draftRetentionEnd(closedAt: StartPoint): Deadline;
  /** SPEC RET-05: the next necessity review of a closed case. */
  nextNecessityReview(closedOrReviewedAt: StartPoint): Deadline;
  /** SPEC RET-01: the day a case whose retention ends on `endsOn` goes on its destruction list. */
  destructionListingOn(endsOn: CivilDate): CivilDate;
  /** SPEC FIL-09: the day the holder of an own-file copy due on `dueOn` is reminded of it. */
  ownFileCopyReminderOn(dueOn: CivilDate): CivilDate;
  /** bill art. 8 al. 2: latest erasure of a prosecutor's list entry. SPEC LST-03. */
  prosecutorListErasureDue(registeredAt: StartPoint): Deadline;
  /** bill art. 7 al. 2: the prosecutor's answer. SPEC RGT-RST-09. */
  prosecutorAnswerDue(requestedAt: StartPoint): Deadline;
  /** bill art. 7 al. 1: the latest (and default) review date of a restriction starting then. SPEC RGT-RST-07. */
  restrictionReviewBy(startsOn: StartPoint): Deadline;
  /** SPEC RGT-ACC-03. */
  accessAnswerDue(regime: Regime, receivedAt: StartPoint): Deadline;
  /** SPEC RGT-REC-04. */
  rectificationNoticeDue(regime: Regime, receivedAt: StartPoint): Deadline;
  /** SPEC RGT-OBJ-02. */
  objectionAnswerDue(regime: Regime, receivedAt: StartPoint): Deadline;
  /**
   * The days a desk is reminded of a clock that started at `receivedAt`: the access answer
   * (RGT-ACC-03), a one-month answer (RGT-REC-04, RGT-OBJ-02) or the prosecutor's (RGT-RST-09).
   */
  rightsReminders(clock: keyof typeof RIGHTS_REMINDERS, receivedAt: StartPoint): CivilDate[];
  /** SPEC RGT-REC-05: the recipient's identity may not be erased before this. */
  recipientIdentityKeptUntil(regime: Regime, disclosedAt: StartPoint): Deadline;
  /**
   * SPEC RGT-ACC-06: `receivedAt` falls within the interval that runs from the date of the same
   * person's previous request that was answered, or of an ex officio communication (L1992 art. 10 §2
   * al. 1; L2007 art. 10 §3) – from that request's date, not from the date of the answer.
   */
  isRepeatAccessRequest(
    regime: Regime,
    previousRequestAt: StartPoint,
    receivedAt: StartPoint,
    commissionIntervalMonths?: number,
  ): boolean;
  /**
   * SPEC SUP-05 (L1992 art. 10 §2 al. 2): the Commission may impose, for a person, an interval
   * shorter than twelve months (0: none). Refuses one that is not shorter; given to
   * `isRepeatAccessRequest`, a request is a repeat only within both intervals.
   */
  assertCommissionRepeatInterval(months: number): void;
  /** L2007 art. 14 §5, judged at the clock's now when the request is still unanswered. SPEC RGT-CRT-02. */
  courtActionAdmissibility(regime: Regime, request: RightsRequestFacts): CourtActionAdmissibility;
  /** L2007/L1992 art. 17 §2. SPEC DCL-03. */
  commissionAcknowledgementDue(submittedAt: StartPoint): Deadline;
  /** L1992 art. 41 §2: refuses a management prohibition longer than two years. SPEC PEN-17. */
  assertManagementProhibition(startsOn: CivilDate, endsOn: CivilDate): void;
  /**
   * SPEC SEC-03 (L2007 art. 16 §4): the day by which the next security plan review, or the next
   * restore test, is due after the one dated `on`.
   */
  securityEvidenceDue(kind: 'plan_review' | 'restore_test', on: StartPoint): Deadline;
  /** The period is over at the clock's now (from the end of its last day in Brussels). */
  isOverdue(deadline: Deadline): boolean;
}

export interface LegalRulesOptions {
  readonly clock: Clock;
  readonly overrides?: LegalRulesOverrides;
}

/** Builds the legal rules of an instance; throws `validation_failed` on a bad configuration. */
export function createLegalRules({ clock, overrides = {} }: LegalRulesOptions): LegalRules {
  const periods = resolvePeriods(overrides);
  const { maxRetention } = periods;

  const assertAgreedRetention = (agreedMaximum: Duration, otherRule?: string): void => {
    const agreed = calendarMonths(agreedMaximum);
    const field = { field: '/maxRetention', message: '' };
    if (agreed === undefined || !Number.isInteger(agreed) || agreed < 1) {
      throw new DomainError('validation_failed', {
        detail: 'the maximum retention is a whole number of months or years',
        fields: [{ ...field, message: 'express the maximum retention in months or years' }],
        rule: maxRetention.rule,
      });
    }
    if (agreed > calendarMonths(maxRetention.duration)! && !otherRule?.trim()) {
      const message = `${formatDuration(agreedMaximum)} exceeds ${formatDuration(maxRetention.duration)} after closure`;
      throw new DomainError('validation_failed', {
        detail: message,
        fields: [{ ...field, message }],
        rule: maxRetention.rule,
      });
    }
  };

  const directRights = (regime: Regime): RegimeProfile => {
    const profile = periods.regimes[regime];
    if (profile.rightsRoute !== 'direct') {
      // L2007 art. 3 §4: arts 10, 12 and 14 do not apply; rights go through the Commission (art. 13).
      throw new DomainError('conflict', {
        detail: `regime ${regime}: rights are exercised through the Commission, not with the controller`,
        rule: 'L2007 art. 3 §4; art. 13',
      });
    }
    return profile;
  };

  const rightsDeadline = (regime: Regime, kind: RightsRequestKind, receivedAt: StartPoint): Deadline => {
    const profile = directRights(regime);
    const period = kind === 'access' ? profile.accessAnswer : profile.rectificationNotice;
    return deadlineAfter(receivedAt, period.duration, period.rule);
  };

  const isOverdue = (deadline: Deadline): boolean => clock.now().getTime() >= deadline.endsAt.getTime();

  return {
    ...periods,
    assertAgreedRetention,
    retentionEnd(closedAt, agreedMaximum, otherRule) {
      assertAgreedRetention(agreedMaximum, otherRule);
      const exceedsCap = calendarMonths(agreedMaximum)! > calendarMonths(maxRetention.duration)!;
      const rule = exceedsCap ? otherRule!.trim() : `bill art. 3 §1 al. 1; ${maxRetention.rule}`;
      return deadlineAfter(closedAt, agreedMaximum, rule);
    },
    draftRetentionEnd: (closedAt) =>
      deadlineAfter(closedAt, periods.draftRetention.duration, periods.draftRetention.rule),
    destructionListingOn: (endsOn) => addDays(endsOn, -periods.destructionListLead.duration.amount),
    ownFileCopyReminderOn: (dueOn) => addDays(dueOn, -periods.ownFileCopyReminderLead.duration.amount),
    nextNecessityReview: (from) =>
      deadlineAfter(from, periods.necessityReviewInterval.duration, periods.necessityReviewInterval.rule),
    prosecutorListErasureDue: (registeredAt) =>
      deadlineAfter(registeredAt, periods.prosecutorListErasure.duration, periods.prosecutorListErasure.rule),
    prosecutorAnswerDue: (requestedAt) =>
      deadlineAfter(requestedAt, periods.prosecutorAnswer.duration, periods.prosecutorAnswer.rule),
    restrictionReviewBy: (startsOn) =>
      deadlineAfter(startsOn, RESTRICTION_REVIEW_MAX.duration, RESTRICTION_REVIEW_MAX.rule),
    accessAnswerDue: (regime, receivedAt) => rightsDeadline(regime, 'access', receivedAt),
    rectificationNoticeDue: (regime, receivedAt) => rightsDeadline(regime, 'rectification', receivedAt),
    objectionAnswerDue(regime, receivedAt) {
      const { objectionAnswer } = directRights(regime);
      return deadlineAfter(receivedAt, objectionAnswer.duration, objectionAnswer.rule);
    },
    rightsReminders: (which, receivedAt) =>
      RIGHTS_REMINDERS[which].map(
        (period) => deadlineAfter(receivedAt, period, 'SPEC RGT-ACC-03, RGT-RST-09').date,
      ),
    recipientIdentityKeptUntil(regime, disclosedAt) {
      const { recipientIdentityRetention: period } = periods.regimes[regime];
      return deadlineAfter(disclosedAt, period.duration, period.rule);
    },
    isRepeatAccessRequest(regime, previousRequestAt, receivedAt, commissionIntervalMonths) {
      const { repeatAccessInterval } = directRights(regime);
      const within = (duration: Duration, rule: string) =>
        compareCivilDates(startDateOf(receivedAt), deadlineAfter(previousRequestAt, duration, rule).date) <=
        0;
      if (!within(repeatAccessInterval.duration, repeatAccessInterval.rule)) return false;
      if (commissionIntervalMonths === undefined) return true;
      return (
        commissionIntervalMonths > 0 &&
        within(months(commissionIntervalMonths), COMMISSION_REPEAT_INTERVAL_RULE)
      );
    },
    assertCommissionRepeatInterval(value) {
      const cap = calendarMonths(REPEAT_ACCESS_INTERVAL.duration)!;
      if (!Number.isInteger(value) || value < 0 || value >= cap) {
        const message = `the Commission imposes an interval shorter than ${formatDuration(REPEAT_ACCESS_INTERVAL.duration)} (0: none)`;
        throw new DomainError('validation_failed', {
          detail: message,
          fields: [{ field: '/body/intervalMonths', message }],
          rule: COMMISSION_REPEAT_INTERVAL_RULE,
        });
      }
    },
    courtActionAdmissibility(regime, request) {
      const deadline = rightsDeadline(regime, request.kind, request.receivedAt);
      const answeredAt = request.answeredAt ?? clock.now();
      const reason = request.rejected
        ? 'rejected'
        : answeredAt.getTime() >= deadline.endsAt.getTime()
          ? 'deadline_missed'
          : 'not_admissible';
      return {
        admissible: reason !== 'not_admissible',
        reason,
        deadline,
        rule: COURT_ACTION_ADMISSIBILITY_RULE,
      };
    },
    commissionAcknowledgementDue: (submittedAt) =>
      deadlineAfter(submittedAt, COMMISSION_ACKNOWLEDGEMENT.duration, COMMISSION_ACKNOWLEDGEMENT.rule),
    assertManagementProhibition(startsOn, endsOn) {
      const latest = lastDayOf(startsOn, MANAGEMENT_PROHIBITION_MAX.duration);
      const end = parseCivilDate(endsOn);
      if (compareCivilDates(end, parseCivilDate(startsOn)) < 0 || compareCivilDates(end, latest) > 0) {
        const message = `the prohibition must end between ${startsOn} and ${latest}`;
        throw new DomainError('validation_failed', {
          detail: message,
          fields: [{ field: '/endsOn', message }],
          rule: MANAGEMENT_PROHIBITION_MAX.rule,
        });
      }
    },
    securityEvidenceDue(kind, on) {
      const interval = kind === 'plan_review' ? SECURITY_PLAN_REVIEW_INTERVAL : RESTORE_TEST_INTERVAL;
      return deadlineAfter(on, interval.duration, interval.rule);
    },
    isOverdue,
  };
}
