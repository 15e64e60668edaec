/**
 * The cases of a destruction list (SPEC RET-01, RET-05, RET-08): why and from which day each is due,
 * under which rule, and what became of it: still to destroy, destroyed (with what remains of it,
 * counts per category and when its key was destroyed), or withdrawn (a legal hold, a reopening).
 */
import { useTranslation } from 'react-i18next';
import type { DestructionList } from '../../../contracts/retention.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { CaseReference } from './CaseReference.js';
import { tombstoneTotals } from './retention-view.js';

type Entry = DestructionList['entries'][number];

function Outcome({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation();
  if (entry.status === 'withdrawn') {
    return <>{t(`retention.list.entries.withdrawn.${entry.withdrawnBecause ?? 'legal_hold'}`)}</>;
  }
  if (entry.status === 'pending' || !entry.tombstone) return <>{t('retention.list.entries.pending')}</>;
  const totals = tombstoneTotals(entry.tombstone);
  return (
    <>
      <strong className="badge badge--muted">{t('retention.statuses.destroyed')}</strong>
      <p>
        {t('retention.list.entries.purgedAt', {
          at: formatDateTime(entry.tombstone.purgedAt, i18n.language),
        })}
      </p>
      <p>
        {t('retention.list.entries.keyDestroyedAt', {
          at: entry.tombstone.keyDestroyedAt
            ? formatDateTime(entry.tombstone.keyDestroyedAt, i18n.language)
            : t('retention.list.notYet'),
        })}
      </p>
      <p>
        {t('retention.list.entries.kept', {
          persons: t('retention.list.entries.persons', { count: totals.persons }),
          items: t('retention.list.entries.items', { count: totals.items }),
          paperParts: t('retention.list.entries.paperParts', { count: totals.paperParts }),
        })}
      </p>
    </>
  );
}

export function DestructionEntriesTable({
  entries,
  caseLinks,
}: {
  entries: readonly Entry[];
  caseLinks: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="destruction-list-entries">
      <h2 id="destruction-list-entries">{t('retention.list.entries.title')}</h2>
      <div className="table-scroll">
        <table className="table">
          <caption>{t('retention.list.entries.caption', { count: entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('retention.list.entries.columns.case')}</th>
              <th scope="col">{t('retention.list.entries.columns.reason')}</th>
              <th scope="col">{t('retention.list.entries.columns.dueOn')}</th>
              <th scope="col">{t('retention.list.entries.columns.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.caseId}>
                <th scope="row">
                  <CaseReference caseId={entry.caseId} linked={caseLinks && entry.status === 'pending'} />
                </th>
                <td>
                  {t(`retention.list.entries.reasons.${entry.reason}`)}
                  <p className="form__hint">{t('common.rule', { rule: entry.rule })}</p>
                </td>
                <td>{formatDate(entry.dueOn, i18n.language)}</td>
                <td>
                  <Outcome entry={entry} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
