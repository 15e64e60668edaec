/** The participants admitted to the case, each with the ground of bill art. 2 §3 2° (SPEC ROL-02). */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.js';
import { useCaseView } from './case-view.js';
import { AdmitForm } from './workflow/AdmitForm.js';

export function ParticipantsSection() {
  const { t, i18n } = useTranslation();
  const { kase, can } = useCaseView();
  if (kase.participants.length === 0 && !can('admit')) return null;
  return (
    <section className="panel" aria-labelledby="case-participants">
      <h2 id="case-participants">{t('casePage.participants.title')}</h2>
      {kase.participants.length === 0 ? (
        <p>{t('casePage.participants.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('casePage.participants.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('casePage.participants.organisation')}</th>
                <th scope="col">{t('casePage.participants.ground')}</th>
                <th scope="col">{t('casePage.participants.justification')}</th>
                <th scope="col">{t('casePage.participants.admittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {kase.participants.map((participant) => (
                <tr key={participant.organisation.id}>
                  <th scope="row">{participant.organisation.legalName}</th>
                  <td>{t(`admissionGrounds.${participant.ground}`)}</td>
                  <td>{participant.justification}</td>
                  <td>
                    {formatDateTime(participant.admittedAt, i18n.language)}
                    {participant.revokedAt &&
                      ` – ${t('casePage.participants.revokedAt', {
                        date: formatDateTime(participant.revokedAt, i18n.language),
                      })}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can('admit') && <AdmitForm />}
    </section>
  );
}
