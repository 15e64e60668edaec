import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { problemReference, problemRule, problemText } from '../../app/problem-text.js';

/**
 * Why an approval was refused, announced (WCAG 4.1.3). A conflict is the four-eyes rule (SPEC
 * RET-01): the page says so in the user's language, quotes the server's detail of which approval
 * already stands (in English, marked as such: WCAG 3.1.2) and names the rule.
 */
export function ApprovalProblem({ failure }: { failure: unknown }) {
  const { t } = useTranslation();
  const rule = failure === undefined ? undefined : problemRule(failure);
  const fourEyes = failure instanceof ApiError && failure.code === 'conflict' ? failure : undefined;
  const detail = fourEyes?.problem?.detail;
  const message =
    failure === undefined
      ? undefined
      : fourEyes
        ? t('retention.list.approve.refused')
        : problemText(t, failure);
  return (
    <ErrorAlert message={message} reference={problemReference(failure)}>
      {detail !== undefined || rule !== undefined ? (
        <>
          {detail !== undefined && <p lang="en">{detail}</p>}
          {rule !== undefined && <p className="error-summary__rule">{t('common.rule', { rule })}</p>}
        </>
      ) : undefined}
    </ErrorAlert>
  );
}
