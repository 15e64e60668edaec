/**
 * When an item is due for review, and when its erasure review ends (L2007 art. 4 §1 4°, art. 16
 * §2 1°; SPEC SEC-11), as pure functions over instants and the configured periods. The law asks
 * the controller for "toute diligence" and sets no period: the months and days are product
 * settings (CONCERTO_ITEM_REVIEW_MONTHS, CONCERTO_ERASURE_REVIEW_DAYS), counted like the legal
 * periods of kernel/legal-rules (Brussels civil dates, the starting day not counted, a month
 * clamped to the end of a shorter one).
 */
import type { ItemReviewConfig } from '../../config.js';
import {
  brusselsDateOf,
  type CivilDate,
  days,
  endOfBrusselsDay,
  months,
} from '../../kernel/legal-rules/index.js';
import { lastDayOf } from '../../kernel/legal-rules/durations.js';

export const ITEM_REVIEW_RULE = 'L2007 art. 4 §1 4°, art. 16 §2 1° (SPEC SEC-11)';

/**
 * The day from which an item is due for review: `reviewMonths` after it was last confirmed
 * accurate, or recorded if never confirmed. It is due from that day on.
 */
export function reviewDueOn(lastChecked: Date, settings: Pick<ItemReviewConfig, 'reviewMonths'>): CivilDate {
  return lastDayOf(lastChecked, months(settings.reviewMonths));
}

export function reviewDue(
  lastChecked: Date,
  now: Date,
  settings: Pick<ItemReviewConfig, 'reviewMonths'>,
): boolean {
  return brusselsDateOf(now) >= reviewDueOn(lastChecked, settings);
}

/**
 * A bound for a database filter: every item last checked before this instant may be due, and no
 * item checked at or after it is. Months clamp at the end of a month (three days at most), so
 * the bound takes three days more; `reviewDue` decides each candidate.
 */
export function reviewCandidatesBefore(now: Date, settings: Pick<ItemReviewConfig, 'reviewMonths'>): Date {
  const back = lastDayOf(brusselsDateOf(now), months(-settings.reviewMonths));
  return endOfBrusselsDay(lastDayOf(back, days(3)));
}

/** The last day of the erasure review of an item blocked as unlawfully obtained at `blockedAt`. */
export function erasureReviewDueOn(
  blockedAt: Date,
  settings: Pick<ItemReviewConfig, 'erasureReviewDays'>,
): CivilDate {
  return lastDayOf(blockedAt, days(settings.erasureReviewDays));
}

/** The instant the erasure review is overdue: the end (24:00) of its last day in Brussels. */
export function erasureReviewOverdueAt(
  blockedAt: Date,
  settings: Pick<ItemReviewConfig, 'erasureReviewDays'>,
): Date {
  return endOfBrusselsDay(erasureReviewDueOn(blockedAt, settings));
}

export function erasureReviewOverdue(
  blockedAt: Date,
  now: Date,
  settings: Pick<ItemReviewConfig, 'erasureReviewDays'>,
): boolean {
  return now.getTime() >= erasureReviewOverdueAt(blockedAt, settings).getTime();
}

/** What the reader's organisations and settings say of the reviews an item shows (SPEC SEC-11). */
export interface ReviewReader {
  /** The organisations the reader acts for: the controller's own readers see its reviews. */
  organisations: readonly string[];
  /** The reader may add and confirm information in this case now (`case.contribute`). */
  confirms: boolean;
  now: Date;
  settings: ItemReviewConfig;
}

interface ReviewedItem {
  controller_organisation_id: string;
  created_at: Date | string;
  last_verified_at: Date | string | null;
  erased_at: Date | string | null;
  blocked_reason: string | null;
  blocked_at: Date | string | null;
}

/**
 * The item's review reminder and erasure review, for the controller's own readers only: a
 * reminder while it may still be confirmed (neither erased nor blocked, the case open to the
 * reader's contributions), the erasure review while it is blocked as unlawfully obtained.
 */
export function reviewsOf(
  item: ReviewedItem,
  reader: ReviewReader,
): {
  review: { dueOn: CivilDate; due: boolean } | null;
  erasureReview: { dueOn: CivilDate; overdue: boolean } | null;
} {
  if (!reader.organisations.includes(item.controller_organisation_id) || item.erased_at !== null) {
    return { review: null, erasureReview: null };
  }
  const checked = new Date(item.last_verified_at ?? item.created_at);
  const blockedAt = item.blocked_at === null ? null : new Date(item.blocked_at);
  return {
    review:
      reader.confirms && blockedAt === null
        ? {
            dueOn: reviewDueOn(checked, reader.settings),
            due: reviewDue(checked, reader.now, reader.settings),
          }
        : null,
    erasureReview:
      item.blocked_reason === 'unlawfully_obtained' && blockedAt !== null
        ? {
            dueOn: erasureReviewDueOn(blockedAt, reader.settings),
            overdue: erasureReviewOverdue(blockedAt, reader.now, reader.settings),
          }
        : null,
  };
}
