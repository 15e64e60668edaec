/** A workflow step that records a reason (closing, reopening, ending a draft …). */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { TextAreaField } from '../../../app/TextAreaField.js';
import { useAction } from '../../../app/use-action.js';

export function ReasonForm({
  title,
  intro,
  label,
  submit: submitLabel,
  children,
  onSubmit,
}: {
  title: string;
  intro?: string;
  label: string;
  submit: string;
  /** Further fields, above the reason. */
  children?: ReactNode;
  onSubmit(reason: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const reasonId = `${id}-reason`;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [{ id: reasonId, paths: ['reason'], message: t('workflow.errors.reason') }];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setErrors(fields);
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        await onSubmit(reason.trim());
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {intro && <p>{intro}</p>}
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        {children}
        <TextAreaField
          id={reasonId}
          label={label}
          value={reason}
          onChange={setReason}
          error={errorOf(errors, reasonId)}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {submitLabel}
        </button>
      </form>
    </section>
  );
}
