/**
 * The controller's data-quality dates of an item (L2007 art. 4 §1 4°, art. 16 §2 1°; SPEC
 * SEC-11): from when it is due for review, and the last day of its erasure review once blocked as
 * unlawfully obtained, overdue in words. The server sends them to the controller's own users only.
 */
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../../contracts/items.js';
import { formatDate } from '../../../i18n/format.js';

export function ItemReviewFacts({ item }: { item: Item }) {
  const { t, i18n } = useTranslation();
  const date = (day: string) => formatDate(day, i18n.language);
  return (
    <>
      {item.review && (
        <>
          <dt>{t('casePage.items.review')}</dt>
          <dd>
            {item.review.due ? (
              <strong>{t('casePage.items.reviewDueSince', { date: date(item.review.dueOn) })}</strong>
            ) : (
              t('casePage.items.reviewFrom', { date: date(item.review.dueOn) })
            )}
          </dd>
        </>
      )}
      {item.erasureReview && (
        <>
          <dt>{t('casePage.items.erasureReview')}</dt>
          <dd>
            {item.erasureReview.overdue ? (
              <strong>
                {t('casePage.items.erasureReviewOverdue', { date: date(item.erasureReview.dueOn) })}
              </strong>
            ) : (
              t('casePage.items.erasureReviewDue', { date: date(item.erasureReview.dueOn) })
            )}
          </dd>
        </>
      )}
    </>
  );
}
