/**
 * One consultation (issue 4 scope 5; SPEC WFL-07..10): its agenda of cases (only those the
 * reader's organisation may see, WFL-09), the attendance ("representing X" for a permanent
 * representative), and per agenda item the minutes, decisions and follow-up actions. The
 * organiser opens it (refused until every case has its maximum retention agreed, bill art. 3 §1),
 * keeps the minutes, records decisions, assigns actions, and closes it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consultation } from '../../../contracts/consultations.js';
import { useAuth } from '../../app/auth.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { AgendaItemSection } from './AgendaItemSection.js';
import { AttendanceSection } from './AttendanceSection.js';
import { closeConsultation, fetchConsultation, openConsultation } from './consultations-api.js';
import { type ConsultationView, ConsultationViewContext, useConsultationView } from './consultation-view.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; consultation: Consultation };

function OrganiserControls() {
  const { t } = useTranslation();
  const { consultation, changed } = useConsultationView();
  const { busy, failure, run } = useAction();
  if (!consultation.canOrganise || consultation.state === 'closed') return null;
  const act = (action: () => Promise<unknown>, done: string) =>
    run(async () => {
      await action();
      await changed(done);
    });
  return (
    <section className="panel" aria-labelledby="consultation-controls">
      <h2 id="consultation-controls">{t('consultation.controls.title')}</h2>
      <ProblemAlert failure={failure} />
      {consultation.state === 'scheduled' ? (
        <>
          <p>{t('consultation.controls.openIntro')}</p>
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() =>
              void act(() => openConsultation(consultation.id), t('consultation.controls.opened'))
            }
          >
            {t('consultation.controls.open')}
          </button>
        </>
      ) : (
        <>
          <p>{t('consultation.controls.closeIntro')}</p>
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() =>
              void act(() => closeConsultation(consultation.id), t('consultation.controls.closed'))
            }
          >
            {t('consultation.controls.close')}
          </button>
        </>
      )}
    </section>
  );
}

export function ConsultationPage({ consultationId }: { consultationId: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const session = state.status === 'signed_in' ? state.session : undefined;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setLoad({ status: 'ready', consultation: await fetchConsultation(consultationId, signal) });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [consultationId],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const consultation = load.status === 'ready' ? load.consultation : undefined;
  const view = useMemo<ConsultationView | undefined>(
    () =>
      consultation && {
        consultation,
        userId: session?.userId ?? '',
        organisationId: session?.organisationId ?? '',
        roles: session?.roles ?? [],
        async changed(done: string) {
          await reload();
          setMessage(done);
          statusRef.current?.focus();
        },
      },
    [consultation, session, reload],
  );

  const title = consultation
    ? t('consultation.title', { date: formatDateTime(consultation.scheduledFor, i18n.language) })
    : t('consultation.documentTitle');
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link to="/">{t('casePage.back')}</Link>
      </p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {view && (
        <ConsultationViewContext.Provider value={view}>
          <section className="panel" aria-labelledby="consultation-facts">
            <h2 id="consultation-facts">{t('consultation.facts.title')}</h2>
            <dl className="facts">
              <dt>{t('consultation.facts.framework')}</dt>
              <dd>{view.consultation.framework.name}</dd>
              <dt>{t('consultation.facts.organiser')}</dt>
              <dd>{view.consultation.organiser.legalName}</dd>
              <dt>{t('consultation.facts.state')}</dt>
              <dd>
                <span className="state">{t(`consultationStates.${view.consultation.state}`)}</span>
              </dd>
              {view.consultation.openedAt && (
                <>
                  <dt>{t('consultation.facts.openedAt')}</dt>
                  <dd>{formatDateTime(view.consultation.openedAt, i18n.language)}</dd>
                </>
              )}
              {view.consultation.closedAt && (
                <>
                  <dt>{t('consultation.facts.closedAt')}</dt>
                  <dd>{formatDateTime(view.consultation.closedAt, i18n.language)}</dd>
                </>
              )}
            </dl>
          </section>
          <OrganiserControls />
          <AttendanceSection />
          <section className="panel" aria-labelledby="consultation-agenda">
            <h2 id="consultation-agenda">{t('consultation.agenda.title')}</h2>
            {view.consultation.agenda.length === 0 && <p>{t('consultation.agenda.none')}</p>}
            {view.consultation.agenda.map((item) => (
              <AgendaItemSection key={item.caseId} item={item} />
            ))}
          </section>
        </ConsultationViewContext.Provider>
      )}
    </>
  );
}
