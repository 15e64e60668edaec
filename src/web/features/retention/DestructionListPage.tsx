/**
 * One destruction list (SPEC RET-01, RET-07; issue 6 scope 1 and 10; ADR 0016): its keeper and the
 * controllers whose DPOs approve, its cases with their due date and rule, and once destroyed what
 * remains of each (counts only); the approvals given and missing, the approval buttons the server
 * allows the user (four eyes: two distinct persons; the last approval destroys the cases at once),
 * and the signed proof of destruction to download as JSON or PDF, in a language of the user's choice.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestructionList } from '../../../contracts/retention.js';
import { useAuth } from '../../app/auth.js';
import { holdsCaseRole } from '../../app/case-roles.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { ApprovalProblem } from './ApprovalProblem.js';
import { DestructionEntriesTable } from './DestructionEntriesTable.js';
import { MissingApprovals } from './MissingApprovals.js';
import { ProofDownloads } from './ProofDownloads.js';
import { approveDestructionList, fetchDestructionList } from './retention-api.js';
import { approvalCapacities } from './retention-view.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; list: DestructionList };

export function DestructionListPage({ listId }: { listId: string }) {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const caseLinks = state.status === 'signed_in' && holdsCaseRole(state.session);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);
  const approving = useAction();

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setLoad({ status: 'ready', list: await fetchDestructionList(listId, signal) });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [listId],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const approve = (capacity: 'keeper' | 'dpo') =>
    approving.run(async () => {
      try {
        const list = await approveDestructionList(listId, { capacity });
        setLoad({ status: 'ready', list });
        // Approved by four eyes: destroyed now if the retention has ended, else the day after it (RET-01).
        setMessage(
          list.status === 'completed'
            ? t('retention.list.approve.destroyed')
            : list.status === 'purging'
              ? t('retention.list.approve.scheduled')
              : t(`retention.list.approve.done.${capacity}`),
        );
        statusRef.current?.focus();
      } catch (error) {
        // What the list is now (another person may have approved meanwhile), beside the refusal.
        await reload();
        throw error;
      }
    });

  const list = load.status === 'ready' ? load.list : undefined;
  const when = (at: string | null) => (at ? formatDateTime(at, i18n.language) : t('retention.list.notYet'));
  return (
    <>
      <PageHeading
        title={
          list
            ? t('retention.list.title', { date: formatDateTime(list.createdAt, i18n.language) })
            : t('retention.list.titleLoading')
        }
      />
      <p>
        <Link to="/retention">{t('retention.list.back')}</Link>
      </p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {list && (
        <>
          <section className="panel" aria-labelledby="destruction-list-facts">
            <h2 id="destruction-list-facts">{t('retention.list.facts.title')}</h2>
            <dl className="facts">
              <dt>{t('retention.list.facts.status')}</dt>
              <dd>
                <span className="state">{t(`retention.listStatuses.${list.status}`)}</span>
              </dd>
              <dt>{t('retention.list.facts.keeper')}</dt>
              <dd>
                {list.keeper.legalName} ({t(`retention.keeperRelations.${list.keeper.relation}`)})
              </dd>
              <dt>{t('retention.list.facts.controllers')}</dt>
              <dd>{list.controllers.map((controller) => controller.legalName).join('; ')}</dd>
              <dt>{t('retention.list.facts.createdAt')}</dt>
              <dd>{when(list.createdAt)}</dd>
              <dt>{t('retention.list.facts.approvedAt')}</dt>
              <dd>{when(list.approvedAt)}</dd>
              <dt>{t('retention.list.facts.completedAt')}</dt>
              <dd>{when(list.completedAt)}</dd>
            </dl>
          </section>
          <DestructionEntriesTable entries={list.entries} caseLinks={caseLinks} />
          <section className="panel" aria-labelledby="destruction-list-approvals">
            <h2 id="destruction-list-approvals">{t('retention.list.approvals.title')}</h2>
            <p>{t('retention.list.approvals.intro')}</p>
            <h3>{t('retention.list.approvals.missing')}</h3>
            <MissingApprovals missing={list.missing} keeper={list.keeper.legalName} />
            {list.approvals.length > 0 && (
              <div className="table-scroll">
                <table className="table">
                  <caption>{t('retention.list.approvals.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('retention.list.approvals.columns.capacity')}</th>
                      <th scope="col">{t('retention.list.approvals.columns.organisation')}</th>
                      <th scope="col">{t('retention.list.approvals.columns.by')}</th>
                      <th scope="col">{t('retention.list.approvals.columns.at')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.approvals.map((approval) => (
                      <tr key={`${approval.capacity}-${approval.organisation.id}`}>
                        <th scope="row">{t(`retention.list.approvals.capacities.${approval.capacity}`)}</th>
                        <td>{approval.organisation.legalName}</td>
                        <td>{approval.approvedBy}</td>
                        <td>{formatDateTime(approval.approvedAt, i18n.language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {list.status === 'awaiting_approval' && approvalCapacities(list).length > 0 && (
              <>
                <p className="banner banner--warning">{t('retention.list.approve.warning')}</p>
                <ApprovalProblem failure={approving.failure} />
                <div className="button-row">
                  {approvalCapacities(list).map((capacity) => (
                    <button
                      key={capacity}
                      type="button"
                      className="button"
                      aria-disabled={approving.busy}
                      onClick={() => void approve(capacity)}
                    >
                      {t(`retention.list.approve.as.${capacity}`)}
                    </button>
                  ))}
                </div>
              </>
            )}
          </section>
          <ProofDownloads
            list={list}
            onSaved={(saved) => {
              setMessage(saved);
              statusRef.current?.focus();
            }}
          />
        </>
      )}
    </>
  );
}
