import { useTranslation } from 'react-i18next';
import type { RetentionStatus } from '../../../contracts/retention.js';
import { STATUS_TONES } from './retention-view.js';

/** The retention status of a case in words; the colour only repeats them (WCAG 1.4.1). */
export function RetentionStatusBadge({ status }: { status: RetentionStatus }) {
  const { t } = useTranslation();
  return (
    <strong className={`badge badge--${STATUS_TONES[status]}`}>{t(`retention.statuses.${status}`)}</strong>
  );
}
