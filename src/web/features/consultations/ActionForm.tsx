/**
 * The organiser assigns a follow-up action to a party of the case, with a due date (bill art. 2
 * §3 2°; SPEC WFL-10): a link to the case, never a copy of its data.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consultation } from '../../../contracts/consultations.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { useConsultationView } from './consultation-view.js';
import { assignAction } from './consultations-api.js';

export function ActionForm({ item }: { item: Consultation['agenda'][number] }) {
  const { t } = useTranslation();
  const { consultation, changed } = useConsultationView();
  const id = useId();
  const ids = { assignee: `${id}-assignee`, dueOn: `${id}-dueOn`, description: `${id}-description` };
  const [assignee, setAssignee] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [
    {
      id: ids.assignee,
      paths: ['assigneeOrganisationId'],
      message: t('consultation.actions.errors.assignee'),
    },
    { id: ids.dueOn, paths: ['dueOn'], message: t('consultation.actions.errors.dueOn') },
    { id: ids.description, paths: ['description'], message: t('consultation.actions.errors.description') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = fields.filter(
      (field) =>
        (field.id === ids.assignee && assignee === '') ||
        (field.id === ids.dueOn && !/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) ||
        (field.id === ids.description && description.trim() === ''),
    );
    setErrors(local);
    if (local.length > 0) return;
    await run(async () => {
      try {
        await assignAction(consultation.id, item.caseId, {
          assigneeOrganisationId: assignee,
          dueOn,
          description: description.trim(),
        });
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      setDescription('');
      setDueOn('');
      await changed(t('consultation.actions.assigned', { case: item.caseTitle }));
    });
  }

  return (
    <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h5 className="form__title">{t('consultation.actions.formTitle', { case: item.caseTitle })}</h5>
      <ProblemAlert failure={failure} fields={errors} />
      <TextAreaField
        id={ids.description}
        label={t('consultation.actions.description')}
        value={description}
        rows={2}
        onChange={setDescription}
        error={errorOf(errors, ids.description)}
      />
      <SelectField
        id={ids.assignee}
        label={t('consultation.actions.assignee')}
        value={assignee}
        options={[
          { value: '', label: t('common.choose') },
          ...item.parties.map((party) => ({ value: party.id, label: party.legalName })),
        ]}
        onChange={setAssignee}
        error={errorOf(errors, ids.assignee)}
      />
      <TextField
        id={ids.dueOn}
        label={t('consultation.actions.dueOn')}
        type="date"
        value={dueOn}
        onChange={setDueOn}
        error={errorOf(errors, ids.dueOn)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('consultation.actions.submit')}
      </button>
    </form>
  );
}
