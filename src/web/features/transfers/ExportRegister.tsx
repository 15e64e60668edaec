/**
 * The export register of a transfer (bill art. 4 al. 4; SPEC FIL-07, FIL-08, TRF-01): each export
 * with its time, format, author, item count, the country of the own file it went to and its
 * fingerprint, and each change of its items since (rectified, erased, blocked, contested) with the
 * requester's acknowledgement: pending, or by whom and when.
 */
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../contracts/transfers.js';
import { formatDateTime } from '../../i18n/format.js';
import { countryLabel } from '../cross-border/countries.js';

type Change = Transfer['exports'][number]['changes'][number];

function ChangeLine({ change, category }: { change: Change; category: string | undefined }) {
  const { t, i18n } = useTranslation();
  const when = (at: string) => formatDateTime(at, i18n.language);
  return (
    <li>
      {category && <span className="code">{category}</span>}{' '}
      {t('transfers.register.change', {
        change: t(`exportedItemChanges.${change.change}`),
        date: when(change.changedAt),
      })}
      {' – '}
      {change.acknowledged ? (
        t('transfers.register.acknowledged', {
          name: change.acknowledged.by,
          date: when(change.acknowledged.at),
        })
      ) : (
        <strong>{t('transfers.register.pending')}</strong>
      )}
    </li>
  );
}

export function ExportRegister({ transfer }: { transfer: Transfer }) {
  const { t, i18n } = useTranslation();
  if (transfer.exports.length === 0) return null;
  const categories = new Map(transfer.items.map((item) => [item.itemId, item.category]));
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('transfers.register.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('transfers.register.exportedAt')}</th>
            <th scope="col">{t('transfers.register.format')}</th>
            <th scope="col">{t('transfers.register.exportedBy')}</th>
            <th scope="col">{t('transfers.register.items')}</th>
            <th scope="col">{t('transfers.register.destinationCountry')}</th>
            <th scope="col">{t('transfers.register.sha256')}</th>
            <th scope="col">{t('transfers.register.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {transfer.exports.map((entry) => (
            <tr key={entry.id}>
              <th scope="row">{formatDateTime(entry.exportedAt, i18n.language)}</th>
              <td>{entry.format.toUpperCase()}</td>
              <td>{entry.exportedBy}</td>
              <td>{entry.itemCount}</td>
              <td>
                {entry.destinationCountry
                  ? countryLabel(entry.destinationCountry, i18n.language)
                  : t('transfers.register.countryUnknown')}
              </td>
              <td className="hash">{entry.sha256}</td>
              <td>
                {entry.changes.length === 0 ? (
                  t('transfers.register.noChanges')
                ) : (
                  <ul className="plain-list">
                    {entry.changes.map((change) => (
                      <ChangeLine
                        key={`${change.itemId}-${change.change}-${change.changedAt}`}
                        change={change}
                        category={categories.get(change.itemId)}
                      />
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
