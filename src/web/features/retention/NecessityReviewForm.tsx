/**
 * A necessity review of a closed case (L2007 art. 4 §1 5°; SPEC RET-05, PUR-05): its keeper decides
 * to keep the case for one of its purposes, or to delete it now, which puts it on a destruction list
 * (the four eyes still approve). Both choices name the purpose the decision is taken for.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NecessityReview } from '../../../contracts/retention.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { useAction } from '../../app/use-action.js';
import { RadioGroup } from '../cross-border/RadioGroup.js';
import { decideNecessityReview } from './retention-api.js';

type Decision = NecessityReview['decision'] & string;

export function NecessityReviewForm({
  review,
  onDecided,
}: {
  review: NecessityReview;
  onDecided(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [purpose, setPurpose] = useState(review.purposes.length === 1 ? (review.purposes[0] ?? '') : '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [
    { id: `${id}-decision`, paths: ['decision'], message: t('retention.reviews.errors.decision') },
    { id: `${id}-purpose`, paths: ['purpose'], message: t('retention.reviews.errors.purpose') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = fields.filter((_, index) => (index === 0 ? decision === '' : purpose === ''));
    setErrors(missing);
    if (decision === '' || purpose === '') return;
    await run(async () => {
      try {
        await decideNecessityReview(review.id, {
          decision,
          purpose: purpose as NecessityReview['purposes'][number],
        });
        await onDecided(t(`retention.reviews.done.${decision}`, { id: review.caseId }));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <ProblemAlert failure={failure} fields={errors} />
      <RadioGroup
        id={`${id}-decision`}
        legend={t('retention.reviews.decision')}
        value={decision}
        onChange={(value) => setDecision(value as Decision)}
        error={errorOf(errors, `${id}-decision`)}
        options={[
          { value: 'keep', label: t('retention.reviews.decisions.keep') },
          {
            value: 'delete_now',
            label: t('retention.reviews.decisions.delete_now'),
            description: t('retention.reviews.deleteNowHint'),
          },
        ]}
      />
      <SelectField
        id={`${id}-purpose`}
        label={t('retention.reviews.purpose')}
        hint={t('retention.reviews.purposeHint')}
        value={purpose}
        onChange={setPurpose}
        error={errorOf(errors, `${id}-purpose`)}
        options={[
          { value: '', label: t('common.choose') },
          ...review.purposes.map((code) => ({ value: code, label: `${code} – ${t(`purposes.${code}`)}` })),
        ]}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('retention.reviews.submit')}
        <span className="visually-hidden"> {review.caseId}</span>
      </button>
    </form>
  );
}
