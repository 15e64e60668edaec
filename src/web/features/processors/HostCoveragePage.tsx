/**
 * The operator's view of the host's processor records (SPEC PRC-01, PRC-06; bill art. 3 §1 al. 2:
 * hosting the shared file makes the host a processor of each participant, never a participant):
 * each controller of the instance and the host's record for it, approved or awaiting its DPO, and
 * for a controller without one the proposal of the host's record. A controller whose host record is
 * not approved cannot be activated (PRC-01).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryLists } from '../../../contracts/cross-border.js';
import type { HostCoverage } from '../../../contracts/processors.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { StatusBadge } from '../../app/StatusBadge.js';
import { fetchCountries } from '../cross-border/cross-border-api.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { ProcessorForm } from './ProcessorForm.js';
import { fetchHostCoverage } from './processors-api.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; coverage: HostCoverage; countries: CountryLists };

type Controller = HostCoverage['controllers'][number]['controller'];

export function HostCoveragePage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [proposing, setProposing] = useState<Controller>();
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      const [coverage, countries] = await Promise.all([fetchHostCoverage(signal), fetchCountries(signal)]);
      setLoad({ status: 'ready', coverage, countries });
    } catch (error) {
      if (!signal?.aborted) setLoad({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  return (
    <>
      <PageHeading title={t('processors.coverage.title')} />
      <p className="intro">{t('processors.coverage.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {load.status === 'ready' && (
        <>
          <section className="panel" aria-labelledby="host-coverage-list">
            <h2 id="host-coverage-list">
              {load.coverage.host
                ? t('processors.coverage.host', { name: load.coverage.host.legalName })
                : t('processors.coverage.noHost')}
            </h2>
            {load.coverage.controllers.length === 0 ? (
              <p>{t('processors.coverage.none')}</p>
            ) : (
              <ScrollingTable caption={t('processors.coverage.caption')}>
                <thead>
                  <tr>
                    <th scope="col">{t('processors.record.controller')}</th>
                    <th scope="col">{t('processors.coverage.hostRecord')}</th>
                    <th scope="col">{t('processors.list.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {load.coverage.controllers.map(({ controller, hostRecord }) => (
                    <tr key={controller.id}>
                      <th scope="row">{controller.legalName}</th>
                      <td>
                        {hostRecord ? (
                          <>
                            <StatusBadge
                              level={hostRecord.level}
                              label={t(`processors.levels.${hostRecord.level}`)}
                            />{' '}
                            {t(
                              hostRecord.approved
                                ? 'processors.coverage.approved'
                                : 'processors.coverage.awaiting',
                            )}
                          </>
                        ) : (
                          <strong className="badge badge--red">{t('processors.coverage.missing')}</strong>
                        )}
                      </td>
                      <td>
                        {hostRecord ? (
                          <Link to={`/processors?record=${encodeURIComponent(hostRecord.id)}`}>
                            {t('processors.coverage.open')}
                            <span className="visually-hidden">: {controller.legalName}</span>
                          </Link>
                        ) : (
                          <button
                            type="button"
                            className="button button--secondary"
                            aria-pressed={proposing?.id === controller.id}
                            onClick={() => setProposing(controller)}
                          >
                            {t('processors.coverage.propose')}
                            <span className="visually-hidden">: {controller.legalName}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollingTable>
            )}
          </section>
          {proposing && (
            <section className="panel" aria-labelledby="host-coverage-propose">
              <h2 id="host-coverage-propose">
                {t('processors.coverage.proposeTitle', { name: proposing.legalName })}
              </h2>
              <p>{t('processors.coverage.proposeIntro')}</p>
              <ProcessorForm
                key={proposing.id}
                mode={{ kind: 'create', controllerOrganisationId: proposing.id, records: [], role: 'host' }}
                countries={load.countries}
                onSaved={async () => {
                  const name = proposing.legalName;
                  setProposing(undefined);
                  await reload();
                  setMessage(t('processors.coverage.proposed', { name }));
                  statusRef.current?.focus();
                }}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
