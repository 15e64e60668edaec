import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Version } from '../../../contracts/system.js';
import { useVersion } from './use-version.js';

function VersionFacts({ version }: { version: Version }) {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('home.version.application')}</dt>
      <dd>{version.version}</dd>
      <dt>{t('home.version.node')}</dt>
      <dd>{version.node}</dd>
      <dt>{t('home.version.database')}</dt>
      <dd>
        {t('home.version.databaseValue', {
          version: version.database.version,
          engine: t(`home.version.engine.${version.database.engine}`),
        })}
      </dd>
      <dt>{t('home.version.migrations')}</dt>
      <dd>
        {t('home.version.migrationsValue', {
          applied: version.migrations.applied,
          latest: version.migrations.latest,
        })}
      </dd>
    </dl>
  );
}

/** The version panel. Loading, error and result are announced through one polite live region. */
export function VersionInfo() {
  const { t } = useTranslation();
  const { state, retry } = useVersion();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onRetry = () => {
    // The retry button disappears while loading: keep keyboard focus in this section.
    headingRef.current?.focus();
    retry();
  };
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('home.version.title')}
      </h2>
      <div role="status">
        {state.status === 'loading' && <p>{t('home.version.loading')}</p>}
        {state.status === 'error' && <p className="error-message">{t('home.version.error')}</p>}
        {state.status === 'ready' && <VersionFacts version={state.version} />}
      </div>
      {state.status === 'error' && (
        <button type="button" className="button" onClick={onRetry}>
          {t('home.version.retry')}
        </button>
      )}
    </section>
  );
}
