/**
 * Whether a piece of security evidence is current (SPEC SEC-03: a plan review and a restore test
 * within the last 12 months), in words, with the last day it counts and the rule.
 */
import { useTranslation } from 'react-i18next';
import type { SecurityPlanReviewList } from '../../../contracts/compliance.js';
import { StatusBadge } from '../../app/StatusBadge.js';
import { formatDate } from '../../i18n/format.js';

export function EvidenceStatus({ status }: { status: SecurityPlanReviewList['status'] }) {
  const { t, i18n } = useTranslation();
  return (
    <p>
      <StatusBadge
        level={status.current ? 'green' : 'red'}
        label={t(status.current ? 'compliance.evidence.current' : 'compliance.evidence.due')}
      />{' '}
      {status.dueOn === null
        ? t('compliance.evidence.none')
        : t(status.current ? 'compliance.evidence.countsUntil' : 'compliance.evidence.expiredOn', {
            date: formatDate(status.dueOn, i18n.language),
          })}{' '}
      <span className="form__hint">{t('common.rule', { rule: status.rule })}</span>
    </p>
  );
}
