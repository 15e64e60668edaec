/**
 * One registered connection between file environments (L1992 art. 21; SPEC INT-01..INT-03): what
 * it connects and under which legal basis and royal decree, its security measures, the fields it
 * maps to which categories, person matching, the rate limit, the connected system's key
 * fingerprint, each party's approval and kill switch, and its exchange log. The actions are the
 * server's `allowedActions`: approve one's side, switch it off (with the reason) or on again, and,
 * for its owner, retire it for good.
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interconnection } from '../../../contracts/interconnections.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { ReasonAction } from '../cross-border/ReasonAction.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { ExchangeLog } from './ExchangeLog.js';
import {
  approveInterconnection,
  resumeInterconnection,
  retireInterconnection,
  suspendInterconnection,
} from './interconnections-api.js';

export function InterconnectionDetail({
  interconnection,
  headingRef,
  onChanged,
}: {
  interconnection: Interconnection;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const action = useAction();
  const when = (at: string) => formatDateTime(at, i18n.language);
  const { name } = interconnection;
  const can = (name: Interconnection['allowedActions'][number]) =>
    interconnection.allowedActions.includes(name);
  const by = (entry: { by: string; at: string }) =>
    t('interconnections.record.byAt', { name: entry.by, date: when(entry.at) });

  const approve = () =>
    action.run(async () => {
      await approveInterconnection(interconnection.id);
      await onChanged(t('interconnections.detail.approved', { name }));
    });
  const resume = () =>
    action.run(async () => {
      await resumeInterconnection(interconnection.id);
      await onChanged(t('interconnections.detail.resumed', { name }));
    });

  return (
    <section className="panel" aria-labelledby="interconnection-detail">
      <h2 id="interconnection-detail" ref={headingRef} tabIndex={-1}>
        {t('interconnections.detail.title', { name })}
      </h2>
      <p>
        <strong className="state">{t(`interconnections.states.${interconnection.state}`)}</strong>
      </p>
      <dl className="facts">
        <dt>{t('interconnections.record.owner')}</dt>
        <dd>{interconnection.owner.legalName}</dd>
        <dt>{t('interconnections.record.framework')}</dt>
        <dd>{interconnection.framework.name}</dd>
        <dt>{t('interconnections.record.system')}</dt>
        <dd>
          {interconnection.counterpart.system} – {interconnection.counterpart.operator}
        </dd>
        <dt>{t('interconnections.record.direction')}</dt>
        <dd>{t(`interconnections.directions.${interconnection.direction}`)}</dd>
        <dt>{t('interconnections.record.legalBasis')}</dt>
        <dd>{interconnection.legalBasis}</dd>
        <dt>{t('interconnections.record.royalDecree')}</dt>
        <dd>
          {interconnection.royalDecree
            ? `${interconnection.royalDecree.reference}${interconnection.royalDecree.conditions ? ` – ${interconnection.royalDecree.conditions}` : ''}`
            : t('interconnections.record.noRoyalDecree')}
        </dd>
        <dt>{t('interconnections.record.securityMeasures')}</dt>
        <dd className="item__content">{interconnection.securityMeasures}</dd>
        <dt>{t('interconnections.record.fieldMapping')}</dt>
        <dd>
          <ul className="plain-list">
            {interconnection.fieldMapping.map((mapping) => (
              <li key={mapping.field}>
                <span className="code">{mapping.field}</span> → {mapping.category}{' '}
                {t(`categories.${mapping.category}`)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('interconnections.record.personMatching')}</dt>
        <dd>
          {t(`interconnections.matching.${interconnection.personMatching.rule}`)}
          {interconnection.personMatching.rule === 'national_register_number' &&
            `: ${interconnection.personMatching.basis}`}
        </dd>
        <dt>{t('interconnections.record.rateLimit')}</dt>
        <dd>{t('interconnections.record.perMinute', { count: interconnection.rateLimitPerMinute })}</dd>
        <dt>{t('interconnections.record.credential')}</dt>
        <dd>
          Ed25519 <span className="hash">{interconnection.credential.fingerprint}</span>
        </dd>
        <dt>{t('interconnections.record.endpoint')}</dt>
        <dd className="hash">{interconnection.endpoint}</dd>
        <dt>{t('interconnections.record.registered')}</dt>
        <dd>{by(interconnection.registered)}</dd>
        {interconnection.retirement && (
          <>
            <dt>{t('interconnections.record.retired')}</dt>
            <dd>
              {by(interconnection.retirement)}: {interconnection.retirement.reason}
            </dd>
          </>
        )}
      </dl>
      <h3>{t('interconnections.parties.title')}</h3>
      <ScrollingTable caption={t('interconnections.parties.caption', { name })}>
        <thead>
          <tr>
            <th scope="col">{t('interconnections.parties.organisation')}</th>
            <th scope="col">{t('interconnections.parties.approval')}</th>
            <th scope="col">{t('interconnections.parties.killSwitch')}</th>
          </tr>
        </thead>
        <tbody>
          {interconnection.parties.map((party) => (
            <tr key={party.organisation.id}>
              <th scope="row">
                {party.organisation.legalName}
                {party.owner && ` (${t('interconnections.parties.owner')})`}
              </th>
              <td>{party.approval ? by(party.approval) : t('interconnections.parties.notApproved')}</td>
              <td>
                {party.suspension
                  ? t('interconnections.parties.off', {
                      by: by(party.suspension),
                      reason: party.suspension.reason,
                    })
                  : t('interconnections.parties.on')}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
      <ProblemAlert failure={action.failure} />
      <div className="button-row">
        {can('approve') && (
          <button type="button" className="button" aria-disabled={action.busy} onClick={() => void approve()}>
            {t('interconnections.detail.approve')}
            <span className="visually-hidden">: {name}</span>
          </button>
        )}
        {can('suspend') && (
          <ReasonAction
            open={
              <>
                {t('interconnections.detail.suspend')}
                <span className="visually-hidden">: {name}</span>
              </>
            }
            title={t('interconnections.detail.suspendTitle', { name })}
            submit={async (reason) => {
              await suspendInterconnection(interconnection.id, reason);
            }}
            onDone={() => onChanged(t('interconnections.detail.suspended', { name }))}
          />
        )}
        {can('resume') && (
          <button type="button" className="button" aria-disabled={action.busy} onClick={() => void resume()}>
            {t('interconnections.detail.resume')}
            <span className="visually-hidden">: {name}</span>
          </button>
        )}
        {can('retire') && (
          <ReasonAction
            open={
              <>
                {t('interconnections.detail.retire')}
                <span className="visually-hidden">: {name}</span>
              </>
            }
            title={t('interconnections.detail.retireTitle', { name })}
            submit={async (reason) => {
              await retireInterconnection(interconnection.id, reason);
            }}
            onDone={() => onChanged(t('interconnections.detail.retiredDone', { name }))}
          />
        )}
      </div>
      <ExchangeLog interconnectionId={interconnection.id} name={name} />
    </section>
  );
}
