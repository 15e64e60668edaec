/**
 * The transfer-request inbox (bill art. 4; issue 4 scopes 6, 9): the requests for my
 * organisation's items, which I agree to or not item by item, and my organisation's own
 * requests, which it attests and exports once agreed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferList } from '../../../contracts/transfers.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { MyTransfer } from './MyTransfer.js';
import { TransferToDecide } from './TransferToDecide.js';
import { fetchTransfers } from './transfers-api.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; list: TransferList };

export function TransfersPage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      setLoad({ status: 'ready', list: await fetchTransfers(signal) });
    } catch (error) {
      if (!signal?.aborted) setLoad({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const changed = useCallback(
    async (done: string) => {
      await reload();
      setMessage(done);
      statusRef.current?.focus();
    },
    [reload],
  );

  const list = load.status === 'ready' ? load.list : undefined;
  return (
    <>
      <PageHeading title={t('transfers.title')} />
      <p className="intro">{t('transfers.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {list && (
        <>
          <section className="panel" aria-labelledby="transfers-to-decide">
            <h2 id="transfers-to-decide">{t('transfers.toDecide.title')}</h2>
            <p>{t('transfers.toDecide.intro')}</p>
            {list.toDecide.length === 0 ? (
              <p>{t('transfers.toDecide.none')}</p>
            ) : (
              list.toDecide.map((transfer) => (
                <TransferToDecide key={transfer.id} transfer={transfer} onChanged={changed} />
              ))
            )}
          </section>
          <section className="panel" aria-labelledby="transfers-requested">
            <h2 id="transfers-requested">{t('transfers.requested.title')}</h2>
            {list.requested.length === 0 ? (
              <p>{t('transfers.requested.none')}</p>
            ) : (
              list.requested.map((transfer) => (
                <MyTransfer key={transfer.id} transfer={transfer} onChanged={changed} />
              ))
            )}
          </section>
        </>
      )}
    </>
  );
}
