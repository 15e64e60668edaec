import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dealsWithBreakGlass } from '../features/break-glass/break-glass-roles.js';
import { keepsComplianceDashboard, keepsSecurityEvidence } from '../features/compliance/compliance-roles.js';
import { keepsDenyList, keepsTransferRegister } from '../features/cross-border/cross-border-roles.js';
import { keepsDeclarations } from '../features/declarations/declaration-roles.js';
import { keepsInterconnectionRegister } from '../features/interconnections/interconnection-roles.js';
import { keepsProcessorRegistry, watchesHostCoverage } from '../features/processors/processor-roles.js';
import { holdsProsecutorDesk } from '../features/prosecutor/prosecutor-desk-role.js';
import { holdsRetentionDesk } from '../features/retention/retention-desk-role.js';
import { holdsRightsDesk } from '../features/rights/rights-desk-role.js';
import { useAuth } from './auth.js';
import { holdsCaseRole } from './case-roles.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { Link, navigate, useLocation } from './router.js';

function NavLink({ to, children }: { to: string; children: ReactNode }) {
  const current = useLocation().path === to;
  return (
    <Link to={to} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

function LogoutButton() {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await logout();
      navigate('/login');
    } catch {
      // A session that had already ended is reported by the API client (the login page follows).
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="site-nav__button" aria-disabled={busy} onClick={() => void onClick()}>
      {t('nav.logout')}
    </button>
  );
}

/** Page frame: skip link first, then banner, navigation, main content and footer landmarks. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state } = useAuth();
  const caseRole = state.status === 'signed_in' && holdsCaseRole(state.session);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <div>
            <p className="site-header__name">{t('app.name')}</p>
            <p className="site-header__tagline">{t('app.tagline')}</p>
          </div>
          <LanguageSwitcher />
        </div>
        <nav className="site-nav" aria-label={t('layout.mainNavigation')}>
          <ul className="container site-nav__list">
            <li>
              <NavLink to="/">{caseRole ? t('nav.dashboard') : t('nav.home')}</NavLink>
            </li>
            {caseRole && (
              <li>
                <NavLink to="/transfers">{t('nav.transfers')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && holdsProsecutorDesk(state.session) && (
              <li>
                <NavLink to="/prosecutor-desk">{t('nav.prosecutorDesk')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && holdsRightsDesk(state.session) && (
              <li>
                <NavLink to="/rights-desk">{t('nav.rightsDesk')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && holdsRetentionDesk(state.session) && (
              <li>
                <NavLink to="/retention">{t('nav.retention')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && keepsTransferRegister(state.session) && (
              <li>
                <NavLink to="/transfer-register">{t('nav.transferRegister')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && keepsDenyList(state.session) && (
              <li>
                <NavLink to="/transfer-deny-rules">{t('nav.transferDenyRules')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && keepsComplianceDashboard(state.session) && (
              <li>
                <NavLink to="/compliance">{t('nav.compliance')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && keepsDeclarations(state.session) && (
              <li>
                <NavLink to="/declarations">{t('nav.declarations')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && keepsSecurityEvidence(state.session) && (
              <li>
                <NavLink to="/security-evidence">{t('nav.securityEvidence')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && keepsProcessorRegistry(state.session) && (
              <li>
                <NavLink to="/processors">{t('nav.processors')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && watchesHostCoverage(state.session) && (
              <li>
                <NavLink to="/host-coverage">{t('nav.hostCoverage')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && dealsWithBreakGlass(state.session) && (
              <li>
                <NavLink to="/break-glass">{t('nav.breakGlass')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && keepsInterconnectionRegister(state.session) && (
              <li>
                <NavLink to="/interconnections">{t('nav.interconnections')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && (
              <li>
                <NavLink to="/sessions">{t('nav.sessions')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' && state.session.purpose === 'full' && (
              <li>
                <NavLink to="/representations">{t('nav.representations')}</NavLink>
              </li>
            )}
            {state.status === 'signed_in' &&
              state.session.purpose === 'full' &&
              state.session.roles.includes('operator') && (
                <li>
                  <NavLink to="/operator">{t('nav.operator')}</NavLink>
                </li>
              )}
            {state.status === 'signed_in' && (
              <li className="site-nav__end">
                <LogoutButton />
              </li>
            )}
            {state.status === 'signed_out' && (
              <li className="site-nav__end">
                <NavLink to="/login">{t('nav.login')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      {/* tabIndex -1: the skip link can move keyboard focus here. */}
      <main id="main" className="container site-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p className="container">{t('layout.footer')}</p>
      </footer>
    </>
  );
}
