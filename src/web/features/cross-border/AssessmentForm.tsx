/**
 * Recording an adequacy assessment (L2007 art. 21 §1 al. 2; SPEC TRF-02): the nature of the data,
 * the purpose and duration of the processing, the countries of origin and final destination, the
 * general and sectoral law there, the professional rules and security measures complied with
 * there, the conclusion and who reviewed it, on which day. Every field is required; the server
 * names each one missing.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryLists, RecordAdequacyAssessment } from '../../../contracts/cross-border.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { CountryField } from './CountryField.js';
import { recordAssessment } from './cross-border-api.js';

type Draft = Omit<RecordAdequacyAssessment, 'conclusion'> & {
  conclusion: RecordAdequacyAssessment['conclusion'] | '';
};
const FIELDS = [
  'dataNature',
  'purpose',
  'duration',
  'originCountry',
  'finalDestinationCountry',
  'legalFramework',
  'professionalRules',
  'securityMeasures',
  'conclusion',
  'reviewer',
  'reviewedOn',
] as const satisfies readonly (keyof RecordAdequacyAssessment)[];
const LONG_TEXTS = [
  'dataNature',
  'purpose',
  'legalFramework',
  'professionalRules',
  'securityMeasures',
] as const;
/** Only a transfer outside the Community needs its adequacy assessed (L2007 art. 21 §1). */
const OUTSIDE = ['third_country'] as const;

const empty = (origin: string): Draft => ({
  dataNature: '',
  purpose: '',
  duration: '',
  originCountry: origin,
  finalDestinationCountry: '',
  legalFramework: '',
  professionalRules: '',
  securityMeasures: '',
  conclusion: '',
  reviewer: '',
  reviewedOn: '',
});

/** The body: texts trimmed; an empty one sent as it is, for the server to name it. */
function assessmentBody(draft: Draft): RecordAdequacyAssessment {
  const trimmed = Object.fromEntries(
    Object.entries(draft).map(([field, value]) => [field, value.trim()]),
  ) as Draft;
  return trimmed as RecordAdequacyAssessment;
}

export function AssessmentForm({
  countries,
  origin,
  onRecorded,
}: {
  countries: CountryLists;
  /** Where the controller is established: the usual country of origin. */
  origin: string;
  onRecorded(): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => empty(origin));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fieldId = (field: (typeof FIELDS)[number]) => `${id}-${field}`;
  const fields = FIELDS.map((field) => ({
    id: fieldId(field),
    paths: [field],
    message: t(`crossBorder.assessmentForm.errors.${field}`),
  }));
  const set =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) =>
      setDraft((current) => ({ ...current, [field]: value }));
  const label = (field: (typeof FIELDS)[number]) => t(`crossBorder.assessment.${field}`);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        await recordAssessment(assessmentBody(draft));
        setDraft(empty(origin));
        await onRecorded();
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  const longText = (field: (typeof LONG_TEXTS)[number]) => (
    <TextAreaField
      id={fieldId(field)}
      label={label(field)}
      hint={t(`crossBorder.assessmentForm.hints.${field}`)}
      value={draft[field]}
      onChange={set(field)}
      error={errorOf(errors, fieldId(field))}
    />
  );

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('crossBorder.assessmentForm.title')}</h3>
      <p>{t('crossBorder.assessmentForm.intro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        {longText('dataNature')}
        {longText('purpose')}
        <TextField
          id={fieldId('duration')}
          label={label('duration')}
          hint={t('crossBorder.assessmentForm.hints.duration')}
          value={draft.duration}
          onChange={set('duration')}
          error={errorOf(errors, fieldId('duration'))}
        />
        <CountryField
          id={fieldId('originCountry')}
          label={label('originCountry')}
          value={draft.originCountry}
          lists={countries}
          empty={t('common.choose')}
          onChange={set('originCountry')}
          error={errorOf(errors, fieldId('originCountry'))}
        />
        <CountryField
          id={fieldId('finalDestinationCountry')}
          label={label('finalDestinationCountry')}
          hint={t('crossBorder.assessmentForm.hints.finalDestinationCountry')}
          value={draft.finalDestinationCountry}
          lists={countries}
          zones={OUTSIDE}
          empty={t('common.choose')}
          onChange={set('finalDestinationCountry')}
          error={errorOf(errors, fieldId('finalDestinationCountry'))}
        />
        {longText('legalFramework')}
        {longText('professionalRules')}
        {longText('securityMeasures')}
        <SelectField
          id={fieldId('conclusion')}
          label={label('conclusion')}
          value={draft.conclusion}
          options={[
            { value: '', label: t('common.choose') },
            ...(['adequate', 'not_adequate'] as const).map((value) => ({
              value,
              label: t(`crossBorder.assessment.conclusions.${value}`),
            })),
          ]}
          onChange={(value) => set('conclusion')(value as Draft['conclusion'])}
          error={errorOf(errors, fieldId('conclusion'))}
        />
        <TextField
          id={fieldId('reviewer')}
          label={label('reviewer')}
          hint={t('crossBorder.assessmentForm.hints.reviewer')}
          value={draft.reviewer}
          onChange={set('reviewer')}
          error={errorOf(errors, fieldId('reviewer'))}
        />
        <TextField
          id={fieldId('reviewedOn')}
          type="date"
          label={label('reviewedOn')}
          value={draft.reviewedOn}
          onChange={set('reviewedOn')}
          error={errorOf(errors, fieldId('reviewedOn'))}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('crossBorder.assessmentForm.submit')}
        </button>
      </form>
    </section>
  );
}
