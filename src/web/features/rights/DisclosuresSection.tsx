/**
 * Every recipient of the part's data, from the controller's disclosure log (L2007 art. 12 §3;
 * SPEC RGT-CRT-03, RGT-REC-05): the co-participants who read it, own-file exporters, and the
 * communications outside Concerto, each with its class and time.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Disclosure, RightsPart } from '../../../contracts/rights.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { fetchDisclosures } from './rights-api.js';
import { ScrollingTable } from './ScrollingTable.js';

export function DisclosuresSection({ part }: { part: RightsPart }) {
  const { t, i18n } = useTranslation();
  const { busy, failure, run } = useAction();
  const [disclosures, setDisclosures] = useState<Disclosure[]>();
  const headingId = `disclosures-${part.id}`;
  return (
    <section className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('rights.disclosures.title')}</h3>
      <ProblemAlert failure={failure} />
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={busy}
        onClick={() =>
          void run(async () => {
            setDisclosures((await fetchDisclosures(part.id)).disclosures);
          })
        }
      >
        {t(disclosures ? 'rights.disclosures.refresh' : 'rights.disclosures.show')}
      </button>
      {disclosures &&
        (disclosures.length === 0 ? (
          <p>{t('rights.disclosures.none')}</p>
        ) : (
          <ScrollingTable caption={t('rights.disclosures.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('rights.disclosures.recipient')}</th>
                <th scope="col">{t('rights.disclosures.class')}</th>
                <th scope="col">{t('rights.disclosures.item')}</th>
                <th scope="col">{t('rights.disclosures.at')}</th>
                <th scope="col">{t('rights.disclosures.reference')}</th>
              </tr>
            </thead>
            <tbody>
              {disclosures.map((disclosure) => (
                <tr key={`${disclosure.recipient}-${disclosure.itemId}-${disclosure.at}`}>
                  <th scope="row">{disclosure.recipient}</th>
                  <td>{t(`rights.recipientClasses.${disclosure.recipientClass}`)}</td>
                  <td className="hash">{disclosure.itemId}</td>
                  <td>{formatDateTime(disclosure.at, i18n.language)}</td>
                  <td>{disclosure.reference ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        ))}
    </section>
  );
}
