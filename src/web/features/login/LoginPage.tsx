import { useTranslation } from 'react-i18next';
import { type SignedOutReason, useAuth } from '../../app/auth.js';
import { PageHeading } from '../../app/PageHeading.js';
import { Link } from '../../app/router.js';
import { PasswordLoginForm } from './PasswordLoginForm.js';
import { SsoLoginLink } from './SsoLoginLink.js';

const SIGNED_OUT_MESSAGES = {
  logged_out: 'login.loggedOut',
  logged_out_everywhere: 'login.loggedOutEverywhere',
  session_ended: 'login.sessionEnded',
} as const satisfies Record<SignedOutReason, string>;

/**
 * The login page: the password form ends in `signedIn`; single sign-on, where the operator
 * configured it, leaves for the identity provider and comes back with a session. Where the
 * user goes next is the router's (App: the undertaking first when it is due).
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
      <SsoLoginLink />
      {/* Art. 18: the public register is open to anyone, without an account (SPEC DCL-24). */}
      <p>
        <Link to="/public-register">{t('publicRegister.link')}</Link>
      </p>
    </>
  );
}
