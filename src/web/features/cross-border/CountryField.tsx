/**
 * A country chosen from the lists the transfer rules read, grouped by zone (Belgium, the member
 * states of the Community, the other countries: L2007 art. 21 §1), so that the user sees where a
 * transfer needs a basis. Its hint and error are read with it (WCAG 1.3.1, 3.3.1, 3.3.2).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryLists } from '../../../contracts/cross-border.js';
import { describedBy, FieldHelp } from '../../app/FieldHelp.js';
import { type CountryZone, countryGroups } from './countries.js';

export function CountryField({
  id,
  label,
  hint,
  error,
  value,
  lists,
  zones,
  empty,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  lists: CountryLists;
  /** The zones offered (default: all). */
  zones?: readonly CountryZone[];
  /** The label of the empty choice. */
  empty: string;
  onChange(value: string): void;
}) {
  const { t, i18n } = useTranslation();
  const groups = useMemo(() => countryGroups(lists, i18n.language, zones), [lists, i18n.language, zones]);
  return (
    <div className={error ? 'form__field form__field--error' : 'form__field'}>
      <label htmlFor={id}>{label}</label>
      <FieldHelp id={id} hint={hint} error={error} />
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        <option value="">{empty}</option>
        {groups.map((group) => (
          <optgroup key={group.zone} label={t(`crossBorder.zones.${group.zone}`)}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
