/**
 * One case of the shared file (issue 4 scopes 2-4, 9): its state, legal basis and purposes, who
 * can see it, its participants and retention, its persons and information by category, the
 * workflow actions the reader may take now (the server's `allowedActions`), and its timeline.
 * What the reader sees is exactly what the server shows them: nothing is filtered here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../contracts/cases.js';
import { ApiError } from '../../app/api.js';
import { useAuth } from '../../app/auth.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { LinkedFilesSection } from '../interconnections/LinkedFilesSection.js';
import { AudienceSection } from './AudienceSection.js';
import { fetchCase } from './cases-api.js';
import { CaseFacts } from './CaseFacts.js';
import { type CaseView, CaseViewContext, organisationNames } from './case-view.js';
import { ItemsSection } from './items/ItemsSection.js';
import { MinimisationSection } from './minimisation/MinimisationSection.js';
import { ParticipantsSection } from './ParticipantsSection.js';
import { PaperPartsSection } from './paper-parts/PaperPartsSection.js';
import { PersonsSection } from './persons/PersonsSection.js';
import { RetentionSection } from './RetentionSection.js';
import { Timeline } from './Timeline.js';
import { TransferRequestSection } from './TransferRequestSection.js';
import { WorkflowSection } from './workflow/WorkflowSection.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; kase: CaseDetail }
  /** The reader's own action took the case out of its organisation's sight (a reviewer's signalling). */
  | { status: 'gone' };

const READ_ONLY_STATES: readonly CaseDetail['state'][] = ['closed', 'not_signalled', 'refused'];

export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { state } = useAuth();
  const organisationId = state.status === 'signed_in' ? state.session.organisationId : '';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const kase = await fetchCase(caseId, signal);
        setLoad({ status: 'ready', kase });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [caseId],
  );

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    setMessage(undefined);
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const kase = load.status === 'ready' ? load.kase : undefined;
  const view = useMemo<CaseView | undefined>(() => {
    if (!kase) return undefined;
    const names = organisationNames(kase);
    return {
      kase,
      organisationId,
      async changed(done: string) {
        try {
          setLoad({ status: 'ready', kase: await fetchCase(caseId) });
        } catch (error) {
          setLoad(
            error instanceof ApiError && error.status === 404
              ? { status: 'gone' }
              : { status: 'error', error },
          );
        }
        setMessage(done);
        // The form or button the user acted on may be gone: the outcome keeps the focus.
        statusRef.current?.focus();
      },
      nameOf: (id: string) => names.get(id) ?? id,
      can: (action) => kase.allowedActions.includes(action),
    };
  }, [kase, organisationId, caseId]);

  const secret = kase?.items.some((item) => item.secretOfInvestigation !== null && !item.erased) ?? false;
  return (
    <>
      {view ? (
        <PageHeading
          title={view.kase.title}
          documentTitle={`${t('casePage.documentTitle')} – ${t('app.documentTitle')}`}
        />
      ) : (
        <PageHeading title={t('casePage.documentTitle')} />
      )}
      <p>
        <Link to="/">{t('casePage.back')}</Link>
      </p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
        {load.status === 'gone' && <p>{t('casePage.gone')}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {view && (
        <CaseViewContext.Provider value={view}>
          {secret && (
            <p className="banner banner--secret" role="note">
              <strong>{t('casePage.secretBanner.title')}</strong> {t('casePage.secretBanner.text')}
            </p>
          )}
          {READ_ONLY_STATES.includes(view.kase.state) && (
            <p className="notice">
              {t(`casePage.readOnly.${view.kase.state as 'closed' | 'not_signalled' | 'refused'}`)}
            </p>
          )}
          <CaseFacts />
          <WorkflowSection />
          <AudienceSection />
          <ParticipantsSection />
          <RetentionSection />
          <PersonsSection />
          <ItemsSection />
          <MinimisationSection />
          <PaperPartsSection />
          <TransferRequestSection />
          <LinkedFilesSection />
          <Timeline />
        </CaseViewContext.Provider>
      )}
    </>
  );
}
