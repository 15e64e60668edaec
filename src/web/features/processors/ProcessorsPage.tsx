/**
 * The processor registry (issue 6 scope 7; L2007 art. 16 §1; SPEC PRC-01..PRC-07): the DPO's
 * controller's processors (the host's staff see the host's records of every controller), each with
 * its status; the record opened (`?record=<id>`, so that a link or the back button returns to it);
 * and, for the DPO, the form to record a processor. The server decides who sees and does what.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryLists } from '../../../contracts/cross-border.js';
import type { ProcessorRecord, ProcessorRecordList } from '../../../contracts/processors.js';
import { useAuth } from '../../app/auth.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { navigate, useLocation } from '../../app/router.js';
import { StatusBadge } from '../../app/StatusBadge.js';
import { countryLabel } from '../cross-border/countries.js';
import { fetchCountries } from '../cross-border/cross-border-api.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { ProcessorDetail } from './ProcessorDetail.js';
import { ProcessorForm } from './ProcessorForm.js';
import { ProcessorStatusBadge } from './ProcessorStatusView.js';
import { keepsProcessorRegistry } from './processor-roles.js';
import { fetchProcessorRecords } from './processors-api.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; list: ProcessorRecordList; countries: CountryLists };

export function ProcessorsPage() {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const session = state.status === 'signed_in' ? state.session : undefined;
  const { query } = useLocation();
  const selectedId = query.get('record') ?? undefined;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLHeadingElement>(null);
  const [focusDetail, setFocusDetail] = useState(false);

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      const [list, countries] = await Promise.all([fetchProcessorRecords(signal), fetchCountries(signal)]);
      setLoad({ status: 'ready', list, countries });
    } catch (error) {
      if (!signal?.aborted) setLoad({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  useEffect(() => {
    if (focusDetail && load.status === 'ready') {
      detailRef.current?.focus();
      setFocusDetail(false);
    }
  }, [focusDetail, load]);

  const changed = useCallback(
    async (done: string) => {
      await reload();
      setMessage(done);
      statusRef.current?.focus();
    },
    [reload],
  );

  const open = (record: ProcessorRecord) => {
    navigate(`/processors?record=${encodeURIComponent(record.id)}`);
    setFocusDetail(true);
  };

  const records = load.status === 'ready' ? load.list.records : [];
  const selected = records.find((record) => record.id === selectedId);
  const names = new Map(records.map((record) => [record.id, record.processor.name]));
  const operatorView = records.some((record) => record.controller.id !== session?.organisationId);
  return (
    <>
      <PageHeading title={t('processors.title')} />
      <p className="intro">{t('processors.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {load.status === 'ready' && (
        <>
          <section className="panel" aria-labelledby="processors-list">
            <h2 id="processors-list">{t('processors.list.title')}</h2>
            <p>
              {t('processors.list.overall')}{' '}
              <StatusBadge level={load.list.level} label={t(`processors.levels.${load.list.level}`)} />
            </p>
            {records.length === 0 ? (
              <p>{t('processors.list.none')}</p>
            ) : (
              <ScrollingTable caption={t('processors.list.caption')}>
                <thead>
                  <tr>
                    <th scope="col">{t('processors.record.name')}</th>
                    {operatorView && <th scope="col">{t('processors.record.controller')}</th>}
                    <th scope="col">{t('processors.record.role')}</th>
                    <th scope="col">{t('processors.record.country')}</th>
                    <th scope="col">{t('processors.list.status')}</th>
                    <th scope="col">{t('processors.list.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {records.map((record) => (
                    <tr key={record.id}>
                      <th scope="row">{record.processor.name}</th>
                      {operatorView && <td>{record.controller.legalName}</td>}
                      <td>
                        {t(`processors.roles.${record.role}`)}
                        {record.subProcessorOf && (
                          <>
                            <br />
                            {t('processors.list.engagedBy', {
                              name: names.get(record.subProcessorOf) ?? record.subProcessorOf,
                            })}
                          </>
                        )}
                      </td>
                      <td>{countryLabel(record.country, i18n.language)}</td>
                      <td>
                        <ProcessorStatusBadge status={record.status} />
                        {record.status.reasons.length > 0 && (
                          <ul className="plain-list">
                            {record.status.reasons.map((reason) => (
                              <li key={reason}>{t(`processors.reasons.${reason}`)}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-pressed={record.id === selectedId}
                          onClick={() => open(record)}
                        >
                          {t('processors.list.open', { name: record.processor.name })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollingTable>
            )}
          </section>
          {selectedId && !selected && <p className="notice">{t('processors.detail.notFound')}</p>}
          {selected && (
            <ProcessorDetail
              key={selected.id}
              record={selected}
              engagedBy={selected.subProcessorOf ? names.get(selected.subProcessorOf) : undefined}
              countries={load.countries}
              headingRef={detailRef}
              onChanged={changed}
            />
          )}
          {session && keepsProcessorRegistry(session) && (
            <section className="panel" aria-labelledby="processors-create">
              <h2 id="processors-create">{t('processors.create.title')}</h2>
              <p>{t('processors.create.intro')}</p>
              <ProcessorForm
                mode={{ kind: 'create', controllerOrganisationId: session.organisationId, records }}
                countries={load.countries}
                onSaved={async (record) => {
                  await changed(t('processors.create.done', { name: record.processor.name }));
                  navigate(`/processors?record=${encodeURIComponent(record.id)}`);
                }}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
