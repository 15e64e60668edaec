/**
 * The paper parts the organisation holds that are to be destroyed at the end of their case's
 * retention (SPEC SCO-09): where and by whom they are kept, which categories, the day due, and either
 * the confirmation of their destruction, the form to confirm it (the case purged), or the way to the
 * case's paper part, where it is confirmed while the case still exists.
 */
import { useTranslation } from 'react-i18next';
import type { PaperDestructionTask } from '../../../contracts/retention.js';
import { Link } from '../../app/router.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { PaperTaskConfirmForm } from './PaperTaskConfirmForm.js';

export function PaperTasksList({
  tasks,
  onChanged,
}: {
  tasks: readonly PaperDestructionTask[];
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  if (tasks.length === 0) return <p>{t('retention.paper.none')}</p>;
  return (
    <>
      {tasks.map((task) => (
        <article key={task.id} className="subpanel" aria-labelledby={`paper-task-${task.id}`}>
          <h3 id={`paper-task-${task.id}`}>
            {t('retention.paper.taskTitle', { date: formatDate(task.dueOn, i18n.language) })}
          </h3>
          <dl className="facts">
            <dt>{t('retention.paper.paperPart')}</dt>
            <dd>
              <span className="hash">{task.paperPartId}</span>
            </dd>
            <dt>{t('retention.paper.case')}</dt>
            <dd>
              <span className="hash">{task.caseId}</span>
              {task.casePurged && ` (${t('retention.statuses.destroyed')})`}
            </dd>
            <dt>{t('retention.paper.holder')}</dt>
            <dd>{task.holder.legalName}</dd>
            <dt>{t('retention.paper.custodian')}</dt>
            <dd>{task.custodian ?? t('retention.paper.noCustodian')}</dd>
            <dt>{t('retention.paper.categories')}</dt>
            <dd>{task.categories.map((code) => `${code} ${t(`categories.${code}`)}`).join('; ')}</dd>
            {task.pageCount !== null && (
              <>
                <dt>{t('retention.paper.pages')}</dt>
                <dd>{task.pageCount}</dd>
              </>
            )}
          </dl>
          {task.destroyedOn ? (
            <p>
              {t('retention.paper.destroyed', {
                date: formatDate(task.destroyedOn, i18n.language),
                name: task.confirmedBy ?? '',
                at: task.confirmedAt ? formatDateTime(task.confirmedAt, i18n.language) : '',
              })}
            </p>
          ) : task.allowedActions.includes('confirm') ? (
            <PaperTaskConfirmForm task={task} onConfirmed={onChanged} />
          ) : !task.casePurged ? (
            <p>
              <Link to={`/cases/${encodeURIComponent(task.caseId)}`}>
                {t('retention.paper.onCase')}
                <span className="visually-hidden"> {task.paperPartId}</span>
              </Link>
            </p>
          ) : (
            <p>{t('retention.paper.holderConfirms')}</p>
          )}
        </article>
      ))}
    </>
  );
}
