/**
 * The retention desk of the user's organisation (SPEC RET-01..06, SCO-09, FIL-09; issue 6 scope 10;
 * ADR 0016), for its DPO and its members with a case role: the destruction lists awaiting approval,
 * the schedule of its closed cases with the end of their retention, the necessity reviews to decide,
 * the paper parts to destroy and the own-file copies past their due date. Ids, codes and dates only:
 * the desk never shows case content. A notification leads to its section (`#section`).
 */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DestructionListSummaries,
  type NecessityReview,
  type OwnFileCopyReport,
  type PaperDestructionTask,
  RETENTION_STATUSES,
  type RetentionSchedule,
  type RetentionStatus,
} from '../../../contracts/retention.js';
import { useAuth } from '../../app/auth.js';
import { holdsCaseRole } from '../../app/case-roles.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { formatDateTime } from '../../i18n/format.js';
import { CourtErasureOrders } from '../destruction-orders/CourtErasureOrders.js';
import { DestructionListsTable } from './DestructionListsTable.js';
import { NecessityReviewsList } from './NecessityReviewsList.js';
import { OwnFileCopiesTable } from './OwnFileCopiesTable.js';
import { PaperTasksList } from './PaperTasksList.js';
import {
  fetchDestructionLists,
  fetchNecessityReviews,
  fetchOwnFileCopies,
  fetchPaperTasks,
  fetchSchedule,
} from './retention-api.js';
import { DESK_SECTIONS } from './retention-view.js';
import { ScheduleTable } from './ScheduleTable.js';

interface Desk {
  schedule: RetentionSchedule;
  lists: DestructionListSummaries['destructionLists'];
  reviews: NecessityReview[];
  paper: PaperDestructionTask[];
  copies: OwnFileCopyReport;
}

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; desk: Desk };

export function RetentionDeskPage() {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const caseLinks = state.status === 'signed_in' && holdsCaseRole(state.session);
  // L1992 art. 41 §1 (SPEC PEN-16): the DPO records a court's erasure order; the server decides anyway.
  const recordsOrders = state.status === 'signed_in' && state.session.roles.includes('dpo');
  const [filter, setFilter] = useState<RetentionStatus | ''>('');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);
  const arrived = useRef(false);

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const [schedule, lists, reviews, paper, copies] = await Promise.all([
          fetchSchedule(filter === '' ? undefined : filter, signal),
          fetchDestructionLists(signal),
          fetchNecessityReviews(signal),
          fetchPaperTasks(signal),
          fetchOwnFileCopies(signal),
        ]);
        setLoad({
          status: 'ready',
          desk: {
            schedule,
            lists: lists.destructionLists,
            reviews: reviews.necessityReviews,
            paper: paper.paperDestructionTasks,
            copies,
          },
        });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [filter],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  // A notification's link names a section (#necessity-reviews): once the desk is shown, go there.
  useEffect(() => {
    if (load.status !== 'ready' || arrived.current) return;
    arrived.current = true;
    const target = window.location.hash.slice(1);
    if (!Object.values(DESK_SECTIONS).includes(target as (typeof DESK_SECTIONS)[keyof typeof DESK_SECTIONS]))
      return;
    const heading = document.getElementById(`${target}-title`);
    heading?.scrollIntoView();
    heading?.focus();
  }, [load.status]);

  const changed = useCallback(
    async (done: string) => {
      await reload();
      setMessage(done);
      statusRef.current?.focus();
    },
    [reload],
  );

  const section = (key: keyof typeof DESK_SECTIONS, title: string, intro: string, body: ReactNode) => (
    <section className="panel" id={DESK_SECTIONS[key]} aria-labelledby={`${DESK_SECTIONS[key]}-title`}>
      <h2 id={`${DESK_SECTIONS[key]}-title`} tabIndex={-1}>
        {title}
      </h2>
      <p>{intro}</p>
      {body}
    </section>
  );

  return (
    <>
      <PageHeading title={t('retention.title')} />
      <p className="intro">{t('retention.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {load.status === 'ready' && (
        <>
          <p>
            {t('retention.organisation', {
              organisation: load.desk.schedule.organisation.legalName,
              at: formatDateTime(load.desk.schedule.generatedAt, i18n.language),
            })}
          </p>
          {section(
            'lists',
            t('retention.lists.title'),
            t('retention.lists.intro'),
            <DestructionListsTable lists={load.desk.lists} />,
          )}
          {section(
            'schedule',
            t('retention.schedule.title'),
            t('retention.schedule.intro'),
            <>
              <SelectField
                id="retention-status-filter"
                label={t('retention.schedule.filter')}
                value={filter}
                options={[
                  { value: '', label: t('retention.schedule.all') },
                  ...RETENTION_STATUSES.map((status) => ({
                    value: status,
                    label: t(`retention.statuses.${status}`),
                  })),
                ]}
                onChange={(value) => setFilter(value as RetentionStatus | '')}
              />
              <ScheduleTable entries={load.desk.schedule.entries} caseLinks={caseLinks} />
            </>,
          )}
          {section(
            'reviews',
            t('retention.reviews.title'),
            t('retention.reviews.intro'),
            <NecessityReviewsList reviews={load.desk.reviews} caseLinks={caseLinks} onChanged={changed} />,
          )}
          {section(
            'paper',
            t('retention.paper.title'),
            t('retention.paper.intro'),
            <PaperTasksList tasks={load.desk.paper} onChanged={changed} />,
          )}
          {section(
            'copies',
            t('retention.copies.title'),
            t('retention.copies.intro'),
            <OwnFileCopiesTable copies={load.desk.copies.overdue} />,
          )}
          <CourtErasureOrders
            canRecord={recordsOrders}
            onChanged={(done) => {
              setMessage(done);
              statusRef.current?.focus();
            }}
          />
        </>
      )}
    </>
  );
}
