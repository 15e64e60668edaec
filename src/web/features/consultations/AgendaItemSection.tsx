/**
 * One agenda item: the case, its minutes, decisions and follow-up actions, and what was shared
 * following the consultation (SPEC WFL-09, WFL-10). The organiser writes them.
 */
import { useTranslation } from 'react-i18next';
import type { Consultation } from '../../../contracts/consultations.js';
import { Link } from '../../app/router.js';
import { formatDateTime } from '../../i18n/format.js';
import { ActionForm } from './ActionForm.js';
import { ActionsTable } from './ActionsTable.js';
import { useConsultationView } from './consultation-view.js';
import { AgendaTextForm } from './AgendaTextForm.js';
import { recordDecision, setMinutes } from './consultations-api.js';

type AgendaItem = Consultation['agenda'][number];

export function AgendaItemSection({ item }: { item: AgendaItem }) {
  const { t, i18n } = useTranslation();
  const { consultation, organisationId, changed } = useConsultationView();
  const organise = consultation.canOrganise;
  const headingId = `agenda-${item.caseId}`;
  return (
    <section className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.position}. <Link to={`/cases/${item.caseId}`}>{item.caseTitle}</Link>{' '}
        <span className="state">{t(`caseStates.${item.caseState as 'accepted'}`)}</span>
      </h3>
      <h4>{t('consultation.minutes.title')}</h4>
      {item.minutes ? (
        <p className="item__content">{item.minutes}</p>
      ) : (
        <p>{t('consultation.minutes.none')}</p>
      )}
      {organise && consultation.state !== 'scheduled' && (
        <AgendaTextForm
          label={t('consultation.minutes.label', { case: item.caseTitle })}
          submit={t('consultation.minutes.submit')}
          initial={item.minutes ?? ''}
          onSubmit={async (text) => {
            await setMinutes(consultation.id, item.caseId, text);
            await changed(t('consultation.minutes.saved', { case: item.caseTitle }));
          }}
        />
      )}
      <h4>{t('consultation.decisions.title')}</h4>
      {item.decisions.length === 0 ? (
        <p>{t('consultation.decisions.none')}</p>
      ) : (
        <ul>
          {item.decisions.map((decision) => (
            <li key={decision.id}>
              {decision.text} ({decision.recordedBy}, {formatDateTime(decision.recordedAt, i18n.language)})
            </li>
          ))}
        </ul>
      )}
      {organise && consultation.state === 'open' && (
        <AgendaTextForm
          label={t('consultation.decisions.label', { case: item.caseTitle })}
          submit={t('consultation.decisions.submit')}
          initial=""
          clearOnSuccess
          onSubmit={async (text) => {
            await recordDecision(consultation.id, item.caseId, text);
            await changed(t('consultation.decisions.saved', { case: item.caseTitle }));
          }}
        />
      )}
      <h4>{t('consultation.actions.title')}</h4>
      {item.actions.length === 0 ? (
        <p>{t('consultation.actions.none')}</p>
      ) : (
        <ActionsTable
          caption={t('consultation.actions.caption', { case: item.caseTitle })}
          actions={item.actions}
          showCase={false}
          canComplete={(action) => organise || action.assignee.id === organisationId}
          onChanged={changed}
        />
      )}
      {organise && consultation.state !== 'closed' && <ActionForm item={item} />}
      {item.shared.length > 0 && (
        <>
          <h4>{t('consultation.shared.title')}</h4>
          <ul>
            {item.shared.map((shared) => (
              <li key={shared.itemId}>
                <span className="code">{shared.category}</span> {t(`categories.${shared.category}`)} –{' '}
                {shared.controller.legalName}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
