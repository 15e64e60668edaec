/**
 * The host's staff ask to read a controller's records of one case (L2007 art. 16 §3; SPEC PRC-06:
 * only under a support ticket linked to a controller): the controller whose DPO decides, the case
 * as the controller named it in its support request, the ticket, why, and the hours asked. Nothing
 * is readable until that DPO gives its instruction.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../contracts/identity.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { requestGrant } from './break-glass-api.js';

const CONTROLS = ['controllerOrganisationId', 'caseId', 'supportTicket', 'reason', 'hours'] as const;
type Control = (typeof CONTROLS)[number];
type Draft = Record<Control, string>;
const empty = (): Draft => ({
  controllerOrganisationId: '',
  caseId: '',
  supportTicket: '',
  reason: '',
  hours: '4',
});

export function RequestForm({
  controllers,
  onRequested,
}: {
  controllers: readonly Organisation[];
  onRequested(ticket: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = Object.fromEntries(CONTROLS.map((control) => [control, `${formId}-${control}`])) as Record<
    Control,
    string
  >;
  const fields = CONTROLS.map((control) => ({
    id: ids[control],
    paths: [control],
    message: t(`breakGlass.request.errors.${control}`),
  }));
  const set = (control: Control) => (value: string) =>
    setDraft((current) => ({ ...current, [control]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        const grant = await requestGrant({
          controllerOrganisationId: draft.controllerOrganisationId,
          caseId: draft.caseId.trim(),
          supportTicket: draft.supportTicket.trim(),
          reason: draft.reason.trim(),
          // Not a whole number (empty: 0): the server names the field.
          hours: Number(draft.hours.trim()),
        });
        setDraft(empty());
        await onRequested(grant.supportTicket);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <ProblemAlert failure={failure} fields={errors} />
      <SelectField
        id={ids.controllerOrganisationId}
        label={t('breakGlass.request.controller')}
        hint={t('breakGlass.request.controllerHint')}
        value={draft.controllerOrganisationId}
        options={[
          { value: '', label: t('common.choose') },
          ...controllers.map((controller) => ({ value: controller.id, label: controller.legalName })),
        ]}
        onChange={set('controllerOrganisationId')}
        error={errorOf(errors, ids.controllerOrganisationId)}
      />
      <TextField
        id={ids.caseId}
        label={t('breakGlass.request.caseId')}
        hint={t('breakGlass.request.caseIdHint')}
        value={draft.caseId}
        onChange={set('caseId')}
        autoComplete="off"
        spellCheck={false}
        error={errorOf(errors, ids.caseId)}
      />
      <TextField
        id={ids.supportTicket}
        label={t('breakGlass.request.supportTicket')}
        value={draft.supportTicket}
        onChange={set('supportTicket')}
        error={errorOf(errors, ids.supportTicket)}
      />
      <TextAreaField
        id={ids.reason}
        label={t('breakGlass.request.reason')}
        hint={t('breakGlass.request.reasonHint')}
        value={draft.reason}
        onChange={set('reason')}
        error={errorOf(errors, ids.reason)}
      />
      <TextField
        id={ids.hours}
        inputMode="numeric"
        label={t('breakGlass.request.hours')}
        hint={t('breakGlass.request.hoursHint')}
        value={draft.hours}
        onChange={set('hours')}
        error={errorOf(errors, ids.hours)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('breakGlass.request.submit')}
      </button>
    </form>
  );
}
