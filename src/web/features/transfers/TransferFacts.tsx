/** What a transfer request says: the case, who asks, for which purpose, and why (bill art. 4 al. 1 1°). */
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../contracts/transfers.js';
import { Link } from '../../app/router.js';
import { formatDateTime } from '../../i18n/format.js';

export function TransferFacts({ transfer }: { transfer: Transfer }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('transfers.facts.case')}</dt>
      <dd>
        <Link to={`/cases/${transfer.caseId}`}>{transfer.caseTitle}</Link>
      </dd>
      <dt>{t('transfers.facts.requester')}</dt>
      <dd>
        {transfer.requester.legalName} ({transfer.requestedBy},{' '}
        {formatDateTime(transfer.createdAt, i18n.language)})
      </dd>
      <dt>{t('transfers.facts.purpose')}</dt>
      <dd>
        <span className="code">{transfer.purpose}</span> {t(`purposes.${transfer.purpose}`)}
      </dd>
      <dt>{t('transfers.facts.justification')}</dt>
      <dd>{transfer.justification}</dd>
    </dl>
  );
}
