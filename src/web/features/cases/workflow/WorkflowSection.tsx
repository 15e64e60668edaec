/**
 * What the reader may do to the case now, exactly as the server's `allowedActions` says (the
 * access module decides; the page only offers): review, signal, decide a signal, close, reopen,
 * schedule it for a consultation.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router.js';
import { closeCase, closeDraft, decideSignal, reopenCase } from '../cases-api.js';
import { useCaseView } from '../case-view.js';
import { ReasonForm } from './ReasonForm.js';
import { RequestReviewForm } from './RequestReviewForm.js';
import { ReviewForm } from './ReviewForm.js';
import { SignalDialog } from './SignalDialog.js';

function DecideSignalForm() {
  const { t } = useTranslation();
  const { kase, changed } = useCaseView();
  const [decision, setDecision] = useState<'accept' | 'refuse'>('accept');
  return (
    <ReasonForm
      title={t('workflow.decide.title')}
      intro={t('workflow.decide.intro')}
      label={t('workflow.decide.reason')}
      submit={t('workflow.decide.submit')}
      onSubmit={async (reason) => {
        await decideSignal(kase.id, { decision, reason });
        await changed(t(`workflow.decide.done.${decision}`));
      }}
    >
      <fieldset className="form__choice">
        <legend>{t('workflow.decide.decision')}</legend>
        {(['accept', 'refuse'] as const).map((choice) => (
          <label key={choice} className="form__radio">
            <input
              type="radio"
              name="signal-decision"
              checked={decision === choice}
              onChange={() => setDecision(choice)}
            />
            {t(`workflow.decide.choices.${choice}`)}
          </label>
        ))}
      </fieldset>
    </ReasonForm>
  );
}

function SignalPanel() {
  const { t } = useTranslation();
  const { kase, nameOf } = useCaseView();
  const [open, setOpen] = useState(false);
  return (
    <section className="subpanel" aria-labelledby="signal-title">
      <h3 id="signal-title">{t('workflow.signal.title')}</h3>
      <p>{t('workflow.signal.intro', { organiser: nameOf(kase.organiserOrganisationId) })}</p>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('workflow.signal.open')}
      </button>
      {open && <SignalDialog onClose={() => setOpen(false)} />}
    </section>
  );
}

export function WorkflowSection() {
  const { t } = useTranslation();
  const { kase, can, changed } = useCaseView();
  const offered = (
    [
      'request_review',
      'review',
      'signal',
      'close_draft',
      'decide_signal',
      'organise',
      'close',
      'reopen',
    ] as const
  ).filter(can);
  if (offered.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="case-workflow">
      <h2 id="case-workflow">{t('workflow.title')}</h2>
      {can('review') && <ReviewForm />}
      {can('request_review') && <RequestReviewForm />}
      {can('signal') && <SignalPanel />}
      {can('decide_signal') && <DecideSignalForm />}
      {can('organise') && (
        <p>
          <Link className="button" to={`/consultations/new?case=${encodeURIComponent(kase.id)}`}>
            {t('workflow.schedule')}
          </Link>
        </p>
      )}
      {can('close_draft') && (
        <ReasonForm
          title={t('workflow.closeDraft.title')}
          intro={t('workflow.closeDraft.intro')}
          label={t('workflow.closeDraft.reason')}
          submit={t('workflow.closeDraft.submit')}
          onSubmit={async (reason) => {
            await closeDraft(kase.id, { reason });
            await changed(t('workflow.closeDraft.done'));
          }}
        />
      )}
      {can('close') && (
        <ReasonForm
          title={t('workflow.close.title')}
          intro={t('workflow.close.intro')}
          label={t('workflow.close.reason')}
          submit={t('workflow.close.submit')}
          onSubmit={async (reason) => {
            await closeCase(kase.id, { reason });
            await changed(t('workflow.close.done'));
          }}
        />
      )}
      {can('reopen') && (
        <ReasonForm
          title={t('workflow.reopen.title')}
          intro={t('workflow.reopen.intro')}
          label={t('workflow.reopen.reason')}
          submit={t('workflow.reopen.submit')}
          onSubmit={async (reason) => {
            await reopenCase(kase.id, { reason });
            await changed(t('workflow.reopen.done'));
          }}
        />
      )}
    </section>
  );
}
