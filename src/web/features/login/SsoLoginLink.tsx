/**
 * Single sign-on (ADR 0011), offered only where the operator configured it: GET /api/auth/oidc
 * answers 200 with the button's text, else 404. A plain link, so that the browser follows the
 * server's redirect to the identity provider with the flow cookie.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SsoOptions } from '../../../contracts/oidc.js';
import { api } from '../../app/api.js';

export function SsoLoginLink() {
  const { t } = useTranslation();
  const [options, setOptions] = useState<SsoOptions>();

  useEffect(() => {
    const controller = new AbortController();
    api<SsoOptions>('GET', '/api/auth/oidc', { anonymous: true, signal: controller.signal }).then(
      setOptions,
      // No SSO (404) or no answer: the password form is the way in, nothing to say.
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  if (!options) return null;
  return (
    <section className="panel" aria-labelledby="sso-title">
      <h2 id="sso-title">{t('login.sso.title')}</h2>
      <a className="button button--secondary" href="/api/auth/oidc/start">
        {options.label ?? t('login.sso.button')}
      </a>
    </section>
  );
}
