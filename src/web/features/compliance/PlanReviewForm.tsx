/**
 * Recording a review of the security plan and risk assessment (SPEC SEC-03): the version reviewed,
 * the day, why (first adoption, the yearly review, or a significant change, then described), where
 * the plan and the risk assessment are kept, and the six areas SEC-03 names that it covers.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REVIEW_OCCASIONS,
  SECURITY_PLAN_AREAS,
  type SecurityPlanArea,
} from '../../../contracts/compliance.js';
import { CheckboxGroup } from '../../app/CheckboxGroup.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { recordPlanReview } from './compliance-api.js';
import {
  emptyPlanReview,
  type Occasion,
  PLAN_REVIEW_CONTROLS,
  type PlanReviewDraft,
  planReviewBody,
} from './plan-review-draft.js';

export function PlanReviewForm({ onRecorded }: { onRecorded(): Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<PlanReviewDraft>(emptyPlanReview);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = Object.fromEntries(
    PLAN_REVIEW_CONTROLS.map((control) => [control, `${id}-${control}`]),
  ) as Record<(typeof PLAN_REVIEW_CONTROLS)[number], string>;
  const fields = PLAN_REVIEW_CONTROLS.map((control) => ({
    id: ids[control],
    paths: [control],
    message: t(`compliance.planReviewForm.errors.${control}`),
  }));
  const set =
    <K extends keyof PlanReviewDraft>(field: K) =>
    (value: PlanReviewDraft[K]) =>
      setDraft((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        await recordPlanReview(planReviewBody(draft));
        setDraft(emptyPlanReview());
        await onRecorded();
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{t('compliance.planReviewForm.title')}</h3>
      <ProblemAlert failure={failure} fields={errors} />
      <TextField
        id={ids.planVersion}
        label={t('compliance.planReviews.planVersion')}
        hint={t('compliance.planReviewForm.planVersionHint')}
        value={draft.planVersion}
        onChange={set('planVersion')}
        error={errorOf(errors, ids.planVersion)}
      />
      <TextField
        id={ids.reviewedOn}
        type="date"
        label={t('compliance.planReviews.reviewedOn')}
        value={draft.reviewedOn}
        onChange={set('reviewedOn')}
        error={errorOf(errors, ids.reviewedOn)}
      />
      <SelectField
        id={ids.occasion}
        label={t('compliance.planReviews.occasion')}
        value={draft.occasion}
        options={REVIEW_OCCASIONS.map((occasion) => ({
          value: occasion,
          label: t(`compliance.planReviews.occasions.${occasion}`),
        }))}
        onChange={(value) => set('occasion')(value as Occasion)}
        error={errorOf(errors, ids.occasion)}
      />
      {draft.occasion === 'significant_change' && (
        <TextAreaField
          id={ids.changeDescription}
          label={t('compliance.planReviewForm.changeDescription')}
          hint={t('compliance.planReviewForm.changeDescriptionHint')}
          value={draft.changeDescription}
          onChange={set('changeDescription')}
          error={errorOf(errors, ids.changeDescription)}
        />
      )}
      <TextField
        id={ids.planReference}
        label={t('compliance.planReviews.planReference')}
        hint={t('compliance.planReviewForm.referenceHint')}
        value={draft.planReference}
        onChange={set('planReference')}
        error={errorOf(errors, ids.planReference)}
      />
      <TextField
        id={ids.riskAssessmentReference}
        label={t('compliance.planReviews.riskAssessmentReference')}
        hint={t('compliance.planReviewForm.referenceHint')}
        value={draft.riskAssessmentReference}
        onChange={set('riskAssessmentReference')}
        error={errorOf(errors, ids.riskAssessmentReference)}
      />
      <CheckboxGroup
        id={ids.areas}
        legend={t('compliance.planReviews.areas')}
        hint={t('compliance.planReviewForm.areasHint')}
        options={SECURITY_PLAN_AREAS.map((area) => ({ value: area, label: t(`compliance.areas.${area}`) }))}
        values={draft.areas}
        onChange={(values) => set('areas')(values as SecurityPlanArea[])}
        error={errorOf(errors, ids.areas)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('compliance.planReviewForm.submit')}
      </button>
    </form>
  );
}
