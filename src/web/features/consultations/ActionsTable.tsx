/**
 * Follow-up actions (bill art. 2 §3 2°; SPEC WFL-10): assignee, due date, status, the case they
 * belong to. An overdue action says so in words and is marked, not by colour alone (WCAG 1.4.1).
 * The assignee's members (and the organiser) mark an open action done.
 */
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../contracts/consultations.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { useAction } from '../../app/use-action.js';
import { formatDate } from '../../i18n/format.js';
import { setActionStatus } from './consultations-api.js';

export function ActionsTable({
  caption,
  actions,
  canComplete,
  showCase = true,
  onChanged,
}: {
  caption: string;
  actions: readonly Action[];
  /** Whether the reader may mark this action done. */
  canComplete(action: Action): boolean;
  showCase?: boolean;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { busy, failure, run } = useAction();
  const complete = (action: Action) =>
    run(async () => {
      await setActionStatus(action, 'done');
      await onChanged(t('actions.completed', { action: action.description }));
    });
  return (
    <>
      <ProblemAlert failure={failure} />
      <div className="table-scroll">
        <table className="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actions.description')}</th>
              {showCase && <th scope="col">{t('actions.case')}</th>}
              <th scope="col">{t('actions.assignee')}</th>
              <th scope="col">{t('actions.dueOn')}</th>
              <th scope="col">{t('actions.status')}</th>
              <th scope="col">{t('actions.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.id} className={action.overdue ? 'row--overdue' : undefined}>
                <th scope="row">{action.description}</th>
                {showCase && (
                  <td>
                    <Link to={`/cases/${action.caseId}`}>{action.caseTitle}</Link>
                  </td>
                )}
                <td>{action.assignee.legalName}</td>
                <td>{formatDate(action.dueOn, i18n.language)}</td>
                <td>
                  {t(`actionStatuses.${action.status}`)}
                  {action.overdue && (
                    <>
                      {' '}
                      <span className="badge badge--overdue">
                        <span aria-hidden="true">⚠ </span>
                        {t('actions.overdue')}
                      </span>
                    </>
                  )}
                </td>
                <td>
                  {action.status === 'open' && canComplete(action) && (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-disabled={busy}
                      onClick={() => void complete(action)}
                    >
                      {t('actions.markDone')}
                      <span className="visually-hidden">: {action.description}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
