/**
 * The reviewer's decision on a draft it was asked to evaluate (bill Comm. art. 2; SPEC WFL-02,
 * ROL-13): signal it (with the minimum selection, in the signalling dialog), do not signal it, or
 * ask the compartment for more information — each with its reason.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_DECISIONS } from '../../../../contracts/cases.js';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { TextAreaField } from '../../../app/TextAreaField.js';
import { useAction } from '../../../app/use-action.js';
import { reviewCase } from '../cases-api.js';
import { useCaseView } from '../case-view.js';
import { SignalDialog } from './SignalDialog.js';

type Decision = (typeof REVIEW_DECISIONS)[number];

export function ReviewForm() {
  const { t } = useTranslation();
  const { kase, changed } = useCaseView();
  const id = useId();
  const reasonId = `${id}-reason`;
  const [decision, setDecision] = useState<Decision>('signal');
  const [reason, setReason] = useState('');
  const [signalling, setSignalling] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [{ id: reasonId, paths: ['reason'], message: t('workflow.errors.reason') }];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setErrors(fields);
      return;
    }
    setErrors([]);
    if (decision === 'signal') {
      setSignalling(true);
      return;
    }
    await run(async () => {
      try {
        await reviewCase(kase.id, { decision, reason: reason.trim() });
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      await changed(t(`workflow.review.recorded.${decision}`));
    });
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('workflow.review.decideTitle')}</h3>
      <p>{t('workflow.review.decideIntro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <fieldset className="form__choice">
          <legend>{t('workflow.review.decision')}</legend>
          {REVIEW_DECISIONS.map((choice) => (
            <label key={choice} className="form__radio">
              <input
                type="radio"
                name={`${id}-decision`}
                checked={decision === choice}
                onChange={() => setDecision(choice)}
              />
              {t(`reviewDecisions.${choice}`)}
            </label>
          ))}
        </fieldset>
        <TextAreaField
          id={reasonId}
          label={t('workflow.review.reason')}
          value={reason}
          onChange={setReason}
          error={errorOf(errors, reasonId)}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {decision === 'signal' ? t('workflow.review.chooseSelection') : t('workflow.review.record')}
        </button>
      </form>
      {signalling && <SignalDialog review={{ reason: reason.trim() }} onClose={() => setSignalling(false)} />}
    </section>
  );
}
