import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.js';

/** Page frame: skip link first, then banner, navigation, main content and footer landmarks. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
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
              <a href="/" aria-current="page">
                {t('nav.home')}
              </a>
            </li>
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
