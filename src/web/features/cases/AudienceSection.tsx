/** "Who can see it": the organisations in the case's audience now, and as what (ARCHITECTURE §3.2). */
import { useTranslation } from 'react-i18next';
import { useCaseView } from './case-view.js';

export function AudienceSection() {
  const { t } = useTranslation();
  const { kase, organisationId } = useCaseView();
  return (
    <section className="panel" aria-labelledby="case-audience">
      <h2 id="case-audience">{t('casePage.audience.title')}</h2>
      <p>{t('casePage.audience.intro')}</p>
      <ul>
        {kase.audience.map((entry) => (
          <li key={`${entry.organisation.id}-${entry.relation}`}>
            {entry.organisation.legalName}: {t(`relations.${entry.relation}`)}
            {entry.organisation.id === organisationId && ` (${t('casePage.audience.you')})`}
          </li>
        ))}
      </ul>
    </section>
  );
}
