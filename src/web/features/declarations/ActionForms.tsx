/**
 * The forms that record what happened with the Commission (L2007 arts 17-18; SPEC DCL-03, DCL-21,
 * DCL-23, DCL-24): a date (the submission, the acknowledgement of receipt, the completion), the
 * contribution, the register number. Each refusal names its field; nothing is recorded then.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Declaration, RecordPayment } from '../../../contracts/declarations.js';
import { refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { todayInBrussels } from '../../i18n/format.js';

type Save = (declaration: Declaration) => Promise<void>;

/** One date and a button: a submission, an acknowledgement or a completion. */
export function DateActionForm({
  id,
  title,
  label,
  field,
  submit,
  send,
  onSaved,
}: {
  id: string;
  title: string;
  label: string;
  /** The body field the date is sent as, for the refusal to name it. */
  field: string;
  submit: string;
  send(date: string): Promise<Declaration>;
  onSaved: Save;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayInBrussels());
  const { busy, failure, run } = useAction();
  const fields = refusedFields(failure, [{ id, paths: [field], message: t('declarations.forms.dateError') }]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => onSaved(await send(date)));
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{title}</h4>
      <ProblemAlert failure={failure} fields={fields} />
      <TextField
        id={id}
        type="date"
        label={label}
        value={date}
        error={fields.find((error) => error.id === id)?.message}
        onChange={setDate}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

/** DCL-23: the contribution paid (amount, date, reference), or why none is due. */
export function PaymentForm({
  id,
  send,
  onSaved,
}: {
  id: string;
  send(body: RecordPayment): Promise<Declaration>;
  onSaved: Save;
}) {
  const { t } = useTranslation();
  const [required, setRequired] = useState(true);
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(todayInBrussels());
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const { busy, failure, run } = useAction();
  const x = 'declarations.payment';
  const fields = refusedFields(failure, [
    { id: `${id}-amount`, paths: ['amount'], message: t(`${x}.errors.amount`) },
    { id: `${id}-paid-on`, paths: ['paidOn'], message: t('declarations.forms.dateError') },
    { id: `${id}-reference`, paths: ['reference'], message: t(`${x}.errors.reference`) },
    { id: `${id}-reason`, paths: ['notRequired'], message: t(`${x}.errors.reason`) },
  ]);
  const errorOf = (field: string) => fields.find((error) => error.id === `${id}-${field}`)?.message;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const cents = Math.round(Number(amount.replace(',', '.')) * 100);
    const body: RecordPayment = required
      ? { amount: { cents: Number.isFinite(cents) ? cents : -1, currency: 'EUR' }, paidOn, reference }
      : { notRequired: { reason } };
    void run(async () => onSaved(await send(body)));
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t(`${x}.title`)}</h4>
      <ProblemAlert failure={failure} fields={fields} />
      <div className="form__field">
        <label>
          <input
            type="checkbox"
            checked={!required}
            onChange={(event) => setRequired(!event.target.checked)}
          />{' '}
          {t(`${x}.notRequired`)}
        </label>
      </div>
      {required ? (
        <>
          <TextField
            id={`${id}-amount`}
            label={t(`${x}.amount`)}
            inputMode="decimal"
            value={amount}
            error={errorOf('amount')}
            onChange={setAmount}
          />
          <TextField
            id={`${id}-paid-on`}
            type="date"
            label={t(`${x}.paidOn`)}
            value={paidOn}
            error={errorOf('paid-on')}
            onChange={setPaidOn}
          />
          <TextField
            id={`${id}-reference`}
            label={t(`${x}.reference`)}
            value={reference}
            error={errorOf('reference')}
            onChange={setReference}
          />
        </>
      ) : (
        <TextField
          id={`${id}-reason`}
          label={t(`${x}.reason`)}
          value={reason}
          error={errorOf('reason')}
          onChange={setReason}
        />
      )}
      <button type="submit" className="button" aria-disabled={busy}>
        {t(`${x}.submit`)}
      </button>
    </form>
  );
}

/** DCL-24: the identification number the Commission gave the processing in its register. */
export function RegisterNumberForm({
  id,
  current,
  send,
  onSaved,
}: {
  id: string;
  current: string | null;
  send(registerNumber: string): Promise<Declaration>;
  onSaved: Save;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(current ?? '');
  const { busy, failure, run } = useAction();
  const fields = refusedFields(failure, [
    { id, paths: ['registerNumber'], message: t('declarations.registerNumber.error') },
  ]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => onSaved(await send(value.trim())));
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('declarations.registerNumber.title')}</h4>
      <ProblemAlert failure={failure} fields={fields} />
      <TextField
        id={id}
        label={t('declarations.registerNumber.label')}
        hint={t('declarations.registerNumber.hint')}
        value={value}
        error={fields.find((error) => error.id === id)?.message}
        onChange={setValue}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('declarations.registerNumber.submit')}
      </button>
    </form>
  );
}
