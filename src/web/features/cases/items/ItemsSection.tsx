/**
 * The information of the case, grouped by the sixteen categories of bill art. 2 §2 al. 1 in
 * their order, each item with its controller and provenance (issue 4 scope 4, 9).
 */
import { useTranslation } from 'react-i18next';
import { CATEGORY_CODES } from '../../../../contracts/legal-codes.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { useCaseView } from '../case-view.js';
import { ItemCard } from './ItemCard.js';
import { ItemForm } from './ItemForm.js';
import { useRestrictionFlags } from './use-restriction-flags.js';

export function ItemsSection() {
  const { t } = useTranslation();
  const { kase, can } = useCaseView();
  // RGT-RST-08: the neutral art. 7 flag on the covered items, for every reader.
  const restrictions = useRestrictionFlags(kase);
  const categories = CATEGORY_CODES.filter((code) => kase.items.some((item) => item.category === code));
  return (
    <section className="panel" aria-labelledby="case-items">
      <h2 id="case-items">{t('casePage.items.title')}</h2>
      {categories.length === 0 && <p>{t('casePage.items.none')}</p>}
      <ProblemAlert failure={restrictions.failure} />
      {categories.map((code) => (
        <section key={code} className="category" aria-labelledby={`category-${code}`}>
          <h3 id={`category-${code}`}>
            <span className="code">{code}</span> {t(`categories.${code}`)}
          </h3>
          <ul className="cards">
            {kase.items
              .filter((item) => item.category === code)
              .map((item) => (
                <li key={item.id} className="card">
                  <ItemCard item={item} restrictionFlag={restrictions.flags.get(item.id)} />
                </li>
              ))}
          </ul>
        </section>
      ))}
      {can('contribute') && <ItemForm />}
    </section>
  );
}
