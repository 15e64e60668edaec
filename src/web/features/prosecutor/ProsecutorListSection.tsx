/**
 * The office's list (bill art. 8; SPEC LST-01..04): proposals and pending updates first, with the
 * identity the server shows for them, then the registered entries without it; and the lookup
 * bound to a restriction or a request (LST-02). There is no browsing by name and no export.
 */
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../contracts/cases.js';
import type { ListEntry } from '../../../contracts/prosecutor-list.js';
import { ListEntryCard } from './ListEntryCard.js';
import { LookupForm, type LookupLink } from './LookupForm.js';

const awaiting = (entry: ListEntry): boolean => entry.status === 'proposed' || entry.updatePending;

export function ProsecutorListSection({
  entries,
  cases,
  links,
  onChanged,
}: {
  entries: readonly ListEntry[];
  cases: readonly CaseSummary[];
  links: readonly LookupLink[];
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const titles = new Map(cases.map((kase) => [kase.id, kase.title]));
  const toAct = entries.filter(awaiting);
  const registered = entries.filter((entry) => !awaiting(entry));
  const cards = (list: readonly ListEntry[]) => (
    <ul className="cards">
      {list.map((entry) => (
        <li key={entry.id}>
          <ListEntryCard entry={entry} caseTitle={titles.get(entry.caseId)} onChanged={onChanged} />
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <h3>{t('prosecutor.list.toActTitle')}</h3>
      {toAct.length === 0 ? <p>{t('prosecutor.list.noneToAct')}</p> : cards(toAct)}
      <h3>{t('prosecutor.list.registeredTitle')}</h3>
      <p>{t('prosecutor.list.registeredIntro')}</p>
      {registered.length === 0 ? <p>{t('prosecutor.list.noneRegistered')}</p> : cards(registered)}
      <LookupForm links={links} />
    </>
  );
}
