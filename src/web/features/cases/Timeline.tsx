/** The case's history: what happened, when, by whom, and the state it left the case in. */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.js';
import { useCaseView } from './case-view.js';

const KNOWN_EVENTS = [
  'created',
  'review_requested',
  'more_information_requested',
  'signalled',
  'not_signalled',
  'accepted',
  'refused',
  'participant_admitted',
  'participant_revoked',
  'retention_proposed',
  'retention_approved',
  'retention_change_proposed',
  'retention_change_approved',
  'retention_changed',
  'consultation_opened',
  'consultation_closed',
  'closed',
  'reopened',
] as const;
type KnownEvent = (typeof KNOWN_EVENTS)[number];
const isKnown = (kind: string): kind is KnownEvent => (KNOWN_EVENTS as readonly string[]).includes(kind);

const STATES = new Set([
  'pre_registered',
  'under_evaluation',
  'not_signalled',
  'signalled',
  'accepted',
  'refused',
  'in_consultation',
  'follow_up',
  'closed',
]);

export function Timeline() {
  const { t, i18n } = useTranslation();
  const { kase } = useCaseView();
  return (
    <section className="panel" aria-labelledby="case-timeline">
      <h2 id="case-timeline">{t('casePage.timeline.title')}</h2>
      <ol className="timeline">
        {kase.history.map((event, index) => (
          // The history only grows, in order: the position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>
            <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>{' '}
            <strong>{isKnown(event.kind) ? t(`historyEvents.${event.kind}`) : event.kind}</strong>
            {(event.user || event.organisation) && (
              <>
                {' – '}
                {[event.user, event.organisation].filter(Boolean).join(', ')}
              </>
            )}
            {event.state && STATES.has(event.state) && (
              <>
                {' – '}
                {t('casePage.timeline.state', {
                  state: t(`caseStates.${event.state as 'closed'}`),
                })}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
