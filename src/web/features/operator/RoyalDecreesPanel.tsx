/**
 * The royal decrees an organisation processes data under (SPEC DAT-32, DAT-33): L1992 art. 8 §5
 * (judicial data, after prior written notice to the person) and L2007 art. 6 §3 (sexual-life
 * data, by an approved association, for the decree's duration). Those that ended stay listed.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, RoyalDecree } from '../../../contracts/identity.js';
import { formatDate } from '../../i18n/format.js';
import { RoyalDecreeForm } from './RoyalDecreeForm.js';

/** Today in Brussels, as the server counts a decree's days (both ends included). */
const brusselsToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());

function statusOf(decree: RoyalDecree, today: string): 'upcoming' | 'in_force' | 'ended' {
  if (today < decree.validFrom) return 'upcoming';
  return decree.validUntil !== null && decree.validUntil < today ? 'ended' : 'in_force';
}

export function RoyalDecreesPanel({
  organisation,
  onChanged,
}: {
  organisation: Organisation;
  onChanged(): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);
  const today = brusselsToday();

  async function recorded() {
    await onChanged();
    setMessage(t('operator.royalDecrees.recorded'));
    statusRef.current?.focus();
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('operator.royalDecrees.title', { organisation: organisation.legalName })}</h2>
      <p>{t('operator.royalDecrees.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {message && <p className="notice">{message}</p>}
      </div>
      {organisation.royalDecrees.length === 0 ? (
        <p>{t('operator.royalDecrees.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption>{t('operator.royalDecrees.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.royalDecrees.fields.reference')}</th>
                <th scope="col">{t('operator.royalDecrees.fields.kind')}</th>
                <th scope="col">{t('operator.royalDecrees.fields.validFrom')}</th>
                <th scope="col">{t('operator.royalDecrees.fields.validUntil')}</th>
                <th scope="col">{t('operator.royalDecrees.status')}</th>
              </tr>
            </thead>
            <tbody>
              {organisation.royalDecrees.map((decree) => (
                <tr key={decree.id}>
                  <th scope="row">{decree.reference}</th>
                  <td>{t(`operator.royalDecrees.kinds.${decree.kind}`)}</td>
                  <td>{formatDate(decree.validFrom, i18n.language)}</td>
                  <td>
                    {decree.validUntil
                      ? formatDate(decree.validUntil, i18n.language)
                      : t('operator.royalDecrees.openEnded')}
                  </td>
                  <td>{t(`operator.royalDecrees.statuses.${statusOf(decree, today)}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RoyalDecreeForm organisation={organisation} onRecorded={recorded} />
    </section>
  );
}
