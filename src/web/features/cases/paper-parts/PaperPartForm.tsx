/**
 * Registering a paper part the reader's organisation holds, or its holder correcting one (SPEC
 * SCO-09): what it holds (description, content index, categories, persons), where it is and who
 * keeps it. A correction says why; the server keeps each version.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryCode } from '../../../../contracts/legal-codes.js';
import type { PaperPart } from '../../../../contracts/paper-parts.js';
import { useAuth } from '../../../app/auth.js';
import { CheckboxGroup } from '../../../app/CheckboxGroup.js';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { TextAreaField } from '../../../app/TextAreaField.js';
import { TextField } from '../../../app/TextField.js';
import { useAction } from '../../../app/use-action.js';
import { useCaseView } from '../case-view.js';
import { personName } from '../persons/person-name.js';
import { draftOf, EMPTY_PAPER_PART, type PaperPartDraft, paperPartBody } from './paper-part-draft.js';
import { registerPaperPart, updatePaperPart } from './paper-parts-api.js';

const TEXTS = ['description', 'pageCount', 'building', 'room', 'cabinet', 'custodianFunction'] as const;

export function PaperPartForm({ part, onDone }: { part?: PaperPart; onDone?: () => void }) {
  const { t } = useTranslation();
  const { kase, changed } = useCaseView();
  const { state } = useAuth();
  const userId = state.status === 'signed_in' ? state.session.userId : '';
  const id = useId();
  const [draft, setDraft] = useState<PaperPartDraft>(part ? draftOf(part, userId) : EMPTY_PAPER_PART);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = Object.fromEntries(
    [...TEXTS, 'contentIndex', 'categories', 'personIds', 'keptByMe', 'reason'].map((field) => [
      field,
      `${id}-${field}`,
    ]),
  ) as Record<
    (typeof TEXTS)[number] | 'contentIndex' | 'categories' | 'personIds' | 'keptByMe' | 'reason',
    string
  >;
  const fields = [
    { id: ids.description, paths: ['description'], message: t('paperPartForm.errors.description') },
    { id: ids.contentIndex, paths: ['contentIndex'], message: t('paperPartForm.errors.contentIndex') },
    { id: ids.pageCount, paths: ['pageCount'], message: t('paperPartForm.errors.pageCount') },
    { id: ids.categories, paths: ['categories'], message: t('paperPartForm.errors.categories') },
    { id: ids.personIds, paths: ['personIds'], message: t('paperPartForm.errors.personIds') },
    {
      id: ids.building,
      paths: ['location', 'location.building'],
      message: t('paperPartForm.errors.building'),
    },
    { id: ids.room, paths: ['location.room'], message: t('paperPartForm.errors.room') },
    { id: ids.cabinet, paths: ['location.cabinet'], message: t('paperPartForm.errors.cabinet') },
    { id: ids.keptByMe, paths: ['custodianUserId'], message: t('paperPartForm.errors.keptByMe') },
    {
      id: ids.custodianFunction,
      paths: ['custodianFunction'],
      message: t('paperPartForm.errors.custodianFunction'),
    },
    { id: ids.reason, paths: ['reason'], message: t('paperPartForm.errors.reason') },
  ];
  const set = (field: (typeof TEXTS)[number]) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    const body = paperPartBody(draft, userId);
    await run(async () => {
      try {
        if (part) {
          await updatePaperPart(kase.id, part.id, { ...body, reason: reason.trim() });
          onDone?.();
          await changed(t('paperPartForm.updated', { description: body.description }));
        } else {
          await registerPaperPart(kase.id, body);
          setDraft(EMPTY_PAPER_PART);
          await changed(t('paperPartForm.registered', { description: body.description }));
        }
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  const text = (field: (typeof TEXTS)[number], extra: { hint?: string; inputMode?: 'numeric' } = {}) => (
    <TextField
      id={ids[field]}
      label={t(`paperPartForm.fields.${field}`)}
      {...extra}
      value={draft[field]}
      onChange={set(field)}
      error={errorOf(errors, ids[field])}
    />
  );
  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(part ? 'paperPartForm.editTitle' : 'paperPartForm.title')}</h3>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        {text('description', { hint: t('paperPartForm.hints.description') })}
        <TextAreaField
          id={ids.contentIndex}
          label={t('paperPartForm.fields.contentIndex')}
          hint={t('paperPartForm.hints.contentIndex')}
          value={draft.contentIndex}
          onChange={(contentIndex) => setDraft((current) => ({ ...current, contentIndex }))}
          error={errorOf(errors, ids.contentIndex)}
        />
        {text('pageCount', { inputMode: 'numeric' })}
        <CheckboxGroup
          id={ids.categories}
          legend={t('paperPartForm.fields.categories')}
          error={errorOf(errors, ids.categories)}
          options={kase.framework.allowedCategories.map((code) => ({
            value: code,
            label: `${code} ${t(`categories.${code as CategoryCode}`)}`,
          }))}
          values={draft.categories}
          onChange={(values) =>
            setDraft((current) => ({ ...current, categories: values as PaperPartDraft['categories'] }))
          }
        />
        <CheckboxGroup
          id={ids.personIds}
          legend={t('paperPartForm.fields.personIds')}
          error={errorOf(errors, ids.personIds)}
          options={kase.persons.map((person) => ({ value: person.id, label: personName(person) }))}
          values={draft.personIds}
          onChange={(personIds) => setDraft((current) => ({ ...current, personIds }))}
        />
        {text('building', { hint: t('paperPartForm.hints.building') })}
        {text('room')}
        {text('cabinet')}
        <CheckboxGroup
          id={ids.keptByMe}
          legend={t('paperPartForm.fields.custodian')}
          hint={t('paperPartForm.hints.custodian')}
          error={errorOf(errors, ids.keptByMe)}
          options={[{ value: 'me', label: t('paperPartForm.fields.keptByMe') }]}
          values={draft.keptByMe ? ['me'] : []}
          onChange={(values) => setDraft((current) => ({ ...current, keptByMe: values.includes('me') }))}
        />
        {text('custodianFunction')}
        {part && (
          <TextAreaField
            id={ids.reason}
            label={t('paperPartForm.fields.reason')}
            value={reason}
            onChange={setReason}
            error={errorOf(errors, ids.reason)}
          />
        )}
        <button type="submit" className="button" aria-disabled={busy}>
          {t(part ? 'paperPartForm.saveChange' : 'paperPartForm.submit')}
        </button>
      </form>
    </section>
  );
}
