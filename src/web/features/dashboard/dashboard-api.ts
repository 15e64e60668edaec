/** What the dashboard reads: notifications, cases, consultations, actions and transfers. */
import type { CaseSummary } from '../../../contracts/cases.js';
import type { Action, ConsultationSummary } from '../../../contracts/consultations.js';
import type { Notification, NotificationList } from '../../../contracts/notifications.js';
import type { TransferList } from '../../../contracts/transfers.js';
import { api } from '../../app/api.js';
import { fetchCases } from '../cases/cases-api.js';
import { fetchActions, fetchConsultations } from '../consultations/consultations-api.js';
import { fetchTransfers } from '../transfers/transfers-api.js';

export async function fetchNotifications(signal?: AbortSignal): Promise<Notification[]> {
  return (await api<NotificationList>('GET', '/api/notifications', signal ? { signal } : {})).notifications;
}

export const acknowledgeNotification = (id: string): Promise<void> =>
  api<void>('POST', `/api/notifications/${encodeURIComponent(id)}/acknowledgement`);

/** Each part of the dashboard, or why it could not be read: one failure hides no other part. */
export type Part<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface DashboardData {
  notifications: Part<Notification[]>;
  cases: Part<CaseSummary[]>;
  consultations: Part<ConsultationSummary[]>;
  actions: Part<Action[]>;
  transfers: Part<TransferList>;
}

const part = <T>(result: PromiseSettledResult<T>): Part<T> =>
  result.status === 'fulfilled' ? { ok: true, value: result.value } : { ok: false, error: result.reason };

export async function fetchDashboard(signal?: AbortSignal): Promise<DashboardData> {
  const [notifications, cases, consultations, actions, transfers] = await Promise.allSettled([
    fetchNotifications(signal),
    fetchCases(signal),
    fetchConsultations(signal),
    fetchActions(signal),
    fetchTransfers(signal),
  ]);
  return {
    notifications: part(notifications),
    cases: part(cases),
    consultations: part(consultations),
    actions: part(actions),
    transfers: part(transfers),
  };
}
