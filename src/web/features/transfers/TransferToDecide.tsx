/**
 * A request for items my organisation controls (bill art. 4 al. 1 2°; SPEC FIL-05): each item
 * with its content, approved or refused one by one, with the requester's purpose and reasons.
 */
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../contracts/transfers.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { useAction } from '../../app/use-action.js';
import { ExportRegister } from './ExportRegister.js';
import { TransferFacts } from './TransferFacts.js';
import { decideTransferItem } from './transfers-api.js';
import { ContestedBadge } from '../cases/items/ContestedBadge.js';

export function TransferToDecide({
  transfer,
  onChanged,
}: {
  transfer: Transfer;
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const { busy, failure, run } = useAction();
  const headingId = `transfer-${transfer.id}`;
  const decide = (itemId: string, decision: 'approved' | 'refused', which: string) =>
    run(async () => {
      await decideTransferItem(transfer.id, itemId, decision);
      await onChanged(t(`transfers.toDecide.done.${decision}`, { item: which }));
    });
  return (
    <article className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('transfers.requestFrom', { organisation: transfer.requester.legalName })}</h3>
      <TransferFacts transfer={transfer} />
      <ProblemAlert failure={failure} />
      <ul className="cards">
        {transfer.items.map((item) => {
          const which = `${item.category} ${t(`categories.${item.category}`)}`;
          const mine = transfer.can.decide.includes(item.itemId);
          return (
            <li key={item.itemId} className="card">
              <p>
                <span className="code">{item.category}</span> {t(`categories.${item.category}`)} –{' '}
                {item.controller.legalName}
                {item.secretOfInvestigation && (
                  <span className="badge badge--secret">{t('casePage.items.secret')}</span>
                )}
                <ContestedBadge contested={item.contested} />
              </p>
              {item.content !== null && <p className="item__content">{item.content}</p>}
              <p>
                {t('transfers.decision')}: <strong>{t(`transferDecisions.${item.decision}`)}</strong>
              </p>
              {mine && (
                <div className="button-row">
                  <button
                    type="button"
                    className="button"
                    aria-disabled={busy}
                    onClick={() => void decide(item.itemId, 'approved', which)}
                  >
                    {t('transfers.toDecide.approve')}
                    <span className="visually-hidden">: {which}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-disabled={busy}
                    onClick={() => void decide(item.itemId, 'refused', which)}
                  >
                    {t('transfers.toDecide.refuse')}
                    <span className="visually-hidden">: {which}</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {/* FIL-08: the controller sees whether the exporter acknowledged the changes it was told of. */}
      <ExportRegister transfer={transfer} />
    </article>
  );
}
