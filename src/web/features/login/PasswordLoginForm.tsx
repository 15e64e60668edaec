/**
 * Password and second factor (TOTP code or recovery code): POST /api/auth/login. With a
 * passkey, the password goes first (POST /api/auth/login/passkey/options), the browser then
 * signs the server's challenge, and the signature logs in (POST /api/auth/login/passkey).
 * Errors are announced in an alert and tied to their fields (WCAG 3.3.1, 3.3.3); the server's
 * answer to a wrong password, account or code is one message, as the server keeps them
 * indistinguishable.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Login, SessionInfo } from '../../../contracts/auth.js';
import type { PasskeyRequestOptions } from '../../../contracts/mfa.js';
import { ApiError, api } from '../../app/api.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { TextField } from '../../app/TextField.js';
import { PasskeyError, signWithPasskey } from '../../app/webauthn.js';
import { formatTime } from '../../i18n/format.js';

/** `none`: the first login, before any second factor is set up (it opens only the enrolment). */
type Factor = 'totp' | 'recovery' | 'passkey' | 'none';
/** Factors typed into the code field. */
const CODE_FACTORS: ReadonlySet<Factor> = new Set(['totp', 'recovery']);
type Field = 'email' | 'password' | 'code';
type FieldErrors = Partial<Record<Field, string>>;

const TOTP_FORMAT = /^\d{6}$/;

export function PasswordLoginForm({ onSignedIn }: { onSignedIn: (session: SessionInfo) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [factor, setFactor] = useState<Factor>('totp');
  const [code, setCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const inputs = {
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    code: useRef<HTMLInputElement>(null),
  };

  function check(): FieldErrors {
    const errors: FieldErrors = {};
    if (email.trim() === '') errors.email = t('login.errors.emailMissing');
    if (password === '') errors.password = t('login.errors.passwordMissing');
    const typed = code.replace(/\s/g, '');
    if (factor === 'totp') {
      if (typed === '') errors.code = t('login.errors.totpMissing');
      else if (!TOTP_FORMAT.test(typed)) errors.code = t('login.errors.totpFormat');
    } else if (factor === 'recovery' && typed === '') {
      errors.code = t('login.errors.recoveryMissing');
    }
    return errors;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const errors = check();
    setFieldErrors(errors);
    setFailure(undefined);
    const first = (['email', 'password', 'code'] as const).find((field) => errors[field]);
    if (first) {
      inputs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      onSignedIn(factor === 'passkey' ? await passkeyLogin() : await codeLogin());
    } catch (error) {
      setFailure(error);
      // A code is used once, right or wrong: the next attempt needs a new one.
      setCode('');
      setBusy(false);
    }
  }

  function codeLogin(): Promise<SessionInfo> {
    const body: Login = {
      email: email.trim(),
      password,
      ...(factor === 'totp' ? { totp: code.replace(/\s/g, '') } : {}),
      ...(factor === 'recovery' ? { recoveryCode: code.trim() } : {}),
    };
    return api<SessionInfo>('POST', '/api/auth/login', { body, anonymous: true });
  }

  async function passkeyLogin(): Promise<SessionInfo> {
    const options = await api<PasskeyRequestOptions>('POST', '/api/auth/login/passkey/options', {
      body: { email: email.trim(), password },
      anonymous: true,
    });
    const assertion = await signWithPasskey(options);
    return api<SessionInfo>('POST', '/api/auth/login/passkey', { body: { assertion }, anonymous: true });
  }

  function failureText(): string | undefined {
    if (failure === undefined) return undefined;
    if (failure instanceof PasskeyError) return t(`common.passkey.${failure.reason}`);
    if (failure instanceof ApiError && failure.code === 'webauthn_required')
      return t('login.errors.passkeyRequired');
    if (failure instanceof ApiError && failure.status === 401) return t('login.errors.invalid');
    if (failure instanceof ApiError && failure.status === 429 && failure.retryAfterSeconds) {
      const at = new Date(Date.now() + failure.retryAfterSeconds * 1000);
      return t('login.errors.throttled', { time: formatTime(at, i18n.language) });
    }
    return problemText(t, failure);
  }

  const summary = Object.values(fieldErrors);
  const codeLabel = factor === 'totp' ? t('login.totp.label') : t('login.recovery.label');
  const codeHint = factor === 'totp' ? t('login.totp.hint') : t('login.recovery.hint');

  return (
    <>
      <ErrorAlert message={failureText()} reference={problemReference(failure)}>
        {summary.length > 0 && (
          <>
            <p className="error-summary__message">{t('common.errorSummaryTitle')}</p>
            <ul>
              {(['email', 'password', 'code'] as const)
                .filter((field) => fieldErrors[field])
                .map((field) => (
                  <li key={field}>
                    <a href={`#${id}-${field}`}>{fieldErrors[field]}</a>
                  </li>
                ))}
            </ul>
          </>
        )}
      </ErrorAlert>
      <form className="form" noValidate onSubmit={submit} aria-busy={busy}>
        <TextField
          id={`${id}-email`}
          inputRef={inputs.email}
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
        />
        <TextField
          id={`${id}-password`}
          inputRef={inputs.password}
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
        />
        <fieldset className="form__choice">
          <legend>{t('login.factor.legend')}</legend>
          {(['totp', 'recovery', 'passkey', 'none'] as const).map((choice) => (
            <label key={choice} className="form__radio">
              <input
                type="radio"
                name={`${id}-factor`}
                value={choice}
                checked={factor === choice}
                onChange={() => {
                  setFactor(choice);
                  setCode('');
                  setFieldErrors(({ code: _, ...rest }) => rest);
                }}
              />
              {t(`login.factor.${choice}`)}
            </label>
          ))}
        </fieldset>
        {factor === 'passkey' && <p className="form__hint">{t('login.passkey.hint')}</p>}
        {CODE_FACTORS.has(factor) && (
          <TextField
            id={`${id}-code`}
            inputRef={inputs.code}
            label={codeLabel}
            hint={codeHint}
            autoComplete={factor === 'totp' ? 'one-time-code' : 'off'}
            inputMode={factor === 'totp' ? 'numeric' : 'text'}
            spellCheck={false}
            value={code}
            onChange={setCode}
            error={fieldErrors.code}
          />
        )}
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus. */}
        <button type="submit" className="button" aria-disabled={busy}>
          {busy ? t(factor === 'passkey' ? 'login.passkey.waiting' : 'login.submitting') : t('login.submit')}
        </button>
      </form>
    </>
  );
}
