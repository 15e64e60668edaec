/** A list of cases: title (a link to the case), framework, state, the reader's relation, last change. */
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../contracts/cases.js';
import { Link } from '../../app/router.js';
import { formatDateTime } from '../../i18n/format.js';

export function CasesTable({ caption, cases }: { caption: string; cases: readonly CaseSummary[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.cases.title')}</th>
            <th scope="col">{t('dashboard.cases.framework')}</th>
            <th scope="col">{t('dashboard.cases.state')}</th>
            <th scope="col">{t('dashboard.cases.relation')}</th>
            <th scope="col">{t('dashboard.cases.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((kase) => (
            <tr key={kase.id}>
              <th scope="row">
                <Link to={`/cases/${kase.id}`}>{kase.title}</Link>
              </th>
              <td>{kase.frameworkName}</td>
              <td>{t(`caseStates.${kase.state}`)}</td>
              <td>{t(`relations.${kase.relation}`)}</td>
              <td>{formatDateTime(kase.updatedAt, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
