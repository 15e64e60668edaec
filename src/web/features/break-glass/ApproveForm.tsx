/**
 * The controller's instruction (L2007 art. 16 §3: the processor acts only on the controller's
 * instructions; SPEC SEC-12, PRC-06): the reference of the DPO's instruction and the window in
 * hours, at most what was asked. Nothing is readable before it.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BreakGlassGrant } from '../../../contracts/break-glass.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { approveGrant } from './break-glass-api.js';

export function ApproveForm({ grant, onDone }: { grant: BreakGlassGrant; onDone(): Promise<void> }) {
  const { t } = useTranslation();
  const formId = useId();
  const [reference, setReference] = useState('');
  const [hours, setHours] = useState(String(grant.requestedHours));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = { reference: `${formId}-reference`, hours: `${formId}-hours` };
  const fields = [
    { id: ids.reference, paths: ['instructionReference'], message: t('breakGlass.approve.errors.reference') },
    {
      id: ids.hours,
      paths: ['hours'],
      message: t('breakGlass.approve.errors.hours', { max: grant.requestedHours }),
    },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    const done = await run(async () => {
      try {
        const trimmed = hours.trim();
        await approveGrant(grant.id, {
          instructionReference: reference.trim(),
          ...(trimmed !== '' && { hours: Number(trimmed) }),
        });
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
    if (done) await onDone();
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <p className="form__title">{t('breakGlass.approve.title')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <TextField
        id={ids.reference}
        label={t('breakGlass.approve.reference')}
        hint={t('breakGlass.approve.referenceHint')}
        value={reference}
        onChange={setReference}
        error={errorOf(errors, ids.reference)}
      />
      <TextField
        id={ids.hours}
        inputMode="numeric"
        label={t('breakGlass.approve.hours')}
        hint={t('breakGlass.approve.hoursHint', { max: grant.requestedHours })}
        value={hours}
        onChange={setHours}
        error={errorOf(errors, ids.hours)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('breakGlass.approve.submit')}
      </button>
    </form>
  );
}
