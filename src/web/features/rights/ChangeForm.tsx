/**
 * Carrying out a request on one of the part's items (L2007 art. 12 §1; SPEC RGT-REC-01,
 * RGT-REC-02, RGT-OBJ-01): a rectification as a new version with the corrected text, an erasure,
 * or a prohibition of use (blocking), each with its reason. The recipients hear of it with the
 * answer (RGT-REC-04).
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExecuteRightsChange, RightsPart } from '../../../contracts/rights.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { useAction } from '../../app/use-action.js';
import { type ChangeDraft, changeBody, changeFor } from './change-body.js';
import { executeRightsChange } from './rights-api.js';

const CHANGES: readonly ExecuteRightsChange['change'][] = ['rectify', 'erase', 'prohibit_use'];

export function ChangeForm({
  part,
  onChanged,
}: {
  part: RightsPart;
  onChanged(message: string, part: RightsPart): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const items = part.records.filter((record) => record.type === 'item');
  const [draft, setDraft] = useState<ChangeDraft>({
    itemId: items[0]?.id ?? '',
    change: changeFor(part.kind),
    text: '',
    reason: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = { itemId: `${id}-item`, change: `${id}-change`, text: `${id}-text`, reason: `${id}-reason` };
  const fields = [
    { id: ids.itemId, paths: ['itemId'], message: t('rights.change.errors.itemId') },
    { id: ids.change, paths: ['change'], message: t('rights.change.errors.change') },
    { id: ids.text, paths: ['text'], message: t('rights.change.errors.text') },
    { id: ids.reason, paths: ['reason'], message: t('rights.change.errors.reason') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        const changed = await executeRightsChange(part.id, changeBody(draft));
        setDraft((current) => ({ ...current, text: '', reason: '' }));
        await onChanged(t(`rights.change.done.${draft.change}`), changed);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('rights.change.title')}</h3>
      <p>{t('rights.change.intro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <SelectField
          id={ids.itemId}
          label={t('rights.change.fields.itemId')}
          value={draft.itemId}
          options={items.map((item, index) => ({
            value: item.id,
            label: t('rights.change.item', { number: index + 1, id: item.id }),
          }))}
          onChange={(itemId) => setDraft((current) => ({ ...current, itemId }))}
          error={errorOf(errors, ids.itemId)}
        />
        <SelectField
          id={ids.change}
          label={t('rights.change.fields.change')}
          value={draft.change}
          options={CHANGES.map((change) => ({ value: change, label: t(`rights.change.changes.${change}`) }))}
          onChange={(change) =>
            setDraft((current) => ({ ...current, change: change as ChangeDraft['change'] }))
          }
          error={errorOf(errors, ids.change)}
        />
        {draft.change === 'rectify' && (
          <TextAreaField
            id={ids.text}
            label={t('rights.change.fields.text')}
            hint={t('rights.change.hints.text')}
            value={draft.text}
            onChange={(text) => setDraft((current) => ({ ...current, text }))}
            error={errorOf(errors, ids.text)}
          />
        )}
        <TextAreaField
          id={ids.reason}
          label={t('rights.change.fields.reason')}
          value={draft.reason}
          onChange={(reason) => setDraft((current) => ({ ...current, reason }))}
          error={errorOf(errors, ids.reason)}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('rights.change.submit')}
        </button>
      </form>
    </section>
  );
}
