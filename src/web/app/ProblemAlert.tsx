import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';
import type { FieldError } from './form-fields.js';
import { problemReference, problemRule, problemText } from './problem-text.js';

/**
 * What went wrong with an action, announced (WCAG 4.1.3): the fields to correct, each a link to
 * its control (WCAG 3.3.1), the focus on the first; otherwise the problem in the user's language.
 * Either way the legal rule that refused it, when the server names one.
 */
export function ProblemAlert({ failure, fields = [] }: { failure: unknown; fields?: readonly FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // Each new list of fields to correct (a new refusal) takes the focus to its first link.
  useEffect(() => {
    if (fields.length > 0) ref.current?.querySelector('a')?.focus();
  }, [fields]);
  const rule = failure !== undefined ? problemRule(failure) : undefined;
  const details =
    fields.length > 0 || rule !== undefined ? (
      <>
        {fields.length > 0 && (
          <>
            <p className="error-summary__message">{t('common.errorSummaryTitle')}</p>
            <ul>
              {fields.map((field) => (
                <li key={field.id}>
                  <a href={`#${field.id}`}>{field.message}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        {rule !== undefined && <p className="error-summary__rule">{t('common.rule', { rule })}</p>}
      </>
    ) : undefined;
  return (
    <div ref={ref}>
      <ErrorAlert
        message={failure !== undefined && fields.length === 0 ? problemText(t, failure) : undefined}
        reference={problemReference(failure)}
      >
        {details}
      </ErrorAlert>
    </div>
  );
}
