/**
 * The necessity reviews of the closed cases the organisation keeps (SPEC RET-05): the open ones to
 * decide, each with its case and the day it fell due, then the ones decided, with what and for which
 * purpose, by whom and when.
 */
import { useTranslation } from 'react-i18next';
import type { NecessityReview } from '../../../contracts/retention.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { CaseReference } from './CaseReference.js';
import { NecessityReviewForm } from './NecessityReviewForm.js';

export function NecessityReviewsList({
  reviews,
  caseLinks,
  onChanged,
}: {
  reviews: readonly NecessityReview[];
  caseLinks: boolean;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  if (reviews.length === 0) return <p>{t('retention.reviews.none')}</p>;
  const open = reviews.filter((review) => review.decision === null);
  const decided = reviews.filter((review) => review.decision !== null);
  return (
    <>
      {open.map((review) => (
        <article key={review.id} className="subpanel" aria-labelledby={`review-${review.id}`}>
          <h3 id={`review-${review.id}`}>
            {t('retention.reviews.openTitle', { date: formatDate(review.dueOn, i18n.language) })}
          </h3>
          <p>
            <CaseReference caseId={review.caseId} linked={caseLinks} />
          </p>
          {review.allowedActions.includes('decide') ? (
            <NecessityReviewForm review={review} onDecided={onChanged} />
          ) : (
            <p>{t('retention.reviews.keeperDecides')}</p>
          )}
        </article>
      ))}
      {decided.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('retention.reviews.decidedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('retention.reviews.columns.case')}</th>
                <th scope="col">{t('retention.reviews.columns.dueOn')}</th>
                <th scope="col">{t('retention.reviews.columns.decision')}</th>
                <th scope="col">{t('retention.reviews.columns.decided')}</th>
              </tr>
            </thead>
            <tbody>
              {decided.map((review) => (
                <tr key={review.id}>
                  <th scope="row">
                    <span className="hash">{review.caseId}</span>
                  </th>
                  <td>{formatDate(review.dueOn, i18n.language)}</td>
                  <td>
                    {review.decision && t(`retention.reviews.decisions.${review.decision}`)}
                    {review.purpose && ` – ${review.purpose} ${t(`purposes.${review.purpose}`)}`}
                  </td>
                  <td>
                    {review.decidedBy} ({review.decidedAt && formatDateTime(review.decidedAt, i18n.language)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
