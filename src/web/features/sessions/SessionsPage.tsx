/**
 * "My sessions" (issue 3 scope 4, ASVS 5.0 V7.4.5): where the user is logged in, and a way to
 * end any of those sessions, or all of them at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionList, SessionSummary } from '../../../contracts/auth.js';
import { api } from '../../app/api.js';
import { useAuth } from '../../app/auth.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { PageHeading } from '../../app/PageHeading.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { formatDateTime } from '../../i18n/format.js';

type Load = { status: 'loading' } | { status: 'error' } | { status: 'ready'; sessions: SessionSummary[] };

/** The server names a device "Firefox on Linux": said again in the user's language. */
function useDeviceName(): (userAgent: string) => string {
  const { t } = useTranslation();
  return (userAgent) => {
    const match = /^(.+) on (.+)$/.exec(userAgent);
    if (match) return t('sessions.deviceName', { browser: match[1], system: match[2] });
    return userAgent === 'Unknown device' ? t('sessions.unknownDevice') : userAgent;
  };
}

export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { logoutEverywhere } = useAuth();
  const deviceName = useDeviceName();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      const list = await api<SessionList>('GET', '/api/sessions', signal ? { signal } : {});
      setLoad({ status: 'ready', sessions: list.sessions });
    } catch {
      if (!signal?.aborted) setLoad({ status: 'error' });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  /** Runs one action at a time; a failure is announced, a success by `done`. */
  async function act(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    setMessage(undefined);
    try {
      await action();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const endOther = (session: SessionSummary) =>
    act(async () => {
      await api<void>('DELETE', `/api/sessions/${encodeURIComponent(session.id)}`);
      await reload();
      setMessage(t('sessions.ended', { device: deviceName(session.userAgent) }));
      // Its row, and the button that had the focus, are gone: keep the focus on the outcome.
      statusRef.current?.focus();
    });

  const language = i18n.language;
  return (
    <>
      <PageHeading title={t('sessions.title')} />
      <p className="intro">{t('sessions.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('sessions.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ErrorAlert
        message={
          failure !== undefined
            ? problemText(t, failure)
            : load.status === 'error'
              ? t('sessions.error')
              : undefined
        }
        reference={problemReference(failure)}
      />
      {load.status === 'error' && (
        <button type="button" className="button" onClick={() => void reload()}>
          {t('common.retry')}
        </button>
      )}
      {load.status === 'ready' && (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('sessions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sessions.device')}</th>
                <th scope="col">{t('sessions.createdAt')}</th>
                <th scope="col">{t('sessions.lastSeenAt')}</th>
                <th scope="col">{t('sessions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {load.sessions.map((session) => {
                const device = deviceName(session.userAgent);
                const created = formatDateTime(session.createdAt, language);
                return (
                  <tr key={session.id}>
                    <th scope="row">
                      {device}
                      {session.current && <span className="badge">{t('sessions.current')}</span>}
                    </th>
                    <td>{created}</td>
                    <td>{formatDateTime(session.lastSeenAt, language)}</td>
                    <td>
                      {/* This session ends with "Log out" in the navigation. */}
                      {!session.current && (
                        <button
                          type="button"
                          className="button button--secondary"
                          aria-disabled={busy}
                          onClick={() => void endOther(session)}
                        >
                          {t('sessions.end')}
                          <span className="visually-hidden">
                            {t('sessions.endWhich', { device, created })}
                          </span>
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
      <section className="panel" aria-labelledby="logout-everywhere">
        <h2 id="logout-everywhere">{t('sessions.everywhere.title')}</h2>
        <p>{t('sessions.everywhere.intro')}</p>
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() => void act(logoutEverywhere)}
        >
          {t('sessions.everywhere.button')}
        </button>
      </section>
    </>
  );
}
