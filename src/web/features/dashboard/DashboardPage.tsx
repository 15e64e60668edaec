/**
 * The home page of a user with a case role (issue 4 scope 9): my tasks, my compartment's drafts,
 * signallings to decide (organiser), reviews to do (reviewer), consultations ahead, actions,
 * transfer requests, and every case my organisation may see.
 */
import type { ReactNode, } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../contracts/cases.js';
import { useAuth } from '../../app/auth.js';
import { usePageData } from '../../app/use-page-data.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { formatDateTime } from '../../i18n/format.js';
import { ActionsTable } from '../consultations/ActionsTable.js';
import { CasesTable } from './CasesTable.js';
import { type DashboardData, fetchDashboard, type Part } from './dashboard-api.js';
import { TasksSection } from './TasksSection.js';

const DRAFT_STATES: readonly CaseSummary['state'][] = ['pre_registered', 'under_evaluation'];

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A part of the dashboard, or why it could not be read. */
function Loaded<T>({ part, children }: { part: Part<T>; children(value: T): ReactNode }) {
  return part.ok ? children(part.value) : <ProblemAlert failure={part.error} />;
}

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const session = state.status === 'signed_in' ? state.session : undefined;
  const organisationId = session?.organisationId ?? '';
  const organiser = session?.roles.includes('organiser') ?? false;
  const { data, changed, message, statusRef } = usePageData<DashboardData>(fetchDashboard);

  const casesOf = (filter: (kase: CaseSummary) => boolean) =>
    data?.cases.ok ? data.cases.value.filter(filter) : [];
  const drafts = casesOf((kase) => kase.relation === 'compartment' && DRAFT_STATES.includes(kase.state));
  const toDecide = casesOf((kase) => kase.relation === 'organiser' && kase.state === 'signalled');
  const toReview = casesOf((kase) => kase.relation === 'reviewer' && kase.state === 'under_evaluation');

  return (
    <>
      <PageHeading title={t('dashboard.title')} />
      <p className="intro">{t('dashboard.intro', { justification: session?.justification ?? '' })}</p>
      <ul className="button-row plain-list">
        <li>
          <Link className="button" to="/cases/new">
            {t('dashboard.newCase')}
          </Link>
        </li>
        {organiser && (
          <li>
            <Link className="button button--secondary" to="/consultations/new">
              {t('dashboard.schedule')}
            </Link>
          </li>
        )}
      </ul>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {data === undefined && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      {data && (
        <>
          <Loaded part={data.notifications}>
            {(notifications) => (
              <TasksSection
                notifications={notifications}
                priorNotices={data.priorNotices.ok ? data.priorNotices.value : []}
                itemReviews={data.itemReviews.ok ? data.itemReviews.value : undefined}
                caseTitles={new Map(casesOf(() => true).map((kase) => [kase.id, kase.title]))}
                onChanged={changed}
              />
            )}
          </Loaded>
          {!data.priorNotices.ok && <ProblemAlert failure={data.priorNotices.error} />}
          {!data.itemReviews.ok && <ProblemAlert failure={data.itemReviews.error} />}
          {drafts.length > 0 && (
            <Section id="dashboard-drafts" title={t('dashboard.drafts.title')}>
              <CasesTable caption={t('dashboard.drafts.caption')} cases={drafts} />
            </Section>
          )}
          {organiser && (
            <Section id="dashboard-signallings" title={t('dashboard.signallings.title')}>
              {toDecide.length === 0 ? (
                <p>{t('dashboard.signallings.none')}</p>
              ) : (
                <CasesTable caption={t('dashboard.signallings.caption')} cases={toDecide} />
              )}
            </Section>
          )}
          {toReview.length > 0 && (
            <Section id="dashboard-reviews" title={t('dashboard.reviews.title')}>
              <CasesTable caption={t('dashboard.reviews.caption')} cases={toReview} />
            </Section>
          )}
          <Section id="dashboard-consultations" title={t('dashboard.consultations.title')}>
            <Loaded part={data.consultations}>
              {(consultations) => {
                const ahead = consultations
                  .filter((consultation) => consultation.state !== 'closed')
                  .sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
                return ahead.length === 0 ? (
                  <p>{t('dashboard.consultations.none')}</p>
                ) : (
                  <ul>
                    {ahead.map((consultation) => (
                      <li key={consultation.id}>
                        <Link to={`/consultations/${consultation.id}`}>
                          {t('consultation.title', {
                            date: formatDateTime(consultation.scheduledFor, i18n.language),
                          })}
                        </Link>{' '}
                        – {consultation.framework.name} – {t(`consultationStates.${consultation.state}`)} –{' '}
                        {t('dashboard.consultations.agendaSize', { count: consultation.agendaSize })}
                      </li>
                    ))}
                  </ul>
                );
              }}
            </Loaded>
          </Section>
          <Section id="dashboard-actions" title={t('dashboard.actions.title')}>
            <Loaded part={data.actions}>
              {(actions) => {
                const overdue = actions.filter((action) => action.overdue);
                const mine = actions.filter(
                  (action) =>
                    action.status === 'open' && !action.overdue && action.assignee.id === organisationId,
                );
                const canComplete = (action: (typeof actions)[number]) =>
                  action.assignee.id === organisationId || organiser;
                return (
                  <>
                    {overdue.length === 0 ? (
                      <p>{t('dashboard.actions.noOverdue')}</p>
                    ) : (
                      <ActionsTable
                        caption={t('dashboard.actions.overdueCaption')}
                        actions={overdue}
                        canComplete={canComplete}
                        onChanged={changed}
                      />
                    )}
                    {mine.length > 0 && (
                      <ActionsTable
                        caption={t('dashboard.actions.mineCaption')}
                        actions={mine}
                        canComplete={canComplete}
                        onChanged={changed}
                      />
                    )}
                  </>
                );
              }}
            </Loaded>
          </Section>
          <Section id="dashboard-transfers" title={t('dashboard.transfers.title')}>
            <Loaded part={data.transfers}>
              {(transfers) => {
                const pending = transfers.toDecide.filter(
                  (transfer) => transfer.can.decide.length > 0,
                ).length;
                const mine = transfers.requested.filter((transfer) => transfer.exports.length === 0).length;
                return (
                  <>
                    <p>{t('dashboard.transfers.summary', { toDecide: pending, requested: mine })}</p>
                    <p>
                      <Link to="/transfers">{t('dashboard.transfers.open')}</Link>
                    </p>
                  </>
                );
              }}
            </Loaded>
          </Section>
          <Section id="dashboard-cases" title={t('dashboard.cases.sectionTitle')}>
            <Loaded part={data.cases}>
              {(cases) =>
                cases.length === 0 ? (
                  <p>{t('dashboard.cases.none')}</p>
                ) : (
                  <CasesTable caption={t('dashboard.cases.caption')} cases={cases} />
                )
              }
            </Loaded>
          </Section>
        </>
      )}
    </>
  );
}
