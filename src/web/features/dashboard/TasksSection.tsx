/**
 * My tasks: the notifications of my organisation ("there is something for you in Concerto"),
 * kinds and links only, never content (ARCHITECTURE §2). Acknowledging one removes it. And the
 * prior written notices still due (SPEC DAT-32), which only recording the notice removes, and the
 * items to review and erasure reviews (SPEC SEC-11), which only acting on the item removes.
 */
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../contracts/notifications.js';
import type { ItemReviewList } from '../../../contracts/item-reviews.js';
import type { DuePriorNoticeList } from '../../../contracts/prior-notices.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { retentionTarget } from '../retention/retention-view.js';
import { acknowledgeNotification } from './dashboard-api.js';
import { ItemReviewTasks } from './ItemReviewTasks.js';
import { PriorNoticeTask } from './PriorNoticeTask.js';

/** Where a notification leads: the transfer inbox, the prosecutor's desk, or its case (not once the admission ended). */
function target(notification: Notification): string | undefined {
  if (['transfer_to_decide', 'transfer_decided', 'exported_item_changed'].includes(notification.kind))
    return '/transfers';
  // SPEC RGT-RST-07: the restriction is reviewed on the desk, not on the case page.
  if (notification.kind === 'restriction_review_due') return '/prosecutor-desk';
  // SPEC RET-01, RET-05, SCO-09: a destruction list, a paper part or a necessity review is dealt with at the retention desk.
  const retention = retentionTarget(notification);
  if (retention) return retention;
  if (notification.kind === 'admission_revoked' || notification.caseId === null) return undefined;
  return `/cases/${notification.caseId}`;
}

export function TasksSection({
  notifications,
  priorNotices,
  itemReviews,
  caseTitles,
  onChanged,
}: {
  notifications: readonly Notification[];
  priorNotices: DuePriorNoticeList['due'];
  itemReviews: ItemReviewList | undefined;
  caseTitles: ReadonlyMap<string, string>;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { busy, failure, run } = useAction();
  const text = (notification: Notification) => t(`notifications.${notification.kind}`);
  return (
    <section className="panel" aria-labelledby="dashboard-tasks">
      <h2 id="dashboard-tasks">{t('dashboard.tasks.title')}</h2>
      <ProblemAlert failure={failure} />
      {notifications.length === 0 && priorNotices.length === 0 && !itemReviews?.due.length ? (
        <p>{t('dashboard.tasks.none')}</p>
      ) : (
        <ul className="tasks">
          {priorNotices.map((due) => (
            <PriorNoticeTask key={`${due.caseId}-${due.organisationId}`} due={due} title={caseTitles.get(due.caseId)} />
          ))}
          {itemReviews?.due.map((due) => (
            <ItemReviewTasks
              key={`review-${due.caseId}-${due.organisationId}`}
              due={due}
              months={itemReviews.reviewMonths}
              title={caseTitles.get(due.caseId)}
            />
          ))}
          {notifications.map((notification) => {
            const to = target(notification);
            const when = formatDateTime(notification.createdAt, i18n.language);
            return (
              <li key={notification.id} className="task">
                <span>
                  {text(notification)} <span className="task__date">({when})</span>
                </span>
                {to && (
                  <Link to={to}>
                    {to === '/transfers'
                      ? t('dashboard.tasks.openTransfers')
                      : to === '/prosecutor-desk'
                        ? t('nav.prosecutorDesk')
                        : to.startsWith('/retention/destruction-lists/')
                          ? t('dashboard.tasks.openDestructionList')
                          : to.startsWith('/retention')
                            ? t('dashboard.tasks.openRetentionDesk')
                            : t('dashboard.tasks.openCase')}
                    <span className="visually-hidden">
                      : {text(notification)}, {when}
                    </span>
                  </Link>
                )}
                <button
                  type="button"
                  className="link-button"
                  aria-disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      await acknowledgeNotification(notification.id);
                      await onChanged(t('dashboard.tasks.acknowledged'));
                    })
                  }
                >
                  {t('dashboard.tasks.acknowledge')}
                  <span className="visually-hidden">
                    : {text(notification)}, {when}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
