/**
 * The catch-all information of the case (bill art. 2 §2 al. 1 16°; SPEC DAT-16), on its own:
 * each with its necessity justification (unless the reader was not designated for what it holds,
 * SPEC DAT-19) and the organiser's last review, which the organiser records here: kept as
 * necessary, or a correction asked of its controller (SPEC ROL-09).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATCH_ALL_DECISIONS,
  type CatchAllDecision,
  type CatchAllItem,
} from '../../../../contracts/minimisation.js';
import { formatDateTime } from '../../../i18n/format.js';
import { useCaseView } from '../case-view.js';
import { ReasonForm } from '../workflow/ReasonForm.js';
import { reviewCatchAllItem } from './minimisation-api.js';
import { ReviewedItemFacts } from './ReviewedItemList.js';

function ReviewForm({
  item,
  onReviewed,
}: {
  item: CatchAllItem;
  onReviewed(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { kase } = useCaseView();
  const [decision, setDecision] = useState<CatchAllDecision>('kept');
  const which = `${item.category}, ${item.controller.legalName}, ${formatDateTime(item.createdAt, i18n.language)}`;
  return (
    <ReasonForm
      title={t('minimisation.review.title', { item: which })}
      label={t(`minimisation.review.reason.${decision}`)}
      submit={t('minimisation.review.submit')}
      onSubmit={async (reason) => {
        await reviewCatchAllItem(kase.id, item.id, { decision, reason });
        await onReviewed(t(`minimisation.review.done.${decision}`));
      }}
    >
      <fieldset className="form__choice">
        <legend>{t('minimisation.review.decision')}</legend>
        {CATCH_ALL_DECISIONS.map((choice) => (
          <label key={choice} className="form__radio">
            <input
              type="radio"
              name={`catch-all-${item.id}`}
              checked={decision === choice}
              onChange={() => setDecision(choice)}
            />
            {t(`minimisation.review.choices.${choice}`)}
          </label>
        ))}
      </fieldset>
    </ReasonForm>
  );
}

function LastReview({ item }: { item: CatchAllItem }) {
  const { t, i18n } = useTranslation();
  const review = item.lastReview;
  if (!review) return <dd>{t('minimisation.catchAll.notReviewed')}</dd>;
  return (
    <dd>
      {t('minimisation.catchAll.reviewed', {
        decision: t(`minimisation.decisions.${review.decision}`),
        reviewer: review.reviewer,
        date: formatDateTime(review.reviewedAt, i18n.language),
      })}
      {review.reason && ` – ${review.reason}`}
      {review.itemVersion < item.version && (
        <strong> {t('minimisation.catchAll.changedSince', { version: item.version })}</strong>
      )}
    </dd>
  );
}

export function CatchAllItems({
  items,
  onReviewed,
}: {
  items: readonly CatchAllItem[];
  onReviewed(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('minimisation.catchAll.none')}</p>;
  return (
    <ul className="cards">
      {items.map((item) => (
        <li key={item.id} className="card">
          <ReviewedItemFacts item={item} />
          <dl className="facts">
            <dt>{t('minimisation.catchAll.relevance')}</dt>
            <dd>{item.restricted ? t('minimisation.catchAll.restricted') : (item.relevance ?? '—')}</dd>
            <dt>{t('minimisation.catchAll.lastReview')}</dt>
            <LastReview item={item} />
          </dl>
          {!item.restricted && !item.blocked && (
            // A new review starts from a blank form.
            <ReviewForm key={item.lastReview?.id ?? 'none'} item={item} onReviewed={onReviewed} />
          )}
        </li>
      ))}
    </ul>
  );
}
