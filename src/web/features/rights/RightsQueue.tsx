/**
 * The desk's queue (SPEC RGT-ACC-03, RGT-RST-09, RGT-CRT-02): each part with its kind, requester,
 * receipt, route and why, the controller's clock and, on the prosecutor's route, the prosecutor's
 * (both shown, SPEC A-13), its status and outcome, and a warning once the person may go to court.
 */
import { useTranslation } from 'react-i18next';
import type { RightsPart } from '../../../contracts/rights.js';
import { formatDateTime } from '../../i18n/format.js';
import { PartClock } from './PartClock.js';
import { ScrollingTable } from './ScrollingTable.js';

export function RightsQueue({
  parts,
  selectedId,
  onSelect,
}: {
  parts: readonly RightsPart[];
  selectedId: string | undefined;
  onSelect(part: RightsPart): void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollingTable caption={t('rights.queue.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('rights.queue.requester')}</th>
          <th scope="col">{t('rights.queue.kind')}</th>
          <th scope="col">{t('rights.queue.receivedAt')}</th>
          <th scope="col">{t('rights.queue.route')}</th>
          <th scope="col">{t('rights.queue.clock')}</th>
          <th scope="col">{t('rights.queue.prosecutorClock')}</th>
          <th scope="col">{t('rights.queue.status')}</th>
          <th scope="col">{t('rights.queue.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {parts.map((part) => (
          <tr key={part.id} className={part.clock?.overdue ? 'row--overdue' : undefined}>
            <th scope="row">{part.requesterName}</th>
            <td>{t(`rights.kinds.${part.kind}`)}</td>
            <td>{formatDateTime(part.receivedAt, i18n.language)}</td>
            <td>
              {t(`rights.routes.${part.route}`)}
              <br />
              <span className="form__hint">{part.routeReason}</span>
            </td>
            <td>{part.clock ? <PartClock clock={part.clock} part={part} /> : t('rights.clock.none')}</td>
            <td>
              {part.prosecutorClock ? (
                <PartClock clock={part.prosecutorClock} part={part} />
              ) : (
                t('rights.clock.notOnRoute')
              )}
            </td>
            <td>
              {t(`rights.statuses.${part.status}`)}
              {part.outcome && ` – ${t(`rights.outcomes.${part.outcome}`)}`}
              {part.courtActionAdmissible && (
                <>
                  <br />
                  <strong className="badge badge--overdue">{t('rights.courtActionAdmissible')}</strong>
                </>
              )}
            </td>
            <td>
              <button
                type="button"
                className="button button--secondary"
                aria-pressed={part.id === selectedId}
                onClick={() => onSelect(part)}
              >
                {t('rights.queue.open', { name: part.requesterName })}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
