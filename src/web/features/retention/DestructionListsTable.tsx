/**
 * The destruction lists of the organisation (SPEC RET-01; ADR 0016), newest first: whose they are,
 * how many of their cases are still to destroy, and which approvals are missing (four eyes: the
 * keeper of the cases and the DPO of each controller of their records).
 */
import { useTranslation } from 'react-i18next';
import type { DestructionListSummaries } from '../../../contracts/retention.js';
import { Link } from '../../app/router.js';
import { formatDateTime } from '../../i18n/format.js';
import { MissingApprovals } from './MissingApprovals.js';

export function DestructionListsTable({ lists }: { lists: DestructionListSummaries['destructionLists'] }) {
  const { t, i18n } = useTranslation();
  if (lists.length === 0) return <p>{t('retention.lists.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('retention.lists.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('retention.lists.columns.list')}</th>
            <th scope="col">{t('retention.lists.columns.keeper')}</th>
            <th scope="col">{t('retention.lists.columns.status')}</th>
            <th scope="col">{t('retention.lists.columns.cases')}</th>
            <th scope="col">{t('retention.lists.columns.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {lists.map((list) => {
            const created = formatDateTime(list.createdAt, i18n.language);
            return (
              <tr key={list.id}>
                <th scope="row">
                  <Link to={`/retention/destruction-lists/${encodeURIComponent(list.id)}`}>
                    {t('retention.lists.open', { date: created })}
                  </Link>
                </th>
                <td>
                  {list.keeper.legalName} ({t(`retention.keeperRelations.${list.keeper.relation}`)})
                </td>
                <td>
                  <span className="state">{t(`retention.listStatuses.${list.status}`)}</span>
                </td>
                <td>
                  {t('retention.lists.pendingOf', { pending: list.pendingEntries, total: list.totalEntries })}
                </td>
                <td>
                  <MissingApprovals missing={list.missing} keeper={list.keeper.legalName} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
