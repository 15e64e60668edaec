/**
 * The public register page (L2007/L1992 art. 18; SPEC DCL-24): without login, anyone reads the
 * §3 information of every processing declared in Concerto and still running, as last submitted,
 * with its identification number, and downloads each entry as a PDF. No personal data: the
 * generator puts no DPO, user or person in the content.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicRegister, PublicRegisterEntry } from '../../../contracts/declarations.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { usePageData } from '../../app/use-page-data.js';
import { formatDate } from '../../i18n/format.js';
import { ContentPreview } from './ContentPreview.js';
import { fetchPublicRegister, publicEntryPdfPath } from './declarations-api.js';

type Load = { status: 'ready'; register: PublicRegister } | { status: 'error'; error: unknown };

const entryName = (entry: PublicRegisterEntry): string =>
  entry.content.sections.name.processings.map((processing) => processing[entry.content.language]).join(', ');

export function PublicRegisterPage() {
  const { t, i18n } = useTranslation();
  const load = useCallback(async (signal?: AbortSignal): Promise<Load> => {
    try {
      return { status: 'ready', register: await fetchPublicRegister(signal) };
    } catch (error) {
      return { status: 'error', error };
    }
  }, []);
  const { data } = usePageData(load);
  const x = 'publicRegister';
  return (
    <>
      <PageHeading title={t(`${x}.title`)} />
      <p className="intro">{t(`${x}.intro`)}</p>
      <div role="status">{data === undefined && <p>{t('common.loading')}</p>}</div>
      <ProblemAlert failure={data?.status === 'error' ? data.error : undefined} />
      {data?.status === 'ready' && data.register.entries.length === 0 && <p>{t(`${x}.none`)}</p>}
      {data?.status === 'ready' &&
        data.register.entries.map((entry) => {
          const name = entryName(entry);
          const headingId = `register-entry-${entry.declarationId}`;
          return (
            <article key={entry.declarationId} className="panel" aria-labelledby={headingId}>
              <h2 id={headingId}>{name}</h2>
              <dl className="facts">
                <dt>{t(`${x}.registerNumber`)}</dt>
                <dd>{entry.registerNumber ?? t(`${x}.noRegisterNumber`)}</dd>
                <dt>{t(`${x}.lastSubmittedOn`)}</dt>
                <dd>{formatDate(entry.lastSubmittedOn, i18n.language)}</dd>
                <dt>{t(`${x}.mode`)}</dt>
                <dd>
                  {t(`declarations.modes.${entry.mode}`)}
                  {entry.sectoralCommittee &&
                    ` – ${entry.sectoralCommittee.committee} (${entry.sectoralCommittee.authorisationReference})`}
                  {entry.royalDecreeExemption && ` – ${entry.royalDecreeExemption}`}
                </dd>
              </dl>
              <p>
                <a
                  className="button button--secondary"
                  href={publicEntryPdfPath(entry.declarationId)}
                  download
                >
                  {t(`${x}.pdf`, { name })}
                </a>
              </p>
              <ContentPreview content={entry.content} headingLevel={3} />
            </article>
          );
        })}
    </>
  );
}
