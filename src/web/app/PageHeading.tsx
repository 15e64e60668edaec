import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hasNavigated } from './router.js';

/**
 * A page's h1 and its document title (WCAG 2.4.2). After a client-side navigation, focus moves
 * to the heading, so that a screen reader announces the new page as a page load would.
 */
export function PageHeading({ title, documentTitle }: { title: string; documentTitle?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const fullTitle = documentTitle ?? `${title} – ${t('app.documentTitle')}`;
  useEffect(() => {
    document.title = fullTitle;
  }, [fullTitle]);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {title}
    </h1>
  );
}
