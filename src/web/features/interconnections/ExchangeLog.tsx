/**
 * The per-transaction log of an interconnection (SPEC INT-02, SEC-05), newest first: when, who sent
 * it in the connected system, accepted or refused and why, the counts per category and the names
 * of the fields dropped for not being mapped, never a value.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Exchange } from '../../../contracts/interconnections.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { formatDateTime } from '../../i18n/format.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { fetchExchanges } from './interconnections-api.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; exchanges: Exchange[] };

export function ExchangeLog({ interconnectionId, name }: { interconnectionId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchExchanges(interconnectionId, controller.signal).then(
      ({ exchanges }) => setLoad({ status: 'ready', exchanges }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [interconnectionId]);

  return (
    <>
      <h3>{t('interconnections.exchanges.title')}</h3>
      {load.status === 'loading' && <p>{t('common.loading')}</p>}
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {load.status === 'ready' &&
        (load.exchanges.length === 0 ? (
          <p>{t('interconnections.exchanges.none')}</p>
        ) : (
          <ScrollingTable caption={t('interconnections.exchanges.caption', { name })}>
            <thead>
              <tr>
                <th scope="col">{t('interconnections.exchanges.receivedAt')}</th>
                <th scope="col">{t('interconnections.exchanges.sentBy')}</th>
                <th scope="col">{t('interconnections.exchanges.outcome')}</th>
                <th scope="col">{t('interconnections.exchanges.counts')}</th>
                <th scope="col">{t('interconnections.exchanges.dropped')}</th>
              </tr>
            </thead>
            <tbody>
              {load.exchanges.map((exchange) => (
                <tr key={exchange.id}>
                  <th scope="row">{formatDateTime(exchange.receivedAt, i18n.language)}</th>
                  <td>{exchange.sentBy}</td>
                  <td>
                    {t(`interconnections.exchanges.outcomes.${exchange.outcome}`)}
                    {exchange.reason && `: ${exchange.reason}`}
                  </td>
                  <td>
                    {t('interconnections.exchanges.countsValue', {
                      records: exchange.records,
                      items: exchange.items,
                      matched: exchange.matchedPersons,
                    })}
                    {Object.keys(exchange.categories).length > 0 && (
                      <ul className="plain-list">
                        {Object.entries(exchange.categories).map(([category, count]) => (
                          <li key={category}>
                            <span className="code">{category}</span>: {count}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {exchange.droppedFields.length === 0 ? (
                      t('interconnections.exchanges.noneDropped')
                    ) : (
                      <ul className="plain-list">
                        {exchange.droppedFields.map((field) => (
                          <li key={field} className="code">
                            {field}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        ))}
    </>
  );
}
