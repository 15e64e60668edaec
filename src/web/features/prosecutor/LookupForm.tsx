/**
 * The one way to find a listed identity (bill art. 8 "en vue de l'application de l'article 7";
 * SPEC LST-02): a lookup for one of the office's restrictions or one of the requests sent to it,
 * by national register number or by name and birth date. The server logs each with its link.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListLookupResult } from '../../../contracts/prosecutor-list.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { SelectField } from '../../app/SelectField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';
import { identityWords } from './identity-words.js';
import { LOOKUP_FIELDS as FIELDS, type LookupDraft, lookupBody } from './lookup-body.js';
import { lookUpList } from './prosecutor-api.js';

export interface LookupLink {
  /** `restriction:<id>` or `request:<id>`. */
  value: string;
  label: string;
}

export function LookupForm({ links }: { links: readonly LookupLink[] }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const ids = Object.fromEntries(FIELDS.map((name) => [name, `${id}-${name}`])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const [draft, setDraft] = useState<LookupDraft>({
    link: '',
    nationalRegisterNumber: '',
    surname: '',
    firstNames: '',
    birthDate: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<ListLookupResult>();
  const { busy, failure, run } = useAction();
  const fields = FIELDS.map((name) => ({
    id: ids[name],
    paths: name === 'link' ? ['restrictionId', 'rightsRequestId'] : [name],
    message: t(`prosecutor.lookup.errors.${name}`),
  }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // LST-02: no lookup without the restriction or request it serves.
    const local = draft.link === '' ? fields.filter((field) => field.id === ids.link) : [];
    setErrors(local);
    setResult(undefined);
    if (local.length > 0) return;
    await run(async () => {
      try {
        setResult(await lookUpList(lookupBody(draft)));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  const text = (name: Exclude<(typeof FIELDS)[number], 'link'>, type?: 'date') => (
    <TextField
      id={ids[name]}
      {...(type && { type })}
      label={t(`prosecutor.lookup.${name}`)}
      value={draft[name]}
      onChange={(value) => setDraft((current) => ({ ...current, [name]: value }))}
      error={errorOf(errors, ids[name])}
    />
  );

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('prosecutor.lookup.title')}</h3>
      <p>{t('prosecutor.lookup.intro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <SelectField
          id={ids.link}
          label={t('prosecutor.lookup.link')}
          hint={t('prosecutor.lookup.linkHint')}
          value={draft.link}
          options={[{ value: '', label: t('common.choose') }, ...links]}
          onChange={(link) => setDraft((current) => ({ ...current, link }))}
          error={errorOf(errors, ids.link)}
        />
        {text('nationalRegisterNumber')}
        <p className="form__hint">{t('prosecutor.lookup.orByName')}</p>
        {text('surname')}
        {text('firstNames')}
        {text('birthDate', 'date')}
        <button type="submit" className="button" aria-disabled={busy}>
          {t('prosecutor.lookup.submit')}
        </button>
      </form>
      {result && (
        <div role="status">
          {result.matches.length === 0 ? (
            <p>{t('prosecutor.lookup.noMatch')}</p>
          ) : (
            <ul className="plain-list">
              {result.matches.map((match) => (
                <li key={match.entryId}>
                  {identityWords(match.identity, i18n.language)} –{' '}
                  {t(`prosecutor.list.statuses.${match.status}`)}
                  {match.registeredAt &&
                    ` (${t('prosecutor.list.registeredAt')}: ${formatDateTime(match.registeredAt, i18n.language)})`}{' '}
                  – {match.authorisationReference} –{' '}
                  <Link to={`/cases/${match.caseId}`}>{t('prosecutor.lookup.openCase')}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
