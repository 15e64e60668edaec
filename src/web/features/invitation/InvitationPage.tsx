/**
 * Redeeming an invitation (issue 3 scope 2): the link's token is in the URL fragment, which the
 * browser never sends to a server; the invitee chooses a password, typed twice, and then logs
 * in. The server's one answer to an unknown, used or expired link is said as such.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedeemInvitation } from '../../../contracts/invitations.js';
import { ApiError, api } from '../../app/api.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { fieldProblems } from '../../app/field-problems.js';
import { PageHeading } from '../../app/PageHeading.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { Link } from '../../app/router.js';
import { TextField } from '../../app/TextField.js';
import { passwordProblemText } from './password-problem.js';

type Field = 'password' | 'confirmation';
type FieldErrors = Partial<Record<Field, string>>;

/** The password policy's bounds (password-policy.ts, ASVS 5.0 V6.2.1, V6.2.9). */
const PASSWORD_MIN = 12;
const PASSWORD_MAX = 128;

export function InvitationPage() {
  const { t } = useTranslation();
  const id = useId();
  const [token] = useState(() => window.location.hash.slice(1));
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  const inputs = { password: useRef<HTMLInputElement>(null), confirmation: useRef<HTMLInputElement>(null) };

  // The form leaves the page: the keyboard focus goes to the outcome.
  useEffect(() => {
    if (done) statusRef.current?.focus();
  }, [done]);

  function check(): FieldErrors {
    const errors: FieldErrors = {};
    if (password === '') errors.password = t('invitation.errors.passwordMissing');
    else if ([...password].length < PASSWORD_MIN || [...password].length > PASSWORD_MAX)
      errors.password = t('invitation.errors.passwordLength');
    if (confirmation !== password) errors.confirmation = t('invitation.errors.mismatch');
    return errors;
  }

  function showErrors(errors: FieldErrors) {
    setFieldErrors(errors);
    const first = (['password', 'confirmation'] as const).find((field) => errors[field]);
    if (first) inputs[first].current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const errors = check();
    showErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const body: RedeemInvitation = { token, password };
    setBusy(true);
    try {
      await api<unknown>('POST', '/api/invitations/redeem', { body, anonymous: true });
      setDone(true);
    } catch (error) {
      const refused = fieldProblems(error).get('password');
      if (refused !== undefined) showErrors({ password: passwordProblemText(t, refused) });
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function failureText(): string | undefined {
    if (failure === undefined) return undefined;
    if (failure instanceof ApiError && failure.status === 404) return t('invitation.errors.invalidLink');
    return problemText(t, failure);
  }

  const summary = (['password', 'confirmation'] as const).filter((field) => fieldErrors[field]);
  const linkBroken = token === '' || (failure instanceof ApiError && failure.status === 404);

  return (
    <>
      <PageHeading title={t('invitation.title')} />
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {done && <p className="notice">{t('invitation.done')}</p>}
      </div>
      <ErrorAlert
        message={token === '' ? t('invitation.errors.invalidLink') : failureText()}
        reference={problemReference(failure)}
      >
        {summary.length > 0 && (
          <>
            <p className="error-summary__message">{t('common.errorSummaryTitle')}</p>
            <ul>
              {summary.map((field) => (
                <li key={field}>
                  <a href={`#${id}-${field}`}>{fieldErrors[field]}</a>
                </li>
              ))}
            </ul>
          </>
        )}
      </ErrorAlert>
      {done || linkBroken ? (
        <p>
          <Link to="/login" className={done ? 'button' : undefined}>
            {done ? t('invitation.toLogin') : t('invitation.toLoginAnyway')}
          </Link>
        </p>
      ) : (
        <>
          <p className="intro">{t('invitation.intro')}</p>
          <form className="form" noValidate onSubmit={submit} aria-busy={busy}>
            <TextField
              id={`${id}-password`}
              inputRef={inputs.password}
              label={t('invitation.password')}
              hint={t('invitation.passwordHint')}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              error={fieldErrors.password}
            />
            <TextField
              id={`${id}-confirmation`}
              inputRef={inputs.confirmation}
              label={t('invitation.confirmation')}
              type="password"
              autoComplete="new-password"
              value={confirmation}
              onChange={setConfirmation}
              error={fieldErrors.confirmation}
            />
            <button type="submit" className="button" aria-disabled={busy}>
              {busy ? t('invitation.submitting') : t('invitation.submit')}
            </button>
          </form>
        </>
      )}
    </>
  );
}
