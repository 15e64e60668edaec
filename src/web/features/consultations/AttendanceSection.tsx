/**
 * Who attends (SPEC WFL-09): each attendee records their own presence; a permanent
 * representative names the authority they represent today (bill art. 5; SPEC ROL-04).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Representation } from '../../../contracts/representation.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { fetchRepresentations } from '../representations/representations-api.js';
import { useConsultationView } from './consultation-view.js';
import { recordAttendance } from './consultations-api.js';

export function AttendanceSection() {
  const { t, i18n } = useTranslation();
  const { consultation, userId, roles, changed } = useConsultationView();
  const [represented, setRepresented] = useState<Representation[]>([]);
  const { busy, failure, run } = useAction();
  const representative = roles.includes('representative');

  useEffect(() => {
    if (!representative) return;
    const controller = new AbortController();
    fetchRepresentations(controller.signal).then(
      (list) => setRepresented(list.filter((r) => r.active && r.representativeId === userId)),
      () => setRepresented([]),
    );
    return () => controller.abort();
  }, [representative, userId]);

  const names = new Map(
    [consultation.organiser, ...consultation.agenda.flatMap((item) => item.parties)].map((o) => [
      o.id,
      o.legalName,
    ]),
  );
  const attends = consultation.attendance.some((entry) => entry.userId === userId);
  const attend = (authorityId: string | null) =>
    run(async () => {
      await recordAttendance(consultation.id, authorityId);
      await changed(
        authorityId
          ? t('consultation.attendance.recordedRepresenting', {
              authority: names.get(authorityId) ?? authorityId,
            })
          : t('consultation.attendance.recorded'),
      );
    });

  return (
    <section className="panel" aria-labelledby="consultation-attendance">
      <h2 id="consultation-attendance">{t('consultation.attendance.title')}</h2>
      {consultation.attendance.length === 0 ? (
        <p>{t('consultation.attendance.none')}</p>
      ) : (
        <ul>
          {consultation.attendance.map((entry) => (
            <li key={`${entry.userId}-${entry.representing?.id ?? ''}`}>
              {entry.displayName}, {entry.organisation.legalName}
              {entry.representing &&
                ` – ${t('consultation.attendance.representing', { authority: entry.representing.legalName })}`}{' '}
              ({formatDateTime(entry.recordedAt, i18n.language)})
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert failure={failure} />
      {consultation.state !== 'closed' && (
        <div className="button-row">
          {!attends && (
            <button type="button" className="button" aria-disabled={busy} onClick={() => void attend(null)}>
              {t('consultation.attendance.attend')}
            </button>
          )}
          {represented.map((representation) => (
            <button
              key={representation.id}
              type="button"
              className="button button--secondary"
              aria-disabled={busy}
              onClick={() => void attend(representation.authorityId)}
            >
              {t('consultation.attendance.attendRepresenting', {
                authority: names.get(representation.authorityId) ?? representation.authorityId,
              })}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
