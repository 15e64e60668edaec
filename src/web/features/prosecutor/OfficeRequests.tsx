/**
 * The requests of persons concerned that bill art. 7 al. 2 sends to the office, still to answer,
 * each with the prosecutor's three-month clock (SPEC RGT-RST-09, A-13). They are worked on the
 * rights desk, where the office answers them.
 */
import { useTranslation } from 'react-i18next';
import type { RightsPart } from '../../../contracts/rights.js';
import { Link } from '../../app/router.js';
import { formatDateTime } from '../../i18n/format.js';
import { PartClock } from '../rights/PartClock.js';

export function OfficeRequests({ parts }: { parts: readonly RightsPart[] }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {parts.length === 0 ? (
        <p>{t('prosecutor.requests.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('prosecutor.requests.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rights.queue.requester')}</th>
                <th scope="col">{t('rights.queue.kind')}</th>
                <th scope="col">{t('rights.queue.receivedAt')}</th>
                <th scope="col">{t('prosecutor.requests.controller')}</th>
                <th scope="col">{t('rights.queue.prosecutorClock')}</th>
                <th scope="col">{t('rights.queue.status')}</th>
              </tr>
            </thead>
            <tbody>
              {parts.map((part) => (
                <tr key={part.id}>
                  <th scope="row">{part.requesterName}</th>
                  <td>{t(`rights.kinds.${part.kind}`)}</td>
                  <td>{formatDateTime(part.receivedAt, i18n.language)}</td>
                  <td>{part.controller.legalName}</td>
                  <td>
                    {part.prosecutorClock ? (
                      <PartClock clock={part.prosecutorClock} part={part} />
                    ) : (
                      t('rights.clock.notOnRoute')
                    )}
                  </td>
                  <td>{t(`rights.statuses.${part.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to="/rights-desk">{t('prosecutor.requests.open')}</Link>
      </p>
    </>
  );
}
