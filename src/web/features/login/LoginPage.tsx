import { useTranslation } from 'react-i18next';
import { type SignedOutReason, useAuth } from '../../app/auth.js';
import { PageHeading } from '../../app/PageHeading.js';
import { PasswordLoginForm } from './PasswordLoginForm.js';

const SIGNED_OUT_MESSAGES = {
  logged_out: 'login.loggedOut',
  logged_out_everywhere: 'login.loggedOutEverywhere',
  session_ended: 'login.sessionEnded',
} as const satisfies Record<SignedOutReason, string>;

/**
 * The login page. Each way to log in is a component that ends in `signedIn`: the password
 * form today, a passkey button beside it when the WebAuthn login routes land. Where the user
 * goes next is the router's (App: the undertaking first when it is due).
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { state, signedIn } = useAuth();
  const reason = state.status === 'signed_out' ? state.reason : undefined;

  return (
    <>
      <PageHeading title={t('login.title')} />
      <div role="status">{reason && <p className="notice">{t(SIGNED_OUT_MESSAGES[reason])}</p>}</div>
      <p className="intro">{t('login.intro')}</p>
      <PasswordLoginForm onSignedIn={signedIn} />
    </>
  );
}
