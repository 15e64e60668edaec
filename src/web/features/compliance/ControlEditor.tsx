/**
 * One control of a norm checklist and the editor of its status (SPEC SEC-04): once assessed it is
 * never "to assess" again, and the note says how it is met or why it is not.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NormControl, SetControlStatus } from '../../../contracts/compliance.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { RadioGroup } from '../cross-border/RadioGroup.js';
import { assessControl } from './compliance-api.js';

type Assessed = SetControlStatus['status'];
const ASSESSED: readonly Assessed[] = [
  'implemented',
  'partially_implemented',
  'not_implemented',
  'not_applicable',
];

export function ControlEditor({
  normSetId,
  control,
  onChanged,
}: {
  normSetId: string;
  control: NormControl;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [shown, setShown] = useState(false);
  const [status, setStatus] = useState<Assessed>(
    control.status === 'to_assess' ? 'implemented' : control.status,
  );
  const [note, setNote] = useState(control.note ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run, reset } = useAction();
  const ids = { status: `${id}-status`, note: `${id}-note` };
  const fields = [
    { id: ids.status, paths: ['status'], message: t('compliance.controlEditor.errors.status') },
    { id: ids.note, paths: ['note'], message: t('compliance.controlEditor.errors.note') },
  ];
  const name = `${control.code} ${control.title}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    const done = await run(async () => {
      try {
        await assessControl(normSetId, control.id, { status, note: note.trim() });
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
    if (done) {
      setShown(false);
      await onChanged(
        t('compliance.controlEditor.done', {
          control: name,
          status: t(`compliance.controlStatuses.${status}`),
        }),
      );
    }
  }

  return (
    <div>
      <p>
        <span className="code">{control.code}</span> <strong>{control.title}</strong>
      </p>
      {control.description && <p>{control.description}</p>}
      {control.note && (
        <p>
          {t('compliance.controlEditor.note')}: {control.note}
          {control.changedAt && (
            <span className="task__date">
              {' '}
              ({control.changedBy}, {formatDateTime(control.changedAt, i18n.language)})
            </span>
          )}
        </p>
      )}
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
        {t('compliance.controlEditor.open')}
        <span className="visually-hidden">: {name}</span>
      </button>
      <div id={`${id}-form`} hidden={!shown}>
        {shown && (
          <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
            <p className="form__title">{t('compliance.controlEditor.title', { control: name })}</p>
            <ProblemAlert failure={failure} fields={errors} />
            <RadioGroup
              id={ids.status}
              legend={t('compliance.controlEditor.status')}
              value={status}
              options={ASSESSED.map((value) => ({ value, label: t(`compliance.controlStatuses.${value}`) }))}
              onChange={(value) => setStatus(value as Assessed)}
              error={errorOf(errors, ids.status)}
            />
            <TextAreaField
              id={ids.note}
              label={t('compliance.controlEditor.note')}
              hint={t('compliance.controlEditor.noteHint')}
              value={note}
              onChange={setNote}
              error={errorOf(errors, ids.note)}
            />
            <button type="submit" className="button" aria-disabled={busy}>
              {t('compliance.controlEditor.submit')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
