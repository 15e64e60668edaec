/**
 * Adding a person (bill art. 2 §2 al. 1 1° and al. 2; SPEC DAT-01, DAT-17): a subject of the
 * consultation, or a relation/contact of subjects, with why processing its data is necessary.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatePerson } from '../../../../contracts/persons.js';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { TextAreaField } from '../../../app/TextAreaField.js';
import { TextField } from '../../../app/TextField.js';
import { useAction } from '../../../app/use-action.js';
import { addPerson } from '../cases-api.js';
import { useCaseView } from '../case-view.js';
import { personName } from './person-name.js';

const IDENTITY = [
  'surname',
  'firstNames',
  'birthDate',
  'birthPlace',
  'address',
  'nationalRegisterNumber',
] as const;
type IdentityField = (typeof IDENTITY)[number];
const EMPTY: Record<IdentityField, string> = {
  surname: '',
  firstNames: '',
  birthDate: '',
  birthPlace: '',
  address: '',
  nationalRegisterNumber: '',
};

export function PersonForm() {
  const { t } = useTranslation();
  const { kase, changed } = useCaseView();
  const id = useId();
  const [role, setRole] = useState<'subject' | 'relation'>('subject');
  const [subjectIds, setSubjectIds] = useState<string[]>([]);
  const [necessity, setNecessity] = useState('');
  const [identity, setIdentity] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const subjects = kase.persons.filter((person) => person.role === 'subject');
  const ids = {
    role: `${id}-role`,
    subjects: `${id}-subjects`,
    necessity: `${id}-necessity`,
    ...Object.fromEntries(IDENTITY.map((field) => [field, `${id}-${field}`])),
  } as Record<'role' | 'subjects' | 'necessity' | IdentityField, string>;
  const fields = [
    { id: ids.role, paths: ['role'], message: t('personForm.errors.role') },
    { id: ids.subjects, paths: ['subjectIds'], message: t('personForm.errors.subjects') },
    { id: ids.necessity, paths: ['necessity'], message: t('personForm.errors.necessity') },
    ...IDENTITY.map((field) => ({
      id: ids[field],
      paths: [`identity.${field}`],
      message: t(`personForm.errors.${field}`),
    })),
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
    const body: CreatePerson = {
      role,
      ...(role === 'relation' ? { subjectIds, necessity: necessity.trim() } : {}),
      identity: {
        surname: identity.surname.trim(),
        firstNames: identity.firstNames.trim(),
        ...Object.fromEntries(
          (['birthDate', 'birthPlace', 'address', 'nationalRegisterNumber'] as const)
            .filter((field) => optional(identity[field]) !== undefined)
            .map((field) => [field, optional(identity[field])]),
        ),
      },
    };
    setErrors([]);
    await run(async () => {
      try {
        const person = await addPerson(kase.id, body);
        setIdentity(EMPTY);
        setNecessity('');
        setSubjectIds([]);
        await changed(t('personForm.added', { name: personName(person) }));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  const set = (field: IdentityField) => (value: string) =>
    setIdentity((current) => ({ ...current, [field]: value }));
  const subjectsError = errorOf(errors, ids.subjects);
  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('personForm.title')}</h3>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <fieldset className="form__choice">
          <legend id={ids.role} tabIndex={-1}>
            {t('personForm.role')}
          </legend>
          {(['subject', 'relation'] as const).map((choice) => (
            <label key={choice} className="form__radio">
              <input
                type="radio"
                name={`${id}-role`}
                checked={role === choice}
                onChange={() => setRole(choice)}
              />
              {t(`personForm.roles.${choice}`)}
            </label>
          ))}
        </fieldset>
        {role === 'relation' && (
          <>
            <fieldset
              className={subjectsError ? 'form__choice form__field--error' : 'form__choice'}
              aria-describedby={subjectsError ? `${ids.subjects}-error` : undefined}
            >
              <legend id={ids.subjects} tabIndex={-1}>
                {t('personForm.subjects')}
              </legend>
              {subjectsError && (
                <p id={`${ids.subjects}-error`} className="form__error">
                  {subjectsError}
                </p>
              )}
              {subjects.length === 0 && <p className="form__hint">{t('personForm.noSubject')}</p>}
              {subjects.map((subject) => (
                <label key={subject.id} className="form__checkbox">
                  <input
                    type="checkbox"
                    checked={subjectIds.includes(subject.id)}
                    onChange={(event) =>
                      setSubjectIds((current) =>
                        event.target.checked
                          ? [...current, subject.id]
                          : current.filter((other) => other !== subject.id),
                      )
                    }
                  />
                  {personName(subject)}
                </label>
              ))}
            </fieldset>
            <TextAreaField
              id={ids.necessity}
              label={t('personForm.necessity')}
              hint={t('personForm.necessityHint')}
              value={necessity}
              onChange={setNecessity}
              error={errorOf(errors, ids.necessity)}
            />
          </>
        )}
        {IDENTITY.map((field) => (
          <TextField
            key={field}
            id={ids[field]}
            label={t(`personForm.fields.${field}`)}
            {...(field === 'nationalRegisterNumber' ? { hint: t('personForm.nationalNumberHint') } : {})}
            {...(field === 'birthDate' ? { type: 'date' } : {})}
            autoComplete="off"
            spellCheck={false}
            value={identity[field]}
            onChange={set(field)}
            error={errorOf(errors, ids[field])}
          />
        ))}
        <button type="submit" className="button" aria-disabled={busy}>
          {t('personForm.submit')}
        </button>
      </form>
    </section>
  );
}
