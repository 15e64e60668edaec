/**
 * A member of the holder confirms that a paper part was destroyed (SPEC SCO-09): on which day (at
 * the latest today) and why. The server records the signed-in user as the one who confirmed.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperPart } from '../../../../contracts/paper-parts.js';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { TextAreaField } from '../../../app/TextAreaField.js';
import { TextField } from '../../../app/TextField.js';
import { useAction } from '../../../app/use-action.js';
import { useCaseView } from '../case-view.js';
import { confirmPaperPartDestruction } from './paper-parts-api.js';

export function DestructionForm({ part }: { part: PaperPart }) {
  const { t } = useTranslation();
  const { kase, changed } = useCaseView();
  const id = useId();
  const [destroyedOn, setDestroyedOn] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [
    {
      id: `${id}-destroyedOn`,
      paths: ['destroyedOn'],
      message: t('paperPartDestruction.errors.destroyedOn'),
    },
    { id: `${id}-reason`, paths: ['reason'], message: t('paperPartDestruction.errors.reason') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = fields.filter((_, index) =>
      index === 0 ? destroyedOn === '' : reason.trim().length < 3,
    );
    setErrors(missing);
    if (missing.length > 0) return;
    await run(async () => {
      try {
        await confirmPaperPartDestruction(kase.id, part.id, { destroyedOn, reason: reason.trim() });
        await changed(t('paperPartDestruction.confirmed', { description: part.description ?? part.id }));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('paperPartDestruction.title')}</h4>
      <p>{t('paperPartDestruction.intro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id={`${id}-destroyedOn`}
          type="date"
          label={t('paperPartDestruction.destroyedOn')}
          value={destroyedOn}
          onChange={setDestroyedOn}
          error={errorOf(errors, `${id}-destroyedOn`)}
        />
        <TextAreaField
          id={`${id}-reason`}
          label={t('paperPartDestruction.reason')}
          hint={t('paperPartDestruction.reasonHint')}
          value={reason}
          onChange={setReason}
          error={errorOf(errors, `${id}-reason`)}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('paperPartDestruction.submit')}
        </button>
      </form>
    </section>
  );
}
