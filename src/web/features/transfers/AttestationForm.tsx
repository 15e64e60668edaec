/**
 * The requester attests that, in its own file, only persons who took part in the consultation,
 * or their representatives, will access the data (bill art. 4 al. 2, stricter Dutch reading;
 * SPEC FIL-06, A-06), and may record the retention its organic law sets, with the citation
 * (bill art. 4 al. 5; SPEC FIL-09).
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attestation, Transfer } from '../../../contracts/transfers.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { attestTransfer } from './transfers-api.js';

export function AttestationForm({
  transfer,
  onChanged,
}: {
  transfer: Transfer;
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ids = { attest: `${id}-attest`, months: `${id}-months`, citation: `${id}-citation` };
  const [attested, setAttested] = useState(false);
  const [months, setMonths] = useState('');
  const [citation, setCitation] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [
    {
      id: ids.attest,
      paths: ['accessLimitedToParticipants'],
      message: t('transfers.attestation.errors.attest'),
    },
    {
      id: ids.months,
      paths: ['retentionOverride.months'],
      message: t('transfers.attestation.errors.months'),
    },
    {
      id: ids.citation,
      paths: ['retentionOverride.citation', 'retentionOverride'],
      message: t('transfers.attestation.errors.citation'),
    },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const override = months.trim() !== '' || citation.trim() !== '';
    const value = Number(months);
    const local = fields.filter(
      (field) =>
        (field.id === ids.attest && !attested) ||
        (field.id === ids.months && override && (!Number.isInteger(value) || value < 1)) ||
        (field.id === ids.citation && override && citation.trim().length < 3),
    );
    setErrors(local);
    if (local.length > 0) return;
    const body: Attestation = {
      accessLimitedToParticipants: true,
      ...(override ? { retentionOverride: { months: value, citation: citation.trim() } } : {}),
    };
    await run(async () => {
      try {
        await attestTransfer(transfer.id, body);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      await onChanged(t('transfers.attestation.done'));
    });
  }

  const attestError = errorOf(errors, ids.attest);
  return (
    <form
      className="form form--wide subpanel"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-busy={busy}
    >
      <h4>{t('transfers.attestation.title')}</h4>
      <ProblemAlert failure={failure} fields={errors} />
      <blockquote className="law-text">
        <p>{t('transfers.attestation.law')}</p>
        <footer>{t('transfers.attestation.lawSource')}</footer>
      </blockquote>
      <div className={attestError ? 'form__field form__field--error' : 'form__field'}>
        {attestError && (
          <p id={`${ids.attest}-error`} className="form__error">
            {attestError}
          </p>
        )}
        <label className="form__checkbox">
          <input
            id={ids.attest}
            type="checkbox"
            checked={attested}
            aria-invalid={attestError ? true : undefined}
            aria-describedby={attestError ? `${ids.attest}-error` : undefined}
            onChange={(event) => setAttested(event.target.checked)}
          />
          {t('transfers.attestation.attest')}
        </label>
      </div>
      <fieldset className="form__choice">
        <legend>{t('transfers.attestation.override')}</legend>
        <p className="form__hint">{t('transfers.attestation.overrideHint')}</p>
        <TextField
          id={ids.months}
          label={t('transfers.attestation.months')}
          inputMode="numeric"
          value={months}
          onChange={setMonths}
          error={errorOf(errors, ids.months)}
        />
        <TextField
          id={ids.citation}
          label={t('transfers.attestation.citation')}
          value={citation}
          onChange={setCitation}
          error={errorOf(errors, ids.citation)}
        />
      </fieldset>
      <button type="submit" className="button" aria-disabled={busy}>
        {t('transfers.attestation.submit')}
      </button>
    </form>
  );
}
