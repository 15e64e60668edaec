/** What the dashboard reads: notifications, prior notices due, item reviews, cases, consultations, actions and transfers. */
import type { CaseSummary } from '../../../contracts/cases.js';
import type { Action, ConsultationSummary } from '../../../contracts/consultations.js';
import type { Notification, NotificationList } from '../../../contracts/notifications.js';
import type { ItemReviewList } from '../../../contracts/item-reviews.js';
import type { DuePriorNoticeList } from '../../../contracts/prior-notices.js';
import type { TransferList } from '../../../contracts/transfers.js';
import { api } from '../../app/api.js';
import { fetchCases } from '../cases/cases-api.js';
import { fetchActions, fetchConsultations } from '../consultations/consultations-api.js';
import { fetchTransfers } from '../transfers/transfers-api.js';

export async function fetchNotifications(signal?: AbortSignal): Promise<Notification[]> {
  return (await api<NotificationList>('GET', '/api/notifications', signal ? { signal } : {})).notifications;
}

/** SPEC DAT-32: per case, the persons my organisation has still to give prior written notice. */
export async function fetchDuePriorNotices(signal?: AbortSignal): Promise<DuePriorNoticeList['due']> {
  return (await api<DuePriorNoticeList>('GET', '/api/prior-notices', signal ? { signal } : {})).due;
}

/** SPEC SEC-11: my organisation's items due for review and its erasure reviews, per case. */
export async function fetchItemReviews(signal?: AbortSignal): Promise<ItemReviewList> {
  return api<ItemReviewList>('GET', '/api/item-reviews', signal ? { signal } : {});
}

export const acknowledgeNotification = (id: string): Promise<void> =>
  api<void>('POST', `/api/notifications/${encodeURIComponent(id)}/acknowledgement`);

/** Each part of the dashboard, or why it could not be read: one failure hides no other part. */
export type Part<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface DashboardData {
  notifications: Part<Notification[]>;
  priorNotices: Part<DuePriorNoticeList['due']>;
  itemReviews: Part<ItemReviewList>;
  cases: Part<CaseSummary[]>;
  consultations: Part<ConsultationSummary[]>;
  actions: Part<Action[]>;
  transfers: Part<TransferList>;
}

const part = <T>(result: PromiseSettledResult<T>): Part<T> =>
  result.status === 'fulfilled' ? { ok: true, value: result.value } : { ok: false, error: result.reason };

export async function fetchDashboard(signal?: AbortSignal): Promise<DashboardData> {
  const [notifications, priorNotices, itemReviews, cases, consultations, actions, transfers] = await Promise.allSettled([
    fetchNotifications(signal),
    fetchDuePriorNotices(signal),
    fetchItemReviews(signal),
    fetchCases(signal),
    fetchConsultations(signal),
    fetchActions(signal),
    fetchTransfers(signal),
  ]);
  return {
    notifications: part(notifications),
    priorNotices: part(priorNotices),
    itemReviews: part(itemReviews),
    cases: part(cases),
    consultations: part(consultations),
    actions: part(actions),
    transfers: part(transfers),
  };
}
