/**
 * Changing an item: the controller edits (a new version with its reason), erases, blocks (consent
 * withdrawn, unlawfully obtained) or releases it (bill art. 3 §1 al. 2; SPEC ROL-09, DAT-22,
 * SEC-11); anyone else asks the controller for a correction.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BLOCKING_REASONS, type Item, type UpdateItem } from '../../../../contracts/items.js';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { SelectField } from '../../../app/SelectField.js';
import { TextAreaField } from '../../../app/TextAreaField.js';
import { useAction } from '../../../app/use-action.js';
import { blockItem, eraseItem, releaseItem, requestCorrection, updateItem } from '../cases-api.js';
import { useCaseView } from '../case-view.js';

export type Change = 'edit' | 'erase' | 'correction' | 'block' | 'release';
type BlockingReason = (typeof BLOCKING_REASONS)[number];

/** The item as it is, with new content and the reason: an edit keeps everything else. */
function editBody(item: Item, content: string, reason: string): UpdateItem {
  const ground = item.specialGround;
  return {
    category: item.category,
    personIds: item.personIds,
    content,
    classification: 'non_classified',
    ...(item.details ? { details: item.details } : {}),
    ...(ground
      ? {
          special: {
            ground: ground.ground,
            justification: ground.justification,
            ...(ground.lawCitation ? { lawCitation: ground.lawCitation } : {}),
            ...(ground.consentReference ? { consentReference: ground.consentReference } : {}),
            ...(ground.consentCollectedBy ? { consentCollectedBy: ground.consentCollectedBy } : {}),
            ...(ground.consentContext ? { consentContext: ground.consentContext } : {}),
          },
        }
      : {}),
    ...(item.relevance ? { relevance: item.relevance } : {}),
    ...(item.geneticOrBiometric ? { geneticOrBiometric: true } : {}),
    ...(item.revealsSensitive.length > 0 ? { revealsSensitive: item.revealsSensitive } : {}),
    ...(item.secretOfInvestigation ? { secretOfInvestigation: item.secretOfInvestigation } : {}),
    ...(item.judicial ? { judicial: item.judicial } : {}),
    ...(item.criminalRelated ? { criminalRelated: true } : {}),
    reason,
  };
}

export function ItemChangeForm({ item, change, onDone }: { item: Item; change: Change; onDone(): void }) {
  const { t } = useTranslation();
  const { kase, changed } = useCaseView();
  const id = useId();
  const ids = { content: `${id}-content`, text: `${id}-text` };
  const [content, setContent] = useState(item.content ?? '');
  const [text, setText] = useState('');
  const [reason, setReason] = useState<BlockingReason>('consent_withdrawn');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const textPaths = change === 'correction' ? ['text'] : ['reason'];
  const fields = [
    { id: ids.content, paths: ['content'], message: t('itemChange.errors.content') },
    { id: ids.text, paths: textPaths, message: t(`itemChange.errors.${change}`) },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A blocking says why by its reason; every other change in words.
    if (change !== 'block' && text.trim().length < 3) {
      setErrors([fields[1]!]);
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        if (change === 'edit') await updateItem(kase.id, item.id, editBody(item, content, text.trim()));
        else if (change === 'erase') await eraseItem(kase.id, item.id, { reason: text.trim() });
        else if (change === 'block') await blockItem(kase.id, item.id, { reason });
        else if (change === 'release') await releaseItem(kase.id, item.id, { reason: text.trim() });
        else await requestCorrection(kase.id, item.id, text.trim());
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      onDone();
      await changed(t(`itemChange.done.${change}`));
    });
  }

  return (
    <form className="form subpanel" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h4>{t(`itemChange.titles.${change}`)}</h4>
      {change === 'erase' && <p>{t('itemChange.eraseWarning')}</p>}
      {change === 'block' && <p>{t('itemChange.blockWarning')}</p>}
      <ProblemAlert failure={failure} fields={errors} />
      {change === 'edit' && (
        <TextAreaField
          id={ids.content}
          label={t('itemForm.content')}
          rows={6}
          value={content}
          onChange={setContent}
          error={errorOf(errors, ids.content)}
        />
      )}
      {change === 'block' ? (
        <SelectField
          id={ids.text}
          label={t('itemChange.labels.block')}
          value={reason}
          options={BLOCKING_REASONS.map((value) => ({ value, label: t(`blockingReasons.${value}`) }))}
          onChange={(value) => setReason(value as BlockingReason)}
          error={errorOf(errors, ids.text)}
        />
      ) : (
        <TextAreaField
          id={ids.text}
          label={t(`itemChange.labels.${change}`)}
          value={text}
          onChange={setText}
          error={errorOf(errors, ids.text)}
        />
      )}
      <button type="submit" className="button" aria-disabled={busy}>
        {t(`itemChange.submit.${change}`)}
      </button>
    </form>
  );
}
