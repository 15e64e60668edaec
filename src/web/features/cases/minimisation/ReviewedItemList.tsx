/**
 * Information as the minimisation review lists it (SPEC PUR-04): its category, its controller,
 * when it was recorded and when someone else last read it; never its content.
 */
import { useTranslation } from 'react-i18next';
import type { ReviewedItem } from '../../../../contracts/minimisation.js';
import { formatDateTime } from '../../../i18n/format.js';

export function ReviewedItemFacts({ item }: { item: ReviewedItem }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <p>
        <span className="code">{item.category}</span> {t(`categories.${item.category}`)}
        {item.blocked && <span className="badge badge--muted">{t('minimisation.blocked')}</span>}
      </p>
      <dl className="facts">
        <dt>{t('casePage.items.controller')}</dt>
        <dd>{item.controller.legalName}</dd>
        <dt>{t('minimisation.recorded')}</dt>
        <dd>{formatDateTime(item.createdAt, i18n.language)}</dd>
        <dt>{t('minimisation.lastRead')}</dt>
        <dd>
          {item.lastReadAt ? formatDateTime(item.lastReadAt, i18n.language) : t('minimisation.neverRead')}
        </dd>
      </dl>
    </>
  );
}

export function ReviewedItemList({ items, empty }: { items: readonly ReviewedItem[]; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="cards">
      {items.map((item) => (
        <li key={item.id} className="card">
          <ReviewedItemFacts item={item} />
        </li>
      ))}
    </ul>
  );
}
