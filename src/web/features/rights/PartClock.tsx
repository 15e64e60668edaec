/**
 * A legal clock of a part, in words (SPEC RGT-ACC-03, RGT-RST-09, A-13): the day it falls due
 * and its rule, and whether a reminder is due, it is overdue, or the part was answered in time.
 * The badge's colour only repeats what its text says (WCAG 1.4.1).
 */
import { useTranslation } from 'react-i18next';
import type { Clock, RightsPart } from '../../../contracts/rights.js';
import { formatDate } from '../../i18n/format.js';
import { clockState } from './clock-words.js';

const BADGE = {
  overdue: 'badge badge--overdue',
  answered_late: 'badge badge--overdue',
  second_reminder: 'badge badge--special',
  first_reminder: 'badge badge--special',
  answered_in_time: 'badge badge--muted',
  running: undefined,
} as const;

export function PartClock({ clock, part }: { clock: Clock; part: Pick<RightsPart, 'answeredAt'> }) {
  const { t, i18n } = useTranslation();
  const state = clockState(clock, part);
  const words =
    state.state === 'answered_in_time' || state.state === 'answered_late'
      ? t(`rights.clock.${state.state}`, { date: formatDate(state.answeredOn, i18n.language) })
      : t(`rights.clock.${state.state}`);
  const badge = BADGE[state.state];
  return (
    <>
      {t('rights.clock.due', { date: formatDate(clock.dueOn, i18n.language) })}{' '}
      {badge ? <strong className={badge}>{words}</strong> : <span>{words}</span>}
      <br />
      <span className="form__hint">{clock.rule}</span>
    </>
  );
}
