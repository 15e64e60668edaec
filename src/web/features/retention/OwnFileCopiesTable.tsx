/**
 * The own-file copies the organisation made that are past their due date (bill art. 4 al. 5; SPEC
 * RET-03, FIL-09): the copy in the own file is the participant's to delete, also once the shared file
 * was destroyed.
 */
import { useTranslation } from 'react-i18next';
import type { OwnFileCopyReport } from '../../../contracts/retention.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';

export function OwnFileCopiesTable({ copies }: { copies: OwnFileCopyReport['overdue'] }) {
  const { t, i18n } = useTranslation();
  if (copies.length === 0) return <p>{t('retention.copies.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('retention.copies.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('retention.copies.columns.transfer')}</th>
            <th scope="col">{t('retention.copies.columns.case')}</th>
            <th scope="col">{t('retention.copies.columns.exports')}</th>
            <th scope="col">{t('retention.copies.columns.lastExportedAt')}</th>
            <th scope="col">{t('retention.copies.columns.dueOn')}</th>
            <th scope="col">{t('retention.copies.columns.rule')}</th>
          </tr>
        </thead>
        <tbody>
          {copies.map((copy) => (
            <tr key={copy.transferId}>
              <th scope="row">
                <span className="hash">{copy.transferId}</span>
              </th>
              <td>
                <span className="hash">{copy.caseId}</span>
                {copy.casePurged && ` (${t('retention.statuses.destroyed')})`}
              </td>
              <td>{copy.exports}</td>
              <td>{formatDateTime(copy.lastExportedAt, i18n.language)}</td>
              <td>{formatDate(copy.dueOn, i18n.language)}</td>
              <td>{copy.rule}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
