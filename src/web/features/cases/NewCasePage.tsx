/**
 * Pre-registering a case (bill art. 2 §3 1°; SPEC WFL-01): in the legal basis of an active
 * framework, with a title and purposes among the framework's (CP art. 458ter §1 al. 2; PUR-01).
 * The case is created in the user's organisation's sealed compartment.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework } from '../../../contracts/frameworks.js';
import type { PurposeCode } from '../../../contracts/legal-codes.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { navigate } from '../../app/router.js';
import { SelectField } from '../../app/SelectField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { createCase } from './cases-api.js';
import { fetchActiveFrameworks } from './frameworks-api.js';

export function NewCasePage() {
  const { t } = useTranslation();
  const id = useId();
  const [frameworks, setFrameworks] = useState<Framework[]>();
  const [loadFailure, setLoadFailure] = useState<unknown>();
  const [frameworkId, setFrameworkId] = useState('');
  const [title, setTitle] = useState('');
  const [purposes, setPurposes] = useState<PurposeCode[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = { framework: `${id}-framework`, title: `${id}-title`, purposes: `${id}-purposes` };

  useEffect(() => {
    const controller = new AbortController();
    fetchActiveFrameworks(controller.signal).then(setFrameworks, (error: unknown) => {
      if (!controller.signal.aborted) setLoadFailure(error);
    });
    return () => controller.abort();
  }, []);

  const framework = frameworks?.find((candidate) => candidate.id === frameworkId);

  function chooseFramework(value: string) {
    setFrameworkId(value);
    const chosen = frameworks?.find((candidate) => candidate.id === value);
    // A framework with one purpose leaves no choice; otherwise keep those it allows.
    setPurposes((current) =>
      chosen?.purposes.length === 1
        ? [...chosen.purposes]
        : current.filter((p) => chosen?.purposes.includes(p)),
    );
  }

  const fields = [
    { id: ids.framework, paths: ['frameworkId'], message: t('newCase.errors.framework') },
    { id: ids.title, paths: ['title'], message: t('newCase.errors.title') },
    { id: ids.purposes, paths: ['purposes'], message: t('newCase.errors.purposes') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = fields.filter(
      (field) =>
        (field.id === ids.framework && !framework) ||
        (field.id === ids.title && title.trim() === '') ||
        (field.id === ids.purposes && purposes.length === 0),
    );
    setErrors(missing);
    if (missing.length > 0) return;
    await run(async () => {
      try {
        const created = await createCase({ frameworkId, title: title.trim(), purposes });
        navigate(`/cases/${created.id}`);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <>
      <PageHeading title={t('newCase.title')} />
      <p className="intro">{t('newCase.intro')}</p>
      <div role="status">
        {frameworks === undefined && loadFailure === undefined && <p>{t('common.loading')}</p>}
      </div>
      <ProblemAlert failure={loadFailure ?? failure} fields={errors} />
      {frameworks?.length === 0 && <p className="notice">{t('newCase.noFramework')}</p>}
      {frameworks && frameworks.length > 0 && (
        <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <SelectField
            id={ids.framework}
            label={t('newCase.framework')}
            hint={t('newCase.frameworkHint')}
            value={frameworkId}
            options={[
              { value: '', label: t('common.choose') },
              ...frameworks.map((candidate) => ({ value: candidate.id, label: candidate.name })),
            ]}
            onChange={chooseFramework}
            error={errorOf(errors, ids.framework)}
          />
          {framework?.organiser && (
            <p className="form__hint">
              {t('newCase.organiser', { organiser: framework.organiser.legalName })}
            </p>
          )}
          <TextField
            id={ids.title}
            label={t('newCase.caseTitle')}
            hint={t('newCase.caseTitleHint')}
            autoComplete="off"
            value={title}
            onChange={setTitle}
            error={errorOf(errors, ids.title)}
          />
          <fieldset
            className={errorOf(errors, ids.purposes) ? 'form__choice form__field--error' : 'form__choice'}
            aria-describedby={errorOf(errors, ids.purposes) ? `${ids.purposes}-error` : undefined}
          >
            <legend id={ids.purposes} tabIndex={-1}>
              {t('newCase.purposes')}
            </legend>
            {errorOf(errors, ids.purposes) && (
              <p id={`${ids.purposes}-error`} className="form__error">
                {errorOf(errors, ids.purposes)}
              </p>
            )}
            {!framework && <p className="form__hint">{t('newCase.purposesHint')}</p>}
            {framework?.purposes.map((purpose) => (
              <label key={purpose} className="form__checkbox">
                <input
                  type="checkbox"
                  checked={purposes.includes(purpose)}
                  onChange={(event) =>
                    setPurposes((current) =>
                      event.target.checked
                        ? [...current, purpose]
                        : current.filter((other) => other !== purpose),
                    )
                  }
                />
                <span>
                  <span className="code">{purpose}</span> {t(`purposes.${purpose}`)}
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" aria-disabled={busy}>
            {t('newCase.submit')}
          </button>
        </form>
      )}
    </>
  );
}
