/**
 * The register of connections between file environments (issue 6 scope 6; bill Comm. art. 2; L1992
 * arts 21 and 39 11°; SPEC INT-01..INT-03, PEN-12): the interconnections the DPO's organisation is a
 * party to, with their state; the one opened (`?interconnection=<id>`); its export for the
 * supervisory authority as JSON or PDF; and the registration of a new one. No exchange happens
 * with one that is not registered, approved by every party and switched on.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interconnection, RegistrationOptions } from '../../../contracts/interconnections.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { navigate, useLocation } from '../../app/router.js';
import { saveFile } from '../../app/save-file.js';
import { useAction } from '../../app/use-action.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { InterconnectionDetail } from './InterconnectionDetail.js';
import { downloadRegister, fetchInterconnections, fetchRegistrationOptions } from './interconnections-api.js';
import { RegistrationForm } from './RegistrationForm.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; interconnections: Interconnection[]; options: RegistrationOptions };

export function InterconnectionsPage() {
  const { t, i18n } = useTranslation();
  const { query } = useLocation();
  const selectedId = query.get('interconnection') ?? undefined;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLHeadingElement>(null);
  const [focusDetail, setFocusDetail] = useState(false);
  const exporting = useAction();

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      const [{ interconnections }, options] = await Promise.all([
        fetchInterconnections(signal),
        fetchRegistrationOptions(signal),
      ]);
      setLoad({ status: 'ready', interconnections, options });
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

  const open = (interconnection: Interconnection) => {
    navigate(`/interconnections?interconnection=${encodeURIComponent(interconnection.id)}`);
    setFocusDetail(true);
  };

  const exportRegister = (format: 'json' | 'pdf') =>
    exporting.run(async () => {
      const file = await downloadRegister(format, i18n.language);
      saveFile(file.blob, file.filename ?? `interconnection-register.${format}`);
      setMessage(t('interconnections.export.done'));
    });

  const interconnections = load.status === 'ready' ? load.interconnections : [];
  const selected = interconnections.find((interconnection) => interconnection.id === selectedId);
  return (
    <>
      <PageHeading title={t('interconnections.title')} />
      <p className="intro">{t('interconnections.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {load.status === 'ready' && (
        <>
          <section className="panel" aria-labelledby="interconnections-list">
            <h2 id="interconnections-list">{t('interconnections.list.title')}</h2>
            {interconnections.length === 0 ? (
              <p>{t('interconnections.list.none')}</p>
            ) : (
              <ScrollingTable caption={t('interconnections.list.caption')}>
                <thead>
                  <tr>
                    <th scope="col">{t('interconnections.list.name')}</th>
                    <th scope="col">{t('interconnections.record.system')}</th>
                    <th scope="col">{t('interconnections.record.framework')}</th>
                    <th scope="col">{t('interconnections.list.state')}</th>
                    <th scope="col">{t('interconnections.list.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {interconnections.map((interconnection) => (
                    <tr key={interconnection.id}>
                      <th scope="row">{interconnection.name}</th>
                      <td>
                        {interconnection.counterpart.system} – {interconnection.counterpart.operator}
                      </td>
                      <td>{interconnection.framework.name}</td>
                      <td>{t(`interconnections.states.${interconnection.state}`)}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-pressed={interconnection.id === selectedId}
                          onClick={() => open(interconnection)}
                        >
                          {t('interconnections.list.open', { name: interconnection.name })}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </ScrollingTable>
            )}
            <h3>{t('interconnections.export.title')}</h3>
            <p>{t('interconnections.export.intro')}</p>
            <ProblemAlert failure={exporting.failure} />
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={exporting.busy}
                onClick={() => void exportRegister('json')}
              >
                {t('interconnections.export.json')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={exporting.busy}
                onClick={() => void exportRegister('pdf')}
              >
                {t('interconnections.export.pdf')}
              </button>
            </div>
          </section>
          {selectedId && !selected && <p className="notice">{t('interconnections.detail.notFound')}</p>}
          {selected && (
            <InterconnectionDetail
              key={selected.id}
              interconnection={selected}
              headingRef={detailRef}
              onChanged={changed}
            />
          )}
          <section className="panel" aria-labelledby="interconnections-register">
            <h2 id="interconnections-register">{t('interconnections.form.title')}</h2>
            <p>{t('interconnections.form.intro')}</p>
            <RegistrationForm
              options={load.options}
              onRegistered={async (registered) => {
                await changed(t('interconnections.form.done', { name: registered.name }));
                navigate(`/interconnections?interconnection=${encodeURIComponent(registered.id)}`);
              }}
            />
          </section>
        </>
      )}
    </>
  );
}
