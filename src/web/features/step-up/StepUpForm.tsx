/**
 * The second factor again, before a sensitive action (own-file transfer request, four-eyes
 * approval, export: ASVS 5.0 V7.5.3): a code from the authenticator app or a passkey, sent to
 * POST /api/auth/step-up. The session gets a new id and CSRF token, which the app takes over.
 * The API takes no recovery code here: whoever has lost their factor logs in again with one.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../contracts/auth.js';
import type { PasskeyRequestOptions } from '../../../contracts/mfa.js';
import { ApiError, api } from '../../app/api.js';
import { useAuth } from '../../app/auth.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { TextField } from '../../app/TextField.js';
import { PasskeyError, signWithPasskey } from '../../app/webauthn.js';

type Factor = 'totp' | 'passkey';
const TOTP_FORMAT = /^\d{6}$/;

export function StepUpForm({
  level = 3,
  onConfirmed,
  onCancel,
}: {
  /** The heading's level, one below the part of the page the form appears in. */
  level?: 3 | 4;
  onConfirmed(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const { signedIn } = useAuth();
  const id = useId();
  const [factor, setFactor] = useState<Factor>('totp');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const Heading = level === 3 ? 'h3' : 'h4';

  // The form appears in place of the action the user chose: the focus follows it.
  useEffect(() => headingRef.current?.focus(), []);

  async function confirm(): Promise<SessionInfo> {
    if (factor === 'totp') {
      return api<SessionInfo>('POST', '/api/auth/step-up', { body: { totp: code.replace(/\s/g, '') } });
    }
    const options = await api<PasskeyRequestOptions>('POST', '/api/auth/step-up/passkey/options');
    const passkey = await signWithPasskey(options);
    return api<SessionInfo>('POST', '/api/auth/step-up', { body: { passkey } });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFailure(undefined);
    if (factor === 'totp' && !TOTP_FORMAT.test(code.replace(/\s/g, ''))) {
      setCodeError(t('stepUp.errors.totpFormat'));
      codeRef.current?.focus();
      return;
    }
    setCodeError(undefined);
    setBusy(true);
    try {
      signedIn(await confirm());
      onConfirmed();
    } catch (error) {
      setFailure(error);
      // A code is used once, right or wrong.
      setCode('');
      setBusy(false);
    }
  }

  function failureText(): string | undefined {
    if (failure === undefined) return undefined;
    if (failure instanceof PasskeyError) return t(`common.passkey.${failure.reason}`);
    if (failure instanceof ApiError && failure.code === 'webauthn_required')
      return t('stepUp.errors.passkeyRequired');
    if (failure instanceof ApiError && failure.code === 'validation_failed')
      return t('stepUp.errors.rejected');
    return problemText(t, failure);
  }

  return (
    <section className="panel step-up" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('stepUp.title')}
      </Heading>
      <p>{t('stepUp.intro')}</p>
      <ErrorAlert message={failureText()} reference={problemReference(failure)} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <fieldset className="form__choice">
          <legend>{t('stepUp.factor')}</legend>
          {(['totp', 'passkey'] as const).map((choice) => (
            <label key={choice} className="form__radio">
              <input
                type="radio"
                name={`${id}-factor`}
                checked={factor === choice}
                onChange={() => {
                  setFactor(choice);
                  setCodeError(undefined);
                }}
              />
              {t(`stepUp.factors.${choice}`)}
            </label>
          ))}
        </fieldset>
        {factor === 'totp' ? (
          <TextField
            id={`${id}-code`}
            inputRef={codeRef}
            label={t('stepUp.code')}
            hint={t('login.totp.hint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            spellCheck={false}
            value={code}
            onChange={setCode}
            error={codeError}
          />
        ) : (
          <p className="form__hint">{t('stepUp.passkeyHint')}</p>
        )}
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy}>
            {t('stepUp.submit')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
