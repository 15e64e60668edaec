/**
 * Why case files are consulted in this working session (issue 4 scope 7; L1992 art. 16 §1;
 * SPEC SEC-05): asked once per session, before any case content, and recorded by the server in
 * every consult event. Suggestions fill the field; the user completes them.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Justification, SessionInfo } from '../../../contracts/auth.js';
import { api } from '../../app/api.js';
import { useAuth } from '../../app/auth.js';
import { errorOf, refusedFields } from '../../app/form-fields.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';

const SUGGESTIONS = ['preparing', 'followUp', 'signalling'] as const;

export function JustificationForm() {
  const { t } = useTranslation();
  const { signedIn } = useAuth();
  const id = useId();
  const fieldId = `${id}-justification`;
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ id: string; message: string }[]>([]);
  const { busy, failure, run } = useAction();
  const inputRef = useRef<HTMLInputElement>(null);
  const fields = [{ id: fieldId, paths: ['justification'], message: t('justification.error') }];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: Justification = { justification: text.trim() };
    if (body.justification.length < 3) {
      setErrors([{ id: fieldId, message: t('justification.error') }]);
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        signedIn(await api<SessionInfo>('PUT', '/api/session/justification', { body }));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  /** A suggestion is the start of a justification: the user completes it in the field. */
  function suggest(start: string) {
    setText(start);
    inputRef.current?.focus();
  }

  return (
    <>
      <PageHeading title={t('justification.title')} />
      <p className="intro">{t('justification.intro')}</p>
      <ProblemAlert failure={errors.length > 0 ? undefined : failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id={fieldId}
          inputRef={inputRef}
          label={t('justification.label')}
          hint={t('justification.hint')}
          autoComplete="off"
          value={text}
          onChange={setText}
          error={errorOf(errors, fieldId)}
        />
        <div className="suggestions">
          <p id={`${id}-suggestions`}>{t('justification.suggestionsTitle')}</p>
          <ul aria-labelledby={`${id}-suggestions`} className="suggestions__list">
            {SUGGESTIONS.map((suggestion) => (
              <li key={suggestion}>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => suggest(`${t(`justification.suggestions.${suggestion}`)} `)}
                >
                  {t(`justification.suggestions.${suggestion}`)}…
                </button>
              </li>
            ))}
          </ul>
        </div>
        <button type="submit" className="button" aria-disabled={busy}>
          {t('justification.submit')}
        </button>
      </form>
    </>
  );
}
