/**
 * An action on a record of the register that is never edited but ended, withdrawn or repealed,
 * with the reason (SPEC TRF-01..03): a button opens the small form, the reason is asked, the server
 * decides. A refused reason is named next to its field.
 */
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { useAction } from '../../app/use-action.js';

/** The server's shortest reason (contracts/cross-border.ts). */
const REASON_MIN_LENGTH = 3;

export function ReasonAction({
  open,
  title,
  submit,
  onDone,
}: {
  /** The button that opens the form, e.g. "End this destination", with the record's name for a screen reader. */
  open: ReactNode;
  /** The form's heading, naming the record. */
  title: string;
  submit(reason: string): Promise<void>;
  onDone(): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run, reset } = useAction();
  const fields = [{ id: `${id}-reason`, paths: ['reason'], message: t('crossBorder.reason.error') }];

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < REASON_MIN_LENGTH) {
      setErrors(fields);
      return;
    }
    setErrors([]);
    const done = await run(async () => {
      try {
        await submit(reason.trim());
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
    if (done) {
      setShown(false);
      setReason('');
      await onDone();
    }
  }

  return (
    <div>
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={shown}
        aria-controls={`${id}-form`}
        onClick={() => {
          setShown(!shown);
          setErrors([]);
          reset();
        }}
      >
        {open}
      </button>
      <div id={`${id}-form`} hidden={!shown}>
        {shown && (
          <form className="form" noValidate onSubmit={(event) => void send(event)} aria-busy={busy}>
            <p className="form__title">{title}</p>
            <ProblemAlert failure={failure} fields={errors} />
            <TextAreaField
              id={`${id}-reason`}
              label={t('crossBorder.reason.label')}
              hint={t('crossBorder.reason.hint')}
              value={reason}
              onChange={setReason}
              error={errorOf(errors, `${id}-reason`)}
            />
            <button type="submit" className="button" aria-disabled={busy}>
              {t('crossBorder.reason.submit')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
