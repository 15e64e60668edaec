/** The case at a glance: state, legal basis, purposes, and the decisions that brought it here. */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.js';
import { useCaseView } from './case-view.js';

export function CaseFacts() {
  const { t, i18n } = useTranslation();
  const { kase, nameOf } = useCaseView();
  const when = (value: string) => formatDateTime(value, i18n.language);
  return (
    <section className="panel" aria-labelledby="case-facts">
      <h2 id="case-facts">{t('casePage.facts.title')}</h2>
      <dl className="facts">
        <dt>{t('casePage.facts.state')}</dt>
        <dd>
          <span className="state">{t(`caseStates.${kase.state}`)}</span>
        </dd>
        <dt>{t('casePage.facts.framework')}</dt>
        <dd>{kase.framework.name}</dd>
        <dt>{t('casePage.facts.organiser')}</dt>
        <dd>{nameOf(kase.organiserOrganisationId)}</dd>
        <dt>{t('casePage.facts.purposes')}</dt>
        <dd>
          <ul className="plain-list">
            {kase.purposes.map((purpose) => (
              <li key={purpose}>
                <span className="code">{purpose}</span> {t(`purposes.${purpose}`)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('casePage.facts.relation')}</dt>
        <dd>{t(`relations.${kase.relation}`)}</dd>
        <dt>{t('casePage.facts.createdAt')}</dt>
        <dd>{when(kase.createdAt)}</dd>
        {kase.signalledAt && (
          <>
            <dt>{t('casePage.facts.signalledAt')}</dt>
            <dd>{when(kase.signalledAt)}</dd>
          </>
        )}
        {kase.review && (
          <>
            <dt>{t('casePage.facts.review')}</dt>
            <dd>
              {t(`reviewDecisions.${kase.review.decision}`)} ({when(kase.review.at)}): {kase.review.reason}
            </dd>
          </>
        )}
        {kase.signalDecision && (
          <>
            <dt>{t('casePage.facts.signalDecision')}</dt>
            <dd>
              {t(`signalDecisions.${kase.signalDecision.decision}`)} ({when(kase.signalDecision.at)}):{' '}
              {kase.signalDecision.reason}
            </dd>
          </>
        )}
        {kase.firstConsultationAt && (
          <>
            <dt>{t('casePage.facts.firstConsultationAt')}</dt>
            <dd>{when(kase.firstConsultationAt)}</dd>
          </>
        )}
        {kase.closedAt && (
          <>
            <dt>{t('casePage.facts.closedAt')}</dt>
            <dd>
              {when(kase.closedAt)}
              {kase.closureReason && `: ${kase.closureReason}`}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
