/**
 * The prosecutor's desk (issue 5 scope 11): the police drafts the office reviews, the requests of
 * persons concerned sent to it (bill art. 7 al. 2, answered on the rights desk), its restrictions
 * of rights (bill art. 7) and its list of the persons who were the subject of a consultation it
 * authorised (bill art. 8). What it shows is what the server gives the office.
 */
import type { ReactNode, } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import { usePageData } from '../../app/use-page-data.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { formatDate } from '../../i18n/format.js';
import { CasesTable } from '../dashboard/CasesTable.js';
import type { Part } from '../dashboard/dashboard-api.js';
import { authorisedCases } from './authorised-cases.js';
import { type DeskData, fetchDesk } from './desk-data.js';
import { filesToReview } from './files-to-review.js';
import type { LookupLink } from './LookupForm.js';
import { OfficeRequests } from './OfficeRequests.js';
import { ProsecutorListSection } from './ProsecutorListSection.js';
import { RestrictionsSection } from './RestrictionsSection.js';

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>{intro}</p>
      {children}
    </section>
  );
}

function Loaded<T>({ part, children }: { part: Part<T>; children(value: T): ReactNode }) {
  return part.ok ? children(part.value) : <ProblemAlert failure={part.error} />;
}

export function ProsecutorDeskPage() {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const officeId = state.status === 'signed_in' ? state.session.organisationId : '';
  const { data, changed, message, statusRef } = usePageData<DeskData>(fetchDesk);

  const cases = data?.cases.ok ? data.cases.value : [];
  const titles = new Map(cases.map((kase) => [kase.id, kase.title]));
  // LST-02: a lookup serves one of the office's restrictions or one of the requests sent to it.
  const links: LookupLink[] = [
    ...(data?.restrictions.ok ? data.restrictions.value : []).map((restriction) => ({
      value: `restriction:${restriction.id}`,
      label: t('prosecutor.lookup.forRestriction', {
        case: titles.get(restriction.caseId) ?? restriction.caseId,
        date: formatDate(restriction.startsOn, i18n.language),
      }),
    })),
    // One option per request, though the office may hold several of its parts.
    ...[
      ...new Map(
        (data?.requests.ok ? data.requests.value : []).map((part) => [part.requestId, part]),
      ).values(),
    ].map((part) => ({
      value: `request:${part.requestId}`,
      label: t('prosecutor.lookup.forRequest', {
        name: part.requesterName,
        kind: t(`rights.kinds.${part.kind}`),
        date: formatDate(part.receivedAt, i18n.language),
      }),
    })),
  ];

  return (
    <>
      <PageHeading title={t('prosecutor.title')} />
      <p className="intro">{t('prosecutor.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {data === undefined && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      {data && (
        <>
          <Section
            id="desk-reviews"
            title={t('prosecutor.reviews.title')}
            intro={t('prosecutor.reviews.intro')}
          >
            <Loaded part={data.cases}>
              {(all) => {
                const toReview = filesToReview(all);
                return toReview.length === 0 ? (
                  <p>{t('prosecutor.reviews.none')}</p>
                ) : (
                  <CasesTable caption={t('prosecutor.reviews.caption')} cases={toReview} />
                );
              }}
            </Loaded>
          </Section>
          <Section
            id="desk-requests"
            title={t('prosecutor.requests.title')}
            intro={t('prosecutor.requests.intro')}
          >
            <Loaded part={data.requests}>
              {(parts) => <OfficeRequests parts={parts.filter((part) => part.answeredAt === null)} />}
            </Loaded>
          </Section>
          <Section
            id="desk-restrictions"
            title={t('prosecutor.restrictions.title')}
            intro={t('prosecutor.restrictions.intro')}
          >
            <Loaded part={data.restrictions}>
              {(restrictions) => (
                <RestrictionsSection
                  restrictions={restrictions}
                  cases={cases}
                  authorised={authorisedCases(
                    cases,
                    data.frameworks.ok ? data.frameworks.value : undefined,
                    officeId,
                  )}
                  onChanged={changed}
                />
              )}
            </Loaded>
          </Section>
          <Section id="desk-list" title={t('prosecutor.list.title')} intro={t('prosecutor.list.intro')}>
            <Loaded part={data.entries}>
              {(entries) => (
                <ProsecutorListSection entries={entries} cases={cases} links={links} onChanged={changed} />
              )}
            </Loaded>
          </Section>
        </>
      )}
    </>
  );
}
