/** The minutes of an agenda item, or a decision on it: a text the organiser records. */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { useAction } from '../../app/use-action.js';

export function AgendaTextForm({
  label,
  submit: submitLabel,
  initial,
  clearOnSuccess = false,
  onSubmit,
}: {
  label: string;
  submit: string;
  initial: string;
  clearOnSuccess?: boolean;
  onSubmit(text: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const fieldId = `${id}-text`;
  const [text, setText] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [{ id: fieldId, paths: ['text'], message: t('consultation.errors.text') }];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() === '') {
      setErrors(fields);
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        await onSubmit(text.trim());
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      if (clearOnSuccess) setText('');
    });
  }

  return (
    <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <ProblemAlert failure={failure} fields={errors} />
      <TextAreaField
        id={fieldId}
        label={label}
        value={text}
        onChange={setText}
        error={errorOf(errors, fieldId)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
