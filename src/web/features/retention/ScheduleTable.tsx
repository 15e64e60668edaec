/**
 * The retention schedule of the organisation (SPEC RET-01, RET-02, RET-06, RET-08): each closed case
 * it keeps or controls records of, with its status in words (and the legal holds standing on it),
 * its closure, the last day it may be kept with the basis and rule that day comes from, its keeper,
 * and the destruction list or necessity review it is on. Ids, codes and dates only: the desk never shows case content.
 */
import { useTranslation } from 'react-i18next';
import type { ScheduledCase } from '../../../contracts/retention.js';
import { Link } from '../../app/router.js';
import { formatDate } from '../../i18n/format.js';
import { CaseReference } from './CaseReference.js';
import { RetentionStatusBadge } from './RetentionStatusBadge.js';
import { DESK_SECTIONS } from './retention-view.js';

export function ScheduleTable({
  entries,
  caseLinks,
}: {
  entries: readonly ScheduledCase[];
  /** The user takes part in cases: each live case links to its page. */
  caseLinks: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <p>{t('retention.schedule.none')}</p>;
  const day = (date: string) => formatDate(date, i18n.language);
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('retention.schedule.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('retention.schedule.columns.case')}</th>
            <th scope="col">{t('retention.schedule.columns.status')}</th>
            <th scope="col">{t('retention.schedule.columns.retention')}</th>
            <th scope="col">{t('retention.schedule.columns.keeper')}</th>
            <th scope="col">{t('retention.schedule.columns.next')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.caseId}>
              <th scope="row">
                <CaseReference caseId={entry.caseId} linked={caseLinks && entry.status !== 'destroyed'} />
              </th>
              <td>
                <RetentionStatusBadge status={entry.status} />
                {entry.destroyedAt && (
                  <p>{t('retention.schedule.destroyedOn', { date: day(entry.destroyedAt) })}</p>
                )}
                {entry.legalHolds > 0 && <p>{t('retention.schedule.holds', { count: entry.legalHolds })}</p>}
              </td>
              <td>
                <p>
                  {t('retention.schedule.closedOn', {
                    date: day(entry.closedAt),
                    state: t(`retention.finalStates.${entry.finalState}`),
                  })}
                </p>
                <p>
                  <strong>{t('retention.schedule.lastDay', { date: day(entry.retention.endsOn) })}</strong>
                </p>
                <p>
                  {entry.retention.months === null
                    ? t(`retention.bases.${entry.retention.basis}`)
                    : t('retention.bases.agreedMonths', { count: entry.retention.months })}
                </p>
                <p className="form__hint">{t('common.rule', { rule: entry.retention.rule })}</p>
              </td>
              <td>
                {entry.keeper.legalName} ({t(`retention.keeperRelations.${entry.keeper.relation}`)})
              </td>
              <td>
                <ul className="plain-list">
                  {entry.destructionListId && (
                    <li>
                      <Link
                        to={`/retention/destruction-lists/${encodeURIComponent(entry.destructionListId)}`}
                      >
                        {t('retention.schedule.openList')}
                        <span className="visually-hidden"> {entry.caseId}</span>
                      </Link>
                    </li>
                  )}
                  {entry.necessityReviewId && (
                    <li>
                      <a href={`#${DESK_SECTIONS.reviews}`}>
                        {t('retention.schedule.openReview')}
                        <span className="visually-hidden"> {entry.caseId}</span>
                      </a>
                    </li>
                  )}
                  {entry.nextNecessityReviewOn && (
                    <li>{t('retention.schedule.nextReview', { date: day(entry.nextNecessityReviewOn) })}</li>
                  )}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
