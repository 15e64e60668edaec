import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An assertive live region, present before anything is put in it, so that an error is
 * announced when it appears (WCAG 4.1.3) without moving the user's focus.
 */
export function ErrorAlert({
  message,
  reference,
  children,
}: {
  message?: string;
  reference?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const shown = message !== undefined || children !== undefined;
  return (
    <div role="alert" className={shown ? 'error-summary' : undefined}>
      {message !== undefined && <p className="error-summary__message">{message}</p>}
      {reference !== undefined && (
        <p className="error-summary__reference">{t('common.reference', { id: reference })}</p>
      )}
      {children}
    </div>
  );
}
