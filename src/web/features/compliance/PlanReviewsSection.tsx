/**
 * The reviews of the instance's risk assessment and security plan (SPEC SEC-03; L2007 art. 16 §4:
 * measures adequate to the state of the art and the risks, reviewed yearly and on each significant
 * change): whether one is current, the reviews recorded, and the form to record one. The server
 * refuses a review that leaves an area out, is dated in the future or names no significant change.
 */
import { useTranslation } from 'react-i18next';
import type { SecurityPlanReviewList } from '../../../contracts/compliance.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { EvidenceStatus } from './EvidenceStatus.js';
import { COMPLIANCE_SECTIONS } from './indicator-view.js';
import { PlanReviewForm } from './PlanReviewForm.js';
import type { Part } from './settled.js';

export function PlanReviewsSection({
  reviews,
  onChanged,
}: {
  reviews: Part<SecurityPlanReviewList>;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby={COMPLIANCE_SECTIONS.planReviews}>
      <h2 id={COMPLIANCE_SECTIONS.planReviews} tabIndex={-1}>
        {t('compliance.planReviews.title')}
      </h2>
      <p>{t('compliance.planReviews.intro')}</p>
      {!reviews.ok ? (
        <ProblemAlert failure={reviews.error} />
      ) : (
        <>
          <EvidenceStatus status={reviews.value.status} />
          {reviews.value.reviews.length === 0 ? (
            <p>{t('compliance.planReviews.none')}</p>
          ) : (
            <ScrollingTable caption={t('compliance.planReviews.caption')}>
              <thead>
                <tr>
                  <th scope="col">{t('compliance.planReviews.reviewedOn')}</th>
                  <th scope="col">{t('compliance.planReviews.planVersion')}</th>
                  <th scope="col">{t('compliance.planReviews.occasion')}</th>
                  <th scope="col">{t('compliance.planReviews.references')}</th>
                  <th scope="col">{t('compliance.planReviews.areas')}</th>
                  <th scope="col">{t('compliance.recordedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {reviews.value.reviews.map((review) => (
                  <tr key={review.id}>
                    <th scope="row">{formatDate(review.reviewedOn, i18n.language)}</th>
                    <td>{review.planVersion}</td>
                    <td>
                      {t(`compliance.planReviews.occasions.${review.occasion}`)}
                      {review.changeDescription && (
                        <>
                          <br />
                          {review.changeDescription}
                        </>
                      )}
                    </td>
                    <td>
                      {t('compliance.planReviews.planReference')}: {review.planReference}
                      <br />
                      {t('compliance.planReviews.riskAssessmentReference')}: {review.riskAssessmentReference}
                    </td>
                    <td>
                      <ul className="plain-list">
                        {review.areas.map((area) => (
                          <li key={area}>{t(`compliance.areas.${area}`)}</li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {review.recordedBy.displayName} ({review.recordedBy.organisation.legalName}),{' '}
                      {formatDateTime(review.recordedAt, i18n.language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollingTable>
          )}
          <PlanReviewForm onRecorded={() => onChanged(t('compliance.planReviewForm.done'))} />
        </>
      )}
    </section>
  );
}
