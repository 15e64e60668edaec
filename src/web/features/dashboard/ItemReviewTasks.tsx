/**
 * My organisation's data-quality tasks of one case (L2007 art. 4 §1 4°, art. 16 §2 1°; SPEC
 * SEC-11): items not confirmed accurate for the configured months, and erasure reviews of items
 * blocked as unlawfully obtained with their last day, overdue in words. Counts, dates and a link,
 * never content; confirming, erasing or releasing the item on the case page removes the task.
 */
import { useTranslation } from 'react-i18next';
import type { ItemReviewList } from '../../../contracts/item-reviews.js';
import { Link } from '../../app/router.js';
import { formatDate } from '../../i18n/format.js';

function Task({ caseId, text }: { caseId: string; text: string }) {
  const { t } = useTranslation();
  return (
    <li className="task">
      <span>{text}</span>
      <Link to={`/cases/${caseId}`}>
        {t('dashboard.tasks.openCase')}
        <span className="visually-hidden">: {text}</span>
      </Link>
    </li>
  );
}

export function ItemReviewTasks({
  due,
  months,
  title,
}: {
  due: ItemReviewList['due'][number];
  months: number;
  title: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const kase = title ?? '—';
  return (
    <>
      {due.erasureReviews.map((review) => (
        <Task
          key={review.itemId}
          caseId={due.caseId}
          text={t(review.overdue ? 'dashboard.tasks.erasureReviewOverdue' : 'dashboard.tasks.erasureReview', {
            case: kase,
            date: formatDate(review.dueOn, i18n.language),
          })}
        />
      ))}
      {due.reviewDue.length > 0 && (
        <Task
          caseId={due.caseId}
          text={t('dashboard.tasks.reviewDue', { count: due.reviewDue.length, case: kase, months })}
        />
      )}
    </>
  );
}
