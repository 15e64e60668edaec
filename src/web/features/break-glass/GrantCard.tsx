/**
 * One break-glass grant (L2007 art. 16 §3; SPEC SEC-12, PRC-06): who of the host's staff asks to read
 * what one controller holds in one case, under which support ticket and why; the controller's
 * decision and the window; how it ended; the report (every read with its audit position) and, for
 * the DPO, how many of its records the case holds. The actions are the server's `allowedActions`:
 * the DPO approves, refuses or revokes; the grantee reads within the window and closes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakGlassContent, BreakGlassGrant } from '../../../contracts/break-glass.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { ReasonAction } from '../cross-border/ReasonAction.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { ApproveForm } from './ApproveForm.js';
import { closeGrant, readContent, refuseGrant } from './break-glass-api.js';
import { ContentViewer } from './ContentViewer.js';

export function GrantCard({
  grant,
  asGrantee,
  onChanged,
}: {
  grant: BreakGlassGrant;
  /** The host's staff close their own grant; the DPO revokes it. */
  asGrantee: boolean;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [approving, setApproving] = useState(false);
  const [content, setContent] = useState<BreakGlassContent>();
  const action = useAction();
  const can = (name: BreakGlassGrant['allowedActions'][number]) => grant.allowedActions.includes(name);
  const when = (at: string) => formatDateTime(at, i18n.language);
  const headingId = `grant-${grant.id}`;
  const ticket = grant.supportTicket;

  const read = () =>
    action.run(async () => {
      setContent(await readContent(grant.id));
      await onChanged(t('breakGlass.grant.readDone', { ticket }));
    });
  const close = () =>
    action.run(async () => {
      await closeGrant(grant.id);
      setContent(undefined);
      await onChanged(t(asGrantee ? 'breakGlass.grant.closed' : 'breakGlass.grant.revoked', { ticket }));
    });

  return (
    <article className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('breakGlass.grant.title', { ticket, controller: grant.controller.legalName })}{' '}
        <span className="badge">{t(`breakGlass.statuses.${grant.status}`)}</span>
      </h3>
      <dl className="facts">
        <dt>{t('breakGlass.grant.grantee')}</dt>
        <dd>{grant.grantee.displayName}</dd>
        <dt>{t('breakGlass.grant.case')}</dt>
        <dd className="hash">{grant.caseId}</dd>
        <dt>{t('breakGlass.grant.reason')}</dt>
        <dd>{grant.reason}</dd>
        <dt>{t('breakGlass.grant.requested')}</dt>
        <dd>
          {t('breakGlass.grant.requestedValue', {
            hours: grant.requestedHours,
            date: when(grant.requestedAt),
          })}
        </dd>
        {grant.controllerRecords && (
          <>
            <dt>{t('breakGlass.grant.controllerRecords')}</dt>
            <dd>
              {t('breakGlass.grant.records', {
                persons: grant.controllerRecords.persons,
                items: grant.controllerRecords.items,
              })}
            </dd>
          </>
        )}
        {grant.decision && (
          <>
            <dt>{t('breakGlass.grant.decision')}</dt>
            <dd>
              {t(`breakGlass.decisions.${grant.decision.decision}`, {
                name: grant.decision.decidedBy,
                date: when(grant.decision.decidedAt),
              })}
              {grant.decision.instructionReference &&
                ` – ${t('breakGlass.grant.instruction', { reference: grant.decision.instructionReference })}`}
              {grant.decision.refusalReason && `: ${grant.decision.refusalReason}`}
            </dd>
          </>
        )}
        {grant.window && (
          <>
            <dt>{t('breakGlass.grant.window')}</dt>
            <dd>
              {t('breakGlass.grant.windowValue', {
                from: when(grant.window.validFrom),
                until: when(grant.window.expiresAt),
              })}
            </dd>
          </>
        )}
        {grant.ended && (
          <>
            <dt>{t('breakGlass.grant.ended')}</dt>
            <dd>
              {t(`breakGlass.endReasons.${grant.ended.reason}`)}, {when(grant.ended.endedAt)}
              {grant.ended.endedBy && ` (${grant.ended.endedBy})`}
            </dd>
          </>
        )}
        <dt>{t('breakGlass.grant.reported')}</dt>
        <dd>{grant.reportedAt ? when(grant.reportedAt) : t('breakGlass.grant.notReported')}</dd>
      </dl>
      <h4>{t('breakGlass.report.title')}</h4>
      {grant.reads.length === 0 ? (
        <p>{t('breakGlass.report.none')}</p>
      ) : (
        <ScrollingTable caption={t('breakGlass.report.caption', { ticket })}>
          <thead>
            <tr>
              <th scope="col">{t('breakGlass.report.readAt')}</th>
              <th scope="col">{t('breakGlass.report.persons')}</th>
              <th scope="col">{t('breakGlass.report.items')}</th>
              <th scope="col">{t('breakGlass.report.withheld')}</th>
              <th scope="col">{t('breakGlass.report.auditPosition')}</th>
            </tr>
          </thead>
          <tbody>
            {grant.reads.map((entry) => (
              <tr key={entry.auditPosition}>
                <th scope="row">{when(entry.readAt)}</th>
                <td>{entry.persons}</td>
                <td>{entry.items}</td>
                <td>{entry.withheld}</td>
                <td>{entry.auditPosition}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      <ProblemAlert failure={action.failure} />
      <div className="button-row">
        {can('approve') && (
          <button
            type="button"
            className="button"
            aria-expanded={approving}
            aria-controls={`${headingId}-approve`}
            onClick={() => setApproving(!approving)}
          >
            {t('breakGlass.approve.open')}
            <span className="visually-hidden">: {ticket}</span>
          </button>
        )}
        {can('refuse') && (
          <ReasonAction
            open={
              <>
                {t('breakGlass.refuse.open')}
                <span className="visually-hidden">: {ticket}</span>
              </>
            }
            title={t('breakGlass.refuse.title', { ticket })}
            submit={async (reason) => {
              await refuseGrant(grant.id, reason);
            }}
            onDone={() => onChanged(t('breakGlass.refuse.done', { ticket }))}
          />
        )}
        {can('read') && (
          <button type="button" className="button" aria-disabled={action.busy} onClick={() => void read()}>
            {t('breakGlass.grant.read')}
            <span className="visually-hidden">: {ticket}</span>
          </button>
        )}
        {can('close') && (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={action.busy}
            onClick={() => void close()}
          >
            {t(asGrantee ? 'breakGlass.grant.close' : 'breakGlass.grant.revoke')}
            <span className="visually-hidden">: {ticket}</span>
          </button>
        )}
      </div>
      <div id={`${headingId}-approve`} hidden={!approving}>
        {approving && (
          <ApproveForm
            grant={grant}
            onDone={async () => {
              setApproving(false);
              await onChanged(t('breakGlass.approve.done', { ticket }));
            }}
          />
        )}
      </div>
      {content && can('read') && <ContentViewer content={content} />}
    </article>
  );
}
