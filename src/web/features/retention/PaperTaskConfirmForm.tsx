/**
 * A named member of the holder confirms the day the paper of a purged case was destroyed (SPEC
 * SCO-09): at the latest today, not before the task. The server records the signed-in user.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperDestructionTask } from '../../../contracts/retention.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { confirmPaperTask } from './retention-api.js';

export function PaperTaskConfirmForm({
  task,
  onConfirmed,
}: {
  task: PaperDestructionTask;
  onConfirmed(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [destroyedOn, setDestroyedOn] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [
    { id: `${id}-destroyedOn`, paths: ['destroyedOn'], message: t('retention.paper.errors.destroyedOn') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (destroyedOn === '') {
      setErrors(fields);
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        await confirmPaperTask(task.id, { destroyedOn });
        await onConfirmed(t('retention.paper.done', { id: task.paperPartId }));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <ProblemAlert failure={failure} fields={errors} />
      <TextField
        id={`${id}-destroyedOn`}
        type="date"
        label={t('retention.paper.destroyedOn')}
        hint={t('retention.paper.destroyedOnHint')}
        value={destroyedOn}
        onChange={setDestroyedOn}
        error={errorOf(errors, `${id}-destroyedOn`)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('retention.paper.submit')}
        <span className="visually-hidden"> {task.paperPartId}</span>
      </button>
    </form>
  );
}
