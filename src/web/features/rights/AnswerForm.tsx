/**
 * Recording the answer of a part (L2007 arts 10, 12, 14; SPEC RGT-CRT-02, RGT-ACC-05, RGT-REC-04):
 * its outcome, the reasons (required for a rejection or a deferral, which open the court action),
 * and, for health data, the health professional the person chose to receive them through.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightsPart } from '../../../contracts/rights.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { type AnswerDraft, answerBody, DESK_OUTCOMES, emptyAnswer } from './answer-body.js';
import { answerRightsPart } from './rights-api.js';

const PROFESSIONAL = ['professionalName', 'registrationNumber', 'professionalAddress'] as const;

export function AnswerForm({
  part,
  onChanged,
}: {
  part: RightsPart;
  onChanged(message: string, part: RightsPart): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<AnswerDraft>(() => emptyAnswer(part.kind));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = Object.fromEntries(
    ['outcome', 'reasons', 'throughHealthProfessional', ...PROFESSIONAL].map((name) => [
      name,
      `${id}-${name}`,
    ]),
  ) as Record<'outcome' | 'reasons' | 'throughHealthProfessional' | (typeof PROFESSIONAL)[number], string>;
  const fields = [
    { id: ids.outcome, paths: ['outcome'], message: t('rights.answerForm.errors.outcome') },
    { id: ids.reasons, paths: ['reasons'], message: t('rights.answerForm.errors.reasons') },
    {
      id: ids.throughHealthProfessional,
      paths: ['healthProfessional'],
      message: t('rights.answerForm.errors.healthProfessional'),
    },
    {
      id: ids.professionalName,
      paths: ['healthProfessional.name'],
      message: t('rights.answerForm.errors.professionalName'),
    },
    {
      id: ids.registrationNumber,
      paths: ['healthProfessional.registrationNumber'],
      message: t('rights.answerForm.errors.registrationNumber'),
    },
    {
      id: ids.professionalAddress,
      paths: ['healthProfessional.address'],
      message: t('rights.answerForm.errors.professionalAddress'),
    },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        const answered = await answerRightsPart(part.id, answerBody(draft));
        await onChanged(
          t('rights.answerForm.done', { outcome: t(`rights.outcomes.${draft.outcome}`) }),
          answered,
        );
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  const throughError = errorOf(errors, ids.throughHealthProfessional);
  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('rights.answerForm.title')}</h3>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <SelectField
          id={ids.outcome}
          label={t('rights.answerForm.fields.outcome')}
          value={draft.outcome}
          options={DESK_OUTCOMES.map((outcome) => ({
            value: outcome,
            label: t(`rights.outcomes.${outcome}`),
          }))}
          onChange={(outcome) =>
            setDraft((current) => ({ ...current, outcome: outcome as AnswerDraft['outcome'] }))
          }
          error={errorOf(errors, ids.outcome)}
        />
        <TextAreaField
          id={ids.reasons}
          label={t('rights.answerForm.fields.reasons')}
          hint={t('rights.answerForm.hints.reasons')}
          value={draft.reasons}
          onChange={(reasons) => setDraft((current) => ({ ...current, reasons }))}
          error={errorOf(errors, ids.reasons)}
        />
        {part.kind === 'access' && (
          <>
            <div className={throughError ? 'form__field form__field--error' : 'form__field'}>
              {throughError && (
                <p id={`${ids.throughHealthProfessional}-error`} className="form__error">
                  {throughError}
                </p>
              )}
              <label className="form__checkbox">
                <input
                  id={ids.throughHealthProfessional}
                  type="checkbox"
                  checked={draft.throughHealthProfessional}
                  aria-invalid={throughError ? true : undefined}
                  aria-describedby={throughError ? `${ids.throughHealthProfessional}-error` : undefined}
                  onChange={(event) =>
                    setDraft((current) => ({ ...current, throughHealthProfessional: event.target.checked }))
                  }
                />
                {t('rights.answerForm.fields.throughHealthProfessional')}
              </label>
            </div>
            {draft.throughHealthProfessional &&
              PROFESSIONAL.map((field) => (
                <TextField
                  key={field}
                  id={ids[field]}
                  label={t(`rights.answerForm.fields.${field}`)}
                  value={draft[field]}
                  onChange={(value) => setDraft((current) => ({ ...current, [field]: value }))}
                  error={errorOf(errors, ids[field])}
                />
              ))}
          </>
        )}
        <button type="submit" className="button" aria-disabled={busy}>
          {t('rights.answerForm.submit')}
        </button>
      </form>
    </section>
  );
}
