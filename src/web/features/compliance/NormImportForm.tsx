/**
 * Importing a published norm set as a checklist (SPEC SEC-04): the JSON file as published (e.g.
 * docs/norm-sets/cpvp-reference-measures-1.0.json: code, version, title, issuer, source, controls).
 * A file that is not JSON is refused here; the server checks the rest and names each wrong field
 * of the file, which is said next to the file field. Every control starts "to assess".
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportNormSet } from '../../../contracts/compliance.js';
import { describedBy, FieldHelp } from '../../app/FieldHelp.js';
import { fieldProblems } from '../../app/field-problems.js';
import { errorOf, type FieldError } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { useAction } from '../../app/use-action.js';
import { importNormSet } from './compliance-api.js';
import { parseNormSetFile } from './norm-set-view.js';

export function NormImportForm({ onImported }: { onImported(code: string, version: string): Promise<void> }) {
  const { t } = useTranslation();
  const id = `${useId()}-file`;
  const [file, setFile] = useState<File>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run, reset } = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const hint = t('compliance.normImport.hint');
  const error = errorOf(errors, id);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    const parsed = file ? parseNormSetFile(await file.text()) : undefined;
    if (!parsed?.ok) {
      setErrors([
        {
          id,
          message: t(file ? 'compliance.normImport.errors.notJson' : 'compliance.normImport.errors.file'),
        },
      ]);
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        const imported = await importNormSet(parsed.value as ImportNormSet);
        formRef.current?.reset();
        setFile(undefined);
        await onImported(imported.code, imported.version);
      } catch (refusal) {
        const wrong = [...fieldProblems(refusal).keys()];
        if (wrong.length > 0) {
          setErrors([
            { id, message: t('compliance.normImport.errors.fields', { fields: wrong.join(', ') }) },
          ]);
        }
        throw refusal;
      }
    });
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{t('compliance.normImport.title')}</h3>
      <ProblemAlert failure={failure} fields={errors} />
      <div className={error ? 'form__field form__field--error' : 'form__field'}>
        <label htmlFor={id}>{t('compliance.normImport.file')}</label>
        <FieldHelp id={id} hint={hint} error={error} />
        <input
          id={id}
          type="file"
          accept="application/json,.json"
          onChange={(event) => setFile(event.target.files?.[0])}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t('compliance.normImport.submit')}
      </button>
    </form>
  );
}
