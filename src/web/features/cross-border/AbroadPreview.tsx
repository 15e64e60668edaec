/**
 * What the declaration's §6 will say of the transmissions abroad (L1992 art. 17 §6 1°; SPEC DCL-18,
 * DCL-20, TRF-11): each data category sent outside Belgium and the countries it goes to, from the
 * destinations in force, onward processors included.
 */
import { useTranslation } from 'react-i18next';
import type { AbroadCategory } from '../../../contracts/cross-border.js';
import { countryLabel } from './countries.js';

export function AbroadPreview({ abroad }: { abroad: readonly AbroadCategory[] }) {
  const { t, i18n } = useTranslation();
  if (abroad.length === 0) return <p>{t('crossBorder.abroad.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('crossBorder.abroad.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('crossBorder.abroad.category')}</th>
            <th scope="col">{t('crossBorder.abroad.countries')}</th>
          </tr>
        </thead>
        <tbody>
          {abroad.map((entry) => (
            <tr key={entry.category}>
              <th scope="row">
                <span className="code">{entry.category}</span> {t(`categories.${entry.category}`)}
              </th>
              <td>{entry.countries.map((country) => countryLabel(country, i18n.language)).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
