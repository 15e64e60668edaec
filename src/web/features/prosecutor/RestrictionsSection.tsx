/**
 * The office's art. 7 restrictions (SPEC RGT-RST-01..10): those due for review or escalated first,
 * then the others; and the form to restrict a person's rights in a case the office authorised.
 */
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../contracts/cases.js';
import type { Restriction } from '../../../contracts/restrictions.js';
import { RestrictionCard } from './RestrictionCard.js';
import { RestrictionForm } from './RestrictionForm.js';
import { useCaseDetails } from './use-case-details.js';

/** Escalated and due reviews come first, then those in force, then the lifted ones. */
const rank = (restriction: Restriction): number =>
  restriction.escalated ? 0 : restriction.reviewDue ? 1 : restriction.liftedAt === null ? 2 : 3;

export function RestrictionsSection({
  restrictions,
  cases,
  authorised,
  onChanged,
}: {
  restrictions: readonly Restriction[];
  cases: readonly CaseSummary[];
  /** The cases in which the office may restrict rights. */
  authorised: readonly CaseSummary[];
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const details = useCaseDetails(restrictions.map((restriction) => restriction.caseId));
  const titles = new Map(cases.map((kase) => [kase.id, kase.title]));
  const sorted = [...restrictions].sort((a, b) => rank(a) - rank(b) || a.reviewOn.localeCompare(b.reviewOn));
  return (
    <>
      {sorted.length === 0 ? (
        <p>{t('prosecutor.restrictions.none')}</p>
      ) : (
        <ul className="cards">
          {sorted.map((restriction) => (
            <li key={restriction.id}>
              <RestrictionCard
                restriction={restriction}
                kase={details.get(restriction.caseId)}
                caseTitle={titles.get(restriction.caseId)}
                onChanged={onChanged}
              />
            </li>
          ))}
        </ul>
      )}
      <RestrictionForm cases={authorised} onCreated={onChanged} />
    </>
  );
}
