/**
 * First-login enrolment of the second factor every account needs (SPEC SEC-01, issue 3 scope 3):
 * a new TOTP secret as a QR code and as text, confirmed with the first code of the
 * authenticator; or a passkey, created by the browser with the server's options. Then the
 * recovery codes, shown this once (none for accounts bound to passkeys). The server replaces
 * the enrolment session with a full one under a new id; the app takes it when the user goes on.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaEnrolled, PasskeyCreationOptions, TotpEnrolment } from '../../../contracts/mfa.js';
import { ApiError, api } from '../../app/api.js';
import { useAuth } from '../../app/auth.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { fieldProblems } from '../../app/field-problems.js';
import { PageHeading } from '../../app/PageHeading.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { TextField } from '../../app/TextField.js';
import { createPasskey, PasskeyError } from '../../app/webauthn.js';
import { svgDataUrl } from './svg-data-url.js';

type Step =
  | { name: 'start' }
  | { name: 'scan'; enrolment: TotpEnrolment }
  | { name: 'done'; factor: 'totp' | 'passkey'; enrolled: MfaEnrolled };

const TOTP_FORMAT = /^\d{6}$/;

/** "JBSWY3DP…" in groups of four, easier to read and type. */
const grouped = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

export function MfaEnrolmentPage() {
  const { t } = useTranslation();
  const { signedIn } = useAuth();
  const id = useId();
  const [step, setStep] = useState<Step>({ name: 'start' });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  // A new step replaces the one that had the focus: the focus moves to the new step's heading.
  useEffect(() => {
    if (step.name !== 'start') stepHeading.current?.focus();
  }, [step.name]);

  async function start() {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      setStep({ name: 'scan', enrolment: await api<TotpEnrolment>('POST', '/api/auth/mfa/enrolment/totp') });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function enrolPasskey() {
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const options = await api<PasskeyCreationOptions>('POST', '/api/auth/mfa/enrolment/passkey/options');
      const credential = await createPasskey(options);
      const enrolled = await api<MfaEnrolled>('POST', '/api/auth/mfa/enrolment/passkey', {
        body: { credential },
      });
      setStep({ name: 'done', factor: 'passkey', enrolled });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setFailure(undefined);
    const typed = code.replace(/\s/g, '');
    const error =
      typed === ''
        ? t('mfaEnrolment.errors.codeMissing')
        : TOTP_FORMAT.test(typed)
          ? undefined
          : t('mfaEnrolment.errors.codeFormat');
    setCodeError(error);
    if (error) {
      codeInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const enrolled = await api<MfaEnrolled>('POST', '/api/auth/mfa/enrolment/totp/confirm', {
        body: { code: typed },
      });
      setStep({ name: 'done', factor: 'totp', enrolled });
    } catch (failed) {
      setCode('');
      if (fieldProblems(failed).has('code')) {
        setCodeError(t('mfaEnrolment.errors.codeRejected'));
        codeInput.current?.focus();
      } else {
        setFailure(failed);
      }
    } finally {
      setBusy(false);
    }
  }

  function failureText(): string | undefined {
    if (failure === undefined) return undefined;
    if (failure instanceof ApiError && failure.code === 'webauthn_required')
      return t('mfaEnrolment.errors.passkeyRequired');
    if (failure instanceof PasskeyError) return t(`common.passkey.${failure.reason}`);
    return problemText(t, failure);
  }

  return (
    <>
      <PageHeading title={t('mfaEnrolment.title')} />
      <ErrorAlert message={failureText()} reference={problemReference(failure)}>
        {codeError && step.name === 'scan' && (
          <>
            <p className="error-summary__message">{t('common.errorSummaryTitle')}</p>
            <ul>
              <li>
                <a href={`#${id}-code`}>{codeError}</a>
              </li>
            </ul>
          </>
        )}
      </ErrorAlert>
      {step.name === 'start' && (
        <>
          <p className="intro">{t('mfaEnrolment.intro')}</p>
          <p>{t('mfaEnrolment.startIntro')}</p>
          <button type="button" className="button" aria-disabled={busy} onClick={() => void start()}>
            {t('mfaEnrolment.start')}
          </button>
          <p>{t('mfaEnrolment.passkeyIntro')}</p>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={busy}
            onClick={() => void enrolPasskey()}
          >
            {t('mfaEnrolment.passkeyStart')}
          </button>
        </>
      )}
      {step.name === 'scan' && (
        <section className="panel" aria-labelledby={`${id}-scan`}>
          <h2 id={`${id}-scan`} ref={stepHeading} tabIndex={-1}>
            {t('mfaEnrolment.scan.title')}
          </h2>
          <p>{t('mfaEnrolment.scan.intro')}</p>
          <img
            className="qr-code"
            src={svgDataUrl(step.enrolment.qrCodeSvg)}
            alt={t('mfaEnrolment.scan.qrAlt')}
          />
          <p>{t('mfaEnrolment.scan.manual')}</p>
          <p className="secret">{grouped(step.enrolment.secret)}</p>
          <form className="form" noValidate onSubmit={confirm} aria-busy={busy}>
            <TextField
              id={`${id}-code`}
              inputRef={codeInput}
              label={t('mfaEnrolment.scan.codeLabel')}
              hint={t('mfaEnrolment.scan.codeHint')}
              autoComplete="one-time-code"
              inputMode="numeric"
              spellCheck={false}
              value={code}
              onChange={setCode}
              error={codeError}
            />
            <button type="submit" className="button" aria-disabled={busy}>
              {t('mfaEnrolment.scan.confirm')}
            </button>
          </form>
        </section>
      )}
      {step.name === 'done' && step.enrolled.recoveryCodes.length === 0 && (
        <section className="panel" aria-labelledby={`${id}-done`}>
          <h2 id={`${id}-done`} ref={stepHeading} tabIndex={-1}>
            {t('mfaEnrolment.passkeyDone.title')}
          </h2>
          <p className="notice">{t('mfaEnrolment.recovery.enrolled')}</p>
          <button type="button" className="button" onClick={() => signedIn(step.enrolled.session)}>
            {t('mfaEnrolment.passkeyDone.continue')}
          </button>
        </section>
      )}
      {step.name === 'done' && step.enrolled.recoveryCodes.length > 0 && (
        <section className="panel" aria-labelledby={`${id}-done`}>
          <h2 id={`${id}-done`} ref={stepHeading} tabIndex={-1}>
            {t('mfaEnrolment.recovery.title')}
          </h2>
          <p className="notice">{t('mfaEnrolment.recovery.enrolled')}</p>
          <p>
            {step.factor === 'passkey'
              ? t('mfaEnrolment.recovery.passkeyInstruction')
              : t('mfaEnrolment.recovery.instruction')}
          </p>
          <ol className="codes" aria-label={t('mfaEnrolment.recovery.listLabel')}>
            {step.enrolled.recoveryCodes.map((recoveryCode) => (
              <li key={recoveryCode}>{recoveryCode}</li>
            ))}
          </ol>
          <p>{t('mfaEnrolment.recovery.once')}</p>
          <button type="button" className="button" onClick={() => signedIn(step.enrolled.session)}>
            {t('mfaEnrolment.recovery.continue')}
          </button>
        </section>
      )}
    </>
  );
}
