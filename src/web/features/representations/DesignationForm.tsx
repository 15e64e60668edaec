/**
 * The authority designates a permanent representative (bill art. 5 al. 1, SPEC ROL-04): who,
 * for which period, for which of its members. There is no member directory yet, so people are
 * named by their user id; the server checks each and names the field it refuses.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Designation, Representation } from '../../../contracts/representation.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { fieldProblems } from '../../app/field-problems.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { TextField } from '../../app/TextField.js';
import { designateRepresentative } from './representations-api.js';

const FIELDS = ['representativeId', 'validFrom', 'validTo', 'representedPersonIds'] as const;
type Field = (typeof FIELDS)[number];

/** Ids separated by commas, spaces or new lines. */
const idList = (value: string): string[] => value.split(/[\s,;]+/).filter((id) => id !== '');

export function DesignationForm({
  ownUserId,
  onDesignated,
}: {
  ownUserId: string;
  onDesignated(representation: Representation): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({
    representativeId: '',
    validFrom: '',
    validTo: '',
    representedPersonIds: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setFailure(undefined);
    const body: Designation = {
      representativeId: values.representativeId.trim(),
      validFrom: values.validFrom,
      validTo: values.validTo,
      representedPersonIds: idList(values.representedPersonIds),
    };
    try {
      const representation = await designateRepresentative(body);
      setValues({ representativeId: '', validFrom: '', validTo: '', representedPersonIds: '' });
      await onDesignated(representation);
    } catch (error) {
      const refused: Partial<Record<Field, string>> = {};
      for (const name of fieldProblems(error).keys()) {
        const field = FIELDS.find((candidate) => name.split('.')[0] === candidate);
        if (field) refused[field] = t(`representations.form.errors.${field}`);
      }
      setErrors(refused);
      setFailure(error);
      const first = FIELDS.find((field) => refused[field]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  }

  const listed = FIELDS.filter((field) => errors[field]);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('representations.form.title')}</h2>
      <p>{t('representations.form.intro')}</p>
      <ErrorAlert
        message={failure !== undefined && listed.length === 0 ? problemText(t, failure) : undefined}
        reference={problemReference(failure)}
      >
        {listed.length > 0 && (
          <>
            <p className="error-summary__message">{t('common.errorSummaryTitle')}</p>
            <ul>
              {listed.map((field) => (
                <li key={field}>
                  <a href={`#${id}-${field}`}>{errors[field]}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </ErrorAlert>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id={`${id}-representativeId`}
          label={t('representations.form.representativeId')}
          hint={t('representations.form.representativeIdHint')}
          autoComplete="off"
          spellCheck={false}
          value={values.representativeId}
          onChange={set('representativeId')}
          error={errors.representativeId}
        />
        <TextField
          id={`${id}-validFrom`}
          label={t('representations.form.validFrom')}
          type="date"
          value={values.validFrom}
          onChange={set('validFrom')}
          error={errors.validFrom}
        />
        <TextField
          id={`${id}-validTo`}
          label={t('representations.form.validTo')}
          hint={t('representations.form.validToHint')}
          type="date"
          value={values.validTo}
          onChange={set('validTo')}
          error={errors.validTo}
        />
        <TextField
          id={`${id}-representedPersonIds`}
          label={t('representations.form.representedPersonIds')}
          hint={t('representations.form.representedPersonIdsHint', { id: ownUserId })}
          autoComplete="off"
          spellCheck={false}
          value={values.representedPersonIds}
          onChange={set('representedPersonIds')}
          error={errors.representedPersonIds}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('representations.form.submit')}
        </button>
      </form>
    </section>
  );
}
