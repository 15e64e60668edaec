/**
 * The organiser's minimisation review (bill Comm. art. 2; L2007 art. 4 §1 3°; SPEC PUR-04,
 * DAT-16): whether the shared information is adequate, relevant and not excessive, examined case
 * by case. The organiser runs it for a number of days unread; it lists the information of
 * categories 9 to 16 without its relevance justification, the information nobody else read in
 * that time, and the catch-all information with its review. It shows no content; the server
 * logs each run as a consultation, so it runs when asked, not when the page opens.
 */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_NOT_ACCESSED_DAYS,
  MAX_NOT_ACCESSED_DAYS,
  type MinimisationReview,
} from '../../../../contracts/minimisation.js';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { TextField } from '../../../app/TextField.js';
import { useAction } from '../../../app/use-action.js';
import { formatDate, formatDateTime } from '../../../i18n/format.js';
import { useCaseView } from '../case-view.js';
import { CatchAllItems } from './CatchAllItems.js';
import { fetchMinimisationReview } from './minimisation-api.js';
import { ReviewedItemList } from './ReviewedItemList.js';

function Report({
  review,
  onReviewed,
}: {
  review: MinimisationReview;
  onReviewed(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const part = (key: string, title: string, body: ReactNode) => (
    <section className="subpanel" aria-labelledby={`${id}-${key}`}>
      <h3 id={`${id}-${key}`}>{title}</h3>
      {body}
    </section>
  );
  return (
    <>
      <p>{t('minimisation.generated', { date: formatDateTime(review.generatedAt, i18n.language) })}</p>
      {part(
        'unjustified',
        t('minimisation.unjustified.title', { n: review.unjustified.length }),
        <ReviewedItemList items={review.unjustified} empty={t('minimisation.unjustified.none')} />,
      )}
      {part(
        'not-accessed',
        t('minimisation.notAccessed.title', {
          n: review.notAccessed.length,
          date: formatDate(review.notAccessedSince, i18n.language),
        }),
        <ReviewedItemList items={review.notAccessed} empty={t('minimisation.notAccessed.none')} />,
      )}
      {part(
        'catch-all',
        t('minimisation.catchAll.title', { category: t('categories.C16'), n: review.catchAll.length }),
        <>
          <p>{t('minimisation.catchAll.intro')}</p>
          <CatchAllItems items={review.catchAll} onReviewed={onReviewed} />
        </>,
      )}
    </>
  );
}

export function MinimisationSection() {
  const { t } = useTranslation();
  const { kase, can } = useCaseView();
  const id = useId();
  const daysId = `${id}-days`;
  const [days, setDays] = useState(String(DEFAULT_NOT_ACCESSED_DAYS));
  const [review, setReview] = useState<MinimisationReview>();
  const [message, setMessage] = useState<string>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  if (!can('review_minimisation')) return null;
  const fields = [
    {
      id: daysId,
      paths: ['querystring.notAccessedForDays'],
      message: t('minimisation.errors.days', { max: MAX_NOT_ACCESSED_DAYS }),
    },
  ];

  const load = (period: string) =>
    run(async () => {
      try {
        setReview(await fetchMinimisationReview(kase.id, period));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const period = days.trim();
    if (!/^[0-9]{1,4}$/.test(period) || Number(period) < 1 || Number(period) > MAX_NOT_ACCESSED_DAYS) {
      setErrors(fields);
      return;
    }
    setErrors([]);
    setMessage(undefined);
    await load(period);
  }

  async function reviewed(done: string) {
    setMessage(done);
    await load(String(review?.notAccessedForDays ?? DEFAULT_NOT_ACCESSED_DAYS));
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('minimisation.title')}</h2>
      <p>{t('minimisation.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <ProblemAlert failure={failure} fields={errors} />
        <TextField
          id={daysId}
          label={t('minimisation.days')}
          hint={t('minimisation.daysHint', {
            default: DEFAULT_NOT_ACCESSED_DAYS,
            max: MAX_NOT_ACCESSED_DAYS,
          })}
          inputMode="numeric"
          value={days}
          onChange={setDays}
          error={errorOf(errors, daysId)}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('minimisation.run')}
        </button>
      </form>
      <div role="status">{message && <p className="notice">{message}</p>}</div>
      {review && <Report review={review} onReviewed={reviewed} />}
    </section>
  );
}
