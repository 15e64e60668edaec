/**
 * The federal-use compliance gate (SPEC SCO-08; bill Dév.: a federal participant uses the shared
 * file only once it meets the bill's conditions): green or red, each of its four conditions met or
 * not with what was found, and the organisation kinds it holds back while red.
 */
import { useTranslation } from 'react-i18next';
import type { FederalUseGate } from '../../../contracts/compliance.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../../contracts/identity.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { StatusBadge } from '../../app/StatusBadge.js';
import { COMPLIANCE_SECTIONS } from './indicator-view.js';
import type { Part } from './settled.js';

const isOrganisationKind = (kind: string): kind is OrganisationKind =>
  (ORGANISATION_KINDS as readonly string[]).includes(kind);

export function FederalGateSection({ gate }: { gate: Part<FederalUseGate> }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby={COMPLIANCE_SECTIONS.federalGate}>
      <h2 id={COMPLIANCE_SECTIONS.federalGate} tabIndex={-1}>
        {t('compliance.gate.title')}
      </h2>
      <p>{t('compliance.gate.intro')}</p>
      {!gate.ok ? (
        <ProblemAlert failure={gate.error} />
      ) : (
        <>
          <p>
            <StatusBadge level={gate.value.status} label={t(`compliance.gate.status.${gate.value.status}`)} />{' '}
            <span className="form__hint">{t('common.rule', { rule: gate.value.rule })}</span>
          </p>
          <ul className="cards">
            {gate.value.conditions.map((condition) => (
              <li key={condition.key} className={`card card--${condition.met ? 'green' : 'red'}`}>
                <h3 className="card__title">{t(`compliance.gate.conditions.${condition.key}`)}</h3>
                <p>
                  <StatusBadge
                    level={condition.met ? 'green' : 'red'}
                    label={t(condition.met ? 'compliance.gate.met' : 'compliance.gate.unmet')}
                  />
                </p>
                <p>{condition.detail}</p>
                <p className="form__hint">{t('common.rule', { rule: condition.rule })}</p>
              </li>
            ))}
          </ul>
          <p>
            {t('compliance.gate.federalKinds')}{' '}
            {gate.value.federalKinds
              .map((kind) => (isOrganisationKind(kind) ? t(`operator.kinds.${kind}`) : kind))
              .join(', ')}
          </p>
        </>
      )}
    </section>
  );
}
