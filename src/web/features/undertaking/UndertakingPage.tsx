/**
 * The secrecy undertaking (CP art. 458ter §2, SPEC ROL-07) and the controller's awareness
 * module (L2007 art. 16 §2 3°, SEC-09): each text in the user's language, accepted with its
 * version and language (the server stores the time). A new version shows here again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UndertakingStatus, UndertakingToAccept } from '../../../contracts/undertakings.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { PageHeading } from '../../app/PageHeading.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { Link, useLocation } from '../../app/router.js';
import { safeNext } from '../../app/safe-next.js';
import { formatDate } from '../../i18n/format.js';
import { isLanguage, type Language } from '../../i18n/index.js';
import { acceptUndertaking, fetchUndertakingStatus } from './undertaking-api.js';
import { useUndertakingGate } from './undertaking-gate.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: UndertakingStatus };

function UndertakingText({ item }: { item: UndertakingToAccept }) {
  return (
    // The text is in the language asked for; `lang` lets a screen reader pronounce it right.
    <div className="undertaking__text" lang={item.language}>
      {item.text.split(/\n{2,}/).map((paragraph, index) => (
        // Paragraphs of a published version never change: the index is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <p key={index}>{paragraph}</p>
      ))}
    </div>
  );
}

export function UndertakingPage() {
  const { t, i18n } = useTranslation();
  const gate = useUndertakingGate();
  const next = safeNext(useLocation().query.get('next'));
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [recorded, setRecorded] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const data = await fetchUndertakingStatus(language, signal);
        setLoad({ status: 'ready', data });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [language],
  );

  // The texts follow the interface language.
  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  async function accept(item: UndertakingToAccept) {
    if (busy) return;
    setBusy(item.versionId);
    setFailure(undefined);
    try {
      await acceptUndertaking(item.versionId, item.language);
      await Promise.all([reload(), gate.refresh()]);
      setRecorded(true);
      // The accepted text leaves the page: keep the keyboard focus on its confirmation.
      statusRef.current?.focus();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(undefined);
    }
  }

  const data = load.status === 'ready' ? load.data : undefined;
  const due = data?.undertakings.filter((item) => item.mustAccept) ?? [];
  const done = data?.undertakings.filter((item) => !item.mustAccept) ?? [];

  return (
    <>
      <PageHeading title={t('undertaking.title')} />
      <p className="intro">{t('undertaking.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('undertaking.loading')}</p>}
        {recorded && <p className="notice">{t('undertaking.recorded')}</p>}
      </div>
      <ErrorAlert
        message={
          failure !== undefined
            ? problemText(t, failure)
            : load.status === 'error'
              ? t('undertaking.error')
              : undefined
        }
        reference={problemReference(failure ?? (load.status === 'error' ? load.error : undefined))}
      />
      {load.status === 'error' && (
        <button type="button" className="button" onClick={() => void reload()}>
          {t('common.retry')}
        </button>
      )}
      {due.map((item) => (
        <section key={item.versionId} className="panel undertaking" aria-labelledby={`u-${item.versionId}`}>
          <h2 id={`u-${item.versionId}`}>{t(`undertaking.kinds.${item.kind}`)}</h2>
          <p className="undertaking__version">
            {t('undertaking.version', {
              version: item.version,
              date: formatDate(item.publishedAt, language),
            })}
          </p>
          <UndertakingText item={item} />
          <button
            type="button"
            className="button"
            aria-disabled={busy !== undefined}
            onClick={() => void accept(item)}
          >
            {item.kind === 'consultation_secrecy'
              ? t('undertaking.accept.consultation_secrecy')
              : t('undertaking.accept.controller_awareness')}
          </button>
        </section>
      ))}
      {data?.mustAccept && due.length === 0 && <p className="notice">{t('undertaking.nonePublished')}</p>}
      {data && !data.mustAccept && (
        <div className="panel">
          <p>{t('undertaking.allDone')}</p>
          <Link to={next} className="button">
            {t('undertaking.continue')}
          </Link>
        </div>
      )}
      {done.map((item) => (
        <section key={item.versionId} className="panel undertaking" aria-labelledby={`u-${item.versionId}`}>
          <h2 id={`u-${item.versionId}`}>{t(`undertaking.kinds.${item.kind}`)}</h2>
          <p className="undertaking__version">
            {item.acceptedAt
              ? t('undertaking.accepted', { date: formatDate(item.acceptedAt, language) })
              : t('undertaking.representativeNote')}
          </p>
          <details>
            <summary>{t('undertaking.showText')}</summary>
            <UndertakingText item={item} />
          </details>
        </section>
      ))}
    </>
  );
}
