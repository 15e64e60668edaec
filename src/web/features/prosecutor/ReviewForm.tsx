/**
 * Reviewing a restriction (SPEC RGT-RST-07): confirm, narrow or lift, with the reason; the server
 * refuses a narrowing that keeps everything and a review date beyond the legal period, naming the field.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../contracts/cases.js';
import { REVIEW_DECISIONS, type Restriction } from '../../../contracts/restrictions.js';
import { CheckboxGroup } from '../../app/CheckboxGroup.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { itemLabel } from './case-labels.js';
import { reviewRestriction } from './prosecutor-api.js';
import type { RightCode } from './restriction-draft.js';
import { emptyReview, type ReviewDraft, reviewBody } from './review-draft.js';

const FIELDS = ['decision', 'reason', 'reviewOn', 'rights', 'itemIds'] as const;

export function ReviewForm({
  restriction,
  kase,
  who,
  onReviewed,
}: {
  restriction: Restriction;
  kase: CaseDetail | undefined;
  /** Whose restriction, for the announcement. */
  who: string;
  onReviewed(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ids = Object.fromEntries(FIELDS.map((name) => [name, `${id}-${name}`])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const current = { rights: restriction.rights as RightCode[], itemIds: restriction.itemIds };
  const [draft, setDraft] = useState<ReviewDraft>(() => emptyReview(current));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const change = (changes: Partial<ReviewDraft>) => setDraft((value) => ({ ...value, ...changes }));
  const fields = FIELDS.map((name) => ({
    id: ids[name],
    paths: [name],
    message: t(`prosecutor.review.errors.${name}`),
  }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = draft.reason.trim() === '' ? fields.filter((field) => field.id === ids.reason) : [];
    setErrors(local);
    if (local.length > 0) return;
    await run(async () => {
      try {
        await reviewRestriction(restriction.id, reviewBody(draft, current));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      await onReviewed(t(`prosecutor.review.done.${draft.decision}`, { name: who }));
    });
  }

  const items = kase?.items.filter((item) => restriction.itemIds.includes(item.id)) ?? [];
  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('prosecutor.review.title', { name: who })}</h4>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <SelectField
          id={ids.decision}
          label={t('prosecutor.review.decision')}
          value={draft.decision}
          options={REVIEW_DECISIONS.map((decision) => ({
            value: decision,
            label: t(`prosecutor.review.decisions.${decision}`),
          }))}
          onChange={(decision) => change({ decision: decision as ReviewDraft['decision'] })}
          error={errorOf(errors, ids.decision)}
        />
        <TextAreaField
          id={ids.reason}
          label={t('prosecutor.review.reason')}
          hint={t('prosecutor.review.reasonHint')}
          value={draft.reason}
          onChange={(reason) => change({ reason })}
          error={errorOf(errors, ids.reason)}
        />
        {draft.decision === 'narrow' && (
          <>
            <CheckboxGroup
              id={ids.rights}
              legend={t('prosecutor.review.rights')}
              error={errorOf(errors, ids.rights)}
              options={current.rights.map((right) => ({
                value: right,
                label: t(`prosecutor.rights.${right}`),
              }))}
              values={draft.rights}
              onChange={(rights) => change({ rights: rights as RightCode[] })}
            />
            {items.length > 0 && (
              <CheckboxGroup
                id={ids.itemIds}
                legend={t('prosecutor.review.items')}
                error={errorOf(errors, ids.itemIds)}
                options={items.map((item) => ({ value: item.id, label: itemLabel(t, item) }))}
                values={draft.itemIds}
                onChange={(itemIds) => change({ itemIds })}
              />
            )}
          </>
        )}
        {draft.decision !== 'lift' && (
          <TextField
            id={ids.reviewOn}
            type="date"
            label={t('prosecutor.review.reviewOn')}
            hint={t('prosecutor.review.reviewOnHint')}
            value={draft.reviewOn}
            onChange={(reviewOn) => change({ reviewOn })}
            error={errorOf(errors, ids.reviewOn)}
          />
        )}
        <button type="submit" className="button" aria-disabled={busy}>
          {t(`prosecutor.review.submit.${draft.decision}`)}
        </button>
      </form>
    </section>
  );
}
