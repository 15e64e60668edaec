/**
 * The controller's review of a processor (L2007 art. 16 §1 2°, §4; SPEC PRC-02, PRC-07): a compliance
 * review, or the review of a version of the security plan, with its day, outcome and findings.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROCESSOR_REVIEW_KINDS,
  PROCESSOR_REVIEW_OUTCOMES,
  type ProcessorRecord,
  type RecordProcessorReview,
} from '../../../contracts/processors.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { formatDate, todayInBrussels } from '../../i18n/format.js';
import { RadioGroup } from '../cross-border/RadioGroup.js';
import { recordProcessorReview } from './processors-api.js';

type Kind = RecordProcessorReview['kind'];
type Outcome = RecordProcessorReview['outcome'];
const CONTROLS = ['kind', 'reviewedOn', 'outcome', 'findings', 'documentId'] as const;

export function ReviewForm({ record, onRecorded }: { record: ProcessorRecord; onRecorded(): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const formId = useId();
  const [kind, setKind] = useState<Kind>('compliance');
  const [reviewedOn, setReviewedOn] = useState(todayInBrussels);
  const [outcome, setOutcome] = useState<Outcome>('compliant');
  const [findings, setFindings] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = Object.fromEntries(CONTROLS.map((control) => [control, `${formId}-${control}`])) as Record<
    (typeof CONTROLS)[number],
    string
  >;
  const fields = CONTROLS.map((control) => ({
    id: ids[control],
    paths: [control],
    message: t(`processors.review.errors.${control}`),
  }));
  const plans = record.documents.filter((document) => document.kind === 'security_plan');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        await recordProcessorReview(record.id, {
          kind,
          reviewedOn,
          outcome,
          findings: findings.trim(),
          ...(kind === 'security_plan' && documentId !== '' && { documentId }),
        });
        setFindings('');
        await onRecorded();
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h4>{t('processors.review.title')}</h4>
      <ProblemAlert failure={failure} fields={errors} />
      <SelectField
        id={ids.kind}
        label={t('processors.review.kind')}
        value={kind}
        options={PROCESSOR_REVIEW_KINDS.map((value) => ({
          value,
          label: t(`processors.reviewKinds.${value}`),
        }))}
        onChange={(value) => setKind(value as Kind)}
        error={errorOf(errors, ids.kind)}
      />
      {kind === 'security_plan' && (
        <SelectField
          id={ids.documentId}
          label={t('processors.review.document')}
          value={documentId}
          options={[
            { value: '', label: t('common.choose') },
            ...plans.map((plan) => ({
              value: plan.id,
              label: t('processors.review.planVersion', {
                version: plan.version,
                date: formatDate(plan.documentDate, i18n.language),
              }),
            })),
          ]}
          onChange={setDocumentId}
          error={errorOf(errors, ids.documentId)}
        />
      )}
      <TextField
        id={ids.reviewedOn}
        type="date"
        label={t('processors.review.reviewedOn')}
        value={reviewedOn}
        onChange={setReviewedOn}
        error={errorOf(errors, ids.reviewedOn)}
      />
      <RadioGroup
        id={ids.outcome}
        legend={t('processors.review.outcome')}
        value={outcome}
        options={PROCESSOR_REVIEW_OUTCOMES.map((value) => ({
          value,
          label: t(`processors.outcomes.${value}`),
        }))}
        onChange={(value) => setOutcome(value as Outcome)}
        error={errorOf(errors, ids.outcome)}
      />
      <TextAreaField
        id={ids.findings}
        label={t('processors.review.findings')}
        value={findings}
        onChange={setFindings}
        error={errorOf(errors, ids.findings)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('processors.review.submit')}
      </button>
    </form>
  );
}
