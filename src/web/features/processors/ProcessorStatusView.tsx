/**
 * A processor record's status (SPEC PRC-02, PRC-07): green, amber or red in words, why, and when
 * the next compliance review and the next review of the security plan are due.
 */
import { useTranslation } from 'react-i18next';
import type { ProcessorStatus } from '../../../contracts/processors.js';
import { StatusBadge } from '../../app/StatusBadge.js';
import { formatDate } from '../../i18n/format.js';

export function ProcessorStatusBadge({ status }: { status: ProcessorStatus }) {
  const { t } = useTranslation();
  return <StatusBadge level={status.level} label={t(`processors.levels.${status.level}`)} />;
}

export function ProcessorStatusView({ status }: { status: ProcessorStatus }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <ProcessorStatusBadge status={status} />
      {status.reasons.length > 0 && (
        <ul className="plain-list">
          {status.reasons.map((reason) => (
            <li key={reason}>{t(`processors.reasons.${reason}`)}</li>
          ))}
        </ul>
      )}
      {status.nextComplianceReviewDue && (
        <p>
          {t('processors.status.nextComplianceReview', {
            date: formatDate(status.nextComplianceReviewDue, i18n.language),
          })}
        </p>
      )}
      {status.nextSecurityPlanReviewDue && (
        <p>
          {t('processors.status.nextSecurityPlanReview', {
            date: formatDate(status.nextSecurityPlanReviewDue, i18n.language),
          })}
        </p>
      )}
    </>
  );
}
