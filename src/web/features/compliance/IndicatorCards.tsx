/**
 * The dashboard's indicators (SPEC SCO-12, SEC-03, SEC-04, SCO-08): one card per duty with its
 * status in words and colour, its figures, the rule it reports on and where its details are; and
 * the indicators no module delivers yet, named as not available with the module that owes them.
 */
import { useTranslation } from 'react-i18next';
import type { Dashboard, Indicator } from '../../../contracts/compliance.js';
import { Link } from '../../app/router.js';
import { StatusBadge } from '../../app/StatusBadge.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { figureValue, indicatorTarget, isKnownFigure, isKnownModule } from './indicator-view.js';

function Figure({ name, value }: { name: string; value: number | string | null }) {
  const { t, i18n } = useTranslation();
  const shown = figureValue(name, value);
  const label = isKnownFigure(name) ? t(`compliance.figures.${name}`) : name;
  let text: string;
  switch (shown.kind) {
    case 'none':
      text = t('compliance.figures.noValue');
      break;
    case 'number':
      text = String(shown.value);
      break;
    case 'date':
      text = formatDate(shown.value, i18n.language);
      break;
    case 'outcome':
      text = t(`compliance.restoreTests.outcomes.${shown.value}`);
      break;
    case 'lawfulGround':
      text = t(`operator.lawfulGrounds.${shown.value}`);
      break;
    case 'dpRegime':
      text = t(`operator.regimes.${shown.value}`);
      break;
    case 'conditions':
      text =
        shown.value.length === 0
          ? t('compliance.figures.noValue')
          : shown.value.map((key) => t(`compliance.gate.conditions.${key}`)).join('; ');
      break;
    case 'text':
      text = shown.value;
      break;
  }
  return (
    <>
      <dt>{label}</dt>
      <dd>{text}</dd>
    </>
  );
}

function IndicatorCard({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const headingId = `indicator-${indicator.key}`;
  const title = t(`compliance.indicators.${indicator.key}`);
  const target = indicatorTarget(indicator.link);
  const details = (
    <>
      {t('compliance.indicator.details')}
      <span className="visually-hidden">: {title}</span>
    </>
  );
  return (
    <li className={`card card--${indicator.status}`}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="card__title">
          {title}
        </h3>
        <p>
          <StatusBadge level={indicator.status} label={t(`compliance.status.${indicator.status}`)} />
        </p>
        <dl className="facts">
          {Object.entries(indicator.figures).map(([name, value]) => (
            <Figure key={name} name={name} value={value} />
          ))}
        </dl>
        <p className="form__hint">{t('common.rule', { rule: indicator.rule })}</p>
        {target?.kind === 'section' && <a href={`#${target.id}`}>{details}</a>}
        {target?.kind === 'page' && <Link to={target.to}>{details}</Link>}
      </article>
    </li>
  );
}

export function IndicatorCards({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel" aria-labelledby="compliance-indicators">
      <h2 id="compliance-indicators">{t('compliance.indicators.title')}</h2>
      <p>
        {t('compliance.indicators.generatedAt', {
          date: formatDateTime(dashboard.generatedAt, i18n.language),
        })}
      </p>
      <ul className="cards cards--grid">
        {dashboard.indicators.map((indicator) => (
          <IndicatorCard key={indicator.key} indicator={indicator} />
        ))}
      </ul>
      {dashboard.pending.length > 0 && (
        <>
          <h3>{t('compliance.pending.title')}</h3>
          <p>{t('compliance.pending.intro')}</p>
          <ul className="cards cards--grid">
            {dashboard.pending.map((pending) => (
              <li key={pending.key} className="card">
                <h4 className="card__title">{t(`compliance.indicators.${pending.key}`)}</h4>
                <p>
                  <strong className="badge badge--muted">{t('compliance.pending.notAvailable')}</strong>
                </p>
                <p>
                  {t('compliance.pending.module', {
                    module: isKnownModule(pending.module)
                      ? t(`compliance.modules.${pending.module}`)
                      : pending.module,
                  })}
                </p>
                <p className="form__hint">{t('common.rule', { rule: pending.rule })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
