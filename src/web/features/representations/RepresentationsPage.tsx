/**
 * Permanent representatives (bill art. 5; SPEC ROL-04, ROL-05): the designations the user's
 * authority made, holds or is represented by. A member of the authority designates one and ends
 * it; the representative accepts the undertaking of art. 5 al. 2, after which it is active.
 * Who may do what is the server's decision: the page offers what fits the user's part.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Representation } from '../../../contracts/representation.js';
import type { UndertakingToAccept } from '../../../contracts/undertakings.js';
import { useAuth } from '../../app/auth.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { PageHeading } from '../../app/PageHeading.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { isLanguage, type Language } from '../../i18n/index.js';
import { fetchUndertakingStatus } from '../undertaking/undertaking-api.js';
import { DesignationForm } from './DesignationForm.js';
import { brusselsToday, representationStatus } from './representation-status.js';
import { acceptRepresentation, endRepresentation, fetchRepresentations } from './representations-api.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; representations: Representation[]; undertaking: UndertakingToAccept | undefined };

/** Roles with which a member acts for its authority (bill art. 5 al. 1); the server checks them. */
const DESIGNATING_ROLES = new Set(['organiser', 'participant', 'prosecutor']);

export function RepresentationsPage() {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const session = state.status === 'signed_in' ? state.session : undefined;
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [representations, status] = await Promise.all([
          fetchRepresentations(signal),
          fetchUndertakingStatus(language, signal),
        ]);
        const undertaking = status.undertakings.find((item) => item.kind === 'representative');
        setLoad({ status: 'ready', representations, undertaking });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [language],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  /** One action at a time; its outcome is announced and keeps the focus (the button may be gone). */
  async function act(action: () => Promise<string>) {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    setMessage(undefined);
    try {
      const done = await action();
      await reload();
      setMessage(done);
      statusRef.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const me = session?.userId;
  const person = (id: string): string => (id === me ? t('representations.you') : id);
  const authority = (id: string): string =>
    id === session?.organisationId ? t('representations.yourOrganisation') : id;
  const period = (item: Representation): string =>
    t('representations.periodValue', {
      from: formatDate(item.validFrom, language),
      to: formatDate(item.validTo, language),
    });

  const today = brusselsToday();
  const ready = load.status === 'ready' ? load : undefined;
  const undertaking = ready?.undertaking;
  const toAccept =
    ready?.representations.filter(
      (item) =>
        item.representativeId === me &&
        item.undertakingAcceptedAt === null &&
        representationStatus(item, today) !== 'ended',
    ) ?? [];
  const designates = session?.roles.some((role) => DESIGNATING_ROLES.has(role)) ?? false;

  return (
    <>
      <PageHeading title={t('representations.title')} />
      <p className="intro">{t('representations.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('representations.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ErrorAlert
        message={
          failure !== undefined
            ? problemText(t, failure)
            : load.status === 'error'
              ? t('representations.error')
              : undefined
        }
        reference={problemReference(failure ?? (load.status === 'error' ? load.error : undefined))}
      />
      {load.status === 'error' && (
        <button type="button" className="button" onClick={() => void reload()}>
          {t('common.retry')}
        </button>
      )}
      {ready && ready.representations.length === 0 && <p>{t('representations.none')}</p>}
      {ready && ready.representations.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('representations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('representations.representative')}</th>
                <th scope="col">{t('representations.authority')}</th>
                <th scope="col">{t('representations.period')}</th>
                <th scope="col">{t('representations.status')}</th>
                <th scope="col">{t('representations.undertaking')}</th>
                <th scope="col">{t('representations.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {ready.representations.map((item) => {
                const status = representationStatus(item, today);
                const which = t('representations.which', {
                  representative: person(item.representativeId),
                  period: period(item),
                });
                return (
                  <tr key={item.id}>
                    <th scope="row">{person(item.representativeId)}</th>
                    <td>{authority(item.authorityId)}</td>
                    <td>{period(item)}</td>
                    <td>
                      {status === 'ended' && item.endedAt
                        ? t('representations.statuses.endedAt', {
                            date: formatDateTime(item.endedAt, language),
                          })
                        : t(`representations.statuses.${status}`)}
                    </td>
                    <td>
                      {item.undertakingAcceptedAt
                        ? t('representations.acceptedAt', {
                            date: formatDateTime(item.undertakingAcceptedAt, language),
                          })
                        : t('representations.notAccepted')}
                    </td>
                    <td>
                      {item.authorityId === session?.organisationId && designates && status !== 'ended' && (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-disabled={busy}
                          onClick={() =>
                            void act(async () => {
                              await endRepresentation(item.id);
                              return t('representations.ended', { which });
                            })
                          }
                        >
                          {t('representations.end')}
                          <span className="visually-hidden">{which}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {toAccept.length > 0 && (
        <section className="panel undertaking" aria-labelledby="representative-undertaking">
          <h2 id="representative-undertaking">{t('undertaking.kinds.representative')}</h2>
          {undertaking ? (
            <>
              <div className="undertaking__text" lang={undertaking.language}>
                {undertaking.text.split(/\n{2,}/).map((paragraph, index) => (
                  // Paragraphs of a published version never change: the index is a stable key.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <p key={index}>{paragraph}</p>
                ))}
              </div>
              {toAccept.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  className="button"
                  aria-disabled={busy}
                  onClick={() =>
                    void act(async () => {
                      await acceptRepresentation(item.id, undertaking.versionId, undertaking.language);
                      return t('representations.accepted');
                    })
                  }
                >
                  {t('representations.accept', {
                    authority: authority(item.authorityId),
                    period: period(item),
                  })}
                </button>
              ))}
            </>
          ) : (
            <p className="notice">{t('representations.noUndertaking')}</p>
          )}
        </section>
      )}
      {designates && session && (
        <DesignationForm
          ownUserId={session.userId}
          onDesignated={async () => {
            await reload();
            setFailure(undefined);
            setMessage(t('representations.designated'));
            statusRef.current?.focus();
          }}
        />
      )}
    </>
  );
}
