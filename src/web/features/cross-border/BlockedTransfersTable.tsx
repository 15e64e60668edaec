/**
 * The blocked-transfer log of the controller (L1992 art. 39 2° and 12°; SPEC PEN-03, PEN-13): every
 * refused transfer, newest first, who attempted it from where, to which kind of destination in which
 * country, the categories, and the rule that refused it. Kept as evidence for the supervisory authority.
 */
import { useTranslation } from 'react-i18next';
import type { BlockedTransfer } from '../../../contracts/cross-border.js';
import { formatDateTime } from '../../i18n/format.js';
import { countryLabel } from './countries.js';

export function BlockedTransfersTable({ blocked }: { blocked: readonly BlockedTransfer[] }) {
  const { t, i18n } = useTranslation();
  if (blocked.length === 0) return <p>{t('crossBorder.blocked.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('crossBorder.blocked.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('crossBorder.blocked.attemptedAt')}</th>
            <th scope="col">{t('crossBorder.blocked.attemptedBy')}</th>
            <th scope="col">{t('crossBorder.blocked.source')}</th>
            <th scope="col">{t('crossBorder.blocked.destination')}</th>
            <th scope="col">{t('crossBorder.blocked.categories')}</th>
            <th scope="col">{t('crossBorder.blocked.rule')}</th>
          </tr>
        </thead>
        <tbody>
          {blocked.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{formatDateTime(entry.attemptedAt, i18n.language)}</th>
              <td>{entry.attemptedBy || t('crossBorder.blocked.system')}</td>
              <td>{t(`crossBorder.blocked.sources.${entry.source}`)}</td>
              <td>
                {t(`crossBorder.kinds.${entry.destination.kind}`)} –{' '}
                {countryLabel(entry.destination.country, i18n.language)}
              </td>
              <td>{entry.categories.join(', ')}</td>
              <td>{entry.rule}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
