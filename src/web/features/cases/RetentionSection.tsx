/**
 * The maximum retention after closure (bill art. 3 §1 al. 1, art. 2 §3 4°; SPEC FIL-01, WFL-07):
 * proposed by the organiser, approved by every party before the first consultation. After it, a
 * change is proposed and approved the same way, and the period in force stays until every party
 * approved it (SPEC RET-02). A period beyond thirty years waits for the organiser's DPO (SPEC RET-01).
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { formatDate } from '../../i18n/format.js';
import { approveRetention, proposeRetention } from './cases-api.js';
import { useCaseView } from './case-view.js';

function ProposalForm({ change }: { change: boolean }) {
  const { t } = useTranslation();
  const { kase, changed } = useCaseView();
  const id = useId();
  const ids = { months: `${id}-months`, otherRule: `${id}-otherRule` };
  const [months, setMonths] = useState(kase.retention.months ? String(kase.retention.months) : '');
  const [otherRule, setOtherRule] = useState(kase.retention.otherRule ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [
    { id: ids.months, paths: ['months'], message: t('casePage.retention.errors.months') },
    { id: ids.otherRule, paths: ['otherRule'], message: t('casePage.retention.errors.otherRule') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(months);
    if (!Number.isInteger(value) || value < 1) {
      setErrors([fields[0]!]);
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        await proposeRetention(kase.id, { months: value, otherRule: otherRule.trim() || null });
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      await changed(
        change
          ? t('casePage.retention.changeProposed', { count: value })
          : t('casePage.retention.proposed', { count: value }),
      );
    });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{change ? t('casePage.retention.changeProposeTitle') : t('casePage.retention.proposeTitle')}</h3>
      {change && <p>{t('casePage.retention.changeHint')}</p>}
      <ProblemAlert failure={failure} fields={errors} />
      <TextField
        id={ids.months}
        label={t('casePage.retention.months')}
        hint={t('casePage.retention.monthsHint')}
        inputMode="numeric"
        value={months}
        onChange={setMonths}
        error={errorOf(errors, ids.months)}
      />
      <TextField
        id={ids.otherRule}
        label={t('casePage.retention.otherRule')}
        hint={t('casePage.retention.otherRuleHint')}
        value={otherRule}
        onChange={setOtherRule}
        error={errorOf(errors, ids.otherRule)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('casePage.retention.propose')}
      </button>
    </form>
  );
}

export function RetentionSection() {
  const { t, i18n } = useTranslation();
  const { kase, organisationId, can, changed, nameOf } = useCaseView();
  const { busy, failure, run } = useAction();
  const { retention } = kase;
  const mine = retention.pending.includes(organisationId);
  const { change, beyondCap } = retention;
  if (retention.months === null && !can('propose_retention')) return null;

  const approve = () =>
    run(async () => {
      await approveRetention(kase.id, retention.proposal);
      await changed(t('casePage.retention.approved'));
    });
  const approveChange = (proposal: number) =>
    run(async () => {
      await approveRetention(kase.id, proposal);
      await changed(t('casePage.retention.changeApproved'));
    });

  return (
    <section className="panel" aria-labelledby="case-retention">
      <h2 id="case-retention">{t('casePage.retention.title')}</h2>
      <dl className="facts">
        <dt>{t('casePage.retention.months')}</dt>
        <dd>
          {retention.months === null
            ? t('casePage.retention.none')
            : t('casePage.retention.monthsValue', { count: retention.months })}
          {retention.otherRule && ` (${retention.otherRule})`}
        </dd>
        <dt>{t('casePage.retention.status')}</dt>
        <dd>{retention.agreed ? t('casePage.retention.agreed') : t('casePage.retention.notAgreed')}</dd>
        <dt>{t('casePage.retention.approvedBy')}</dt>
        <dd>{retention.approvedBy.map(nameOf).join(', ') || '—'}</dd>
        <dt>{t('casePage.retention.pending')}</dt>
        <dd>{retention.pending.map(nameOf).join(', ') || '—'}</dd>
        {beyondCap && (
          <>
            <dt>{t('casePage.retention.beyondCap')}</dt>
            <dd>
              {t('casePage.retention.monthsValue', { count: beyondCap.months })} ({beyondCap.otherRule}):{' '}
              {beyondCap.approvedAt
                ? t('casePage.retention.beyondCapApproved', {
                    date: formatDate(beyondCap.approvedAt, i18n.language),
                  })
                : t('casePage.retention.beyondCapPending')}
            </dd>
          </>
        )}
        {retention.endsOn && (
          <>
            <dt>{t('casePage.retention.endsOn')}</dt>
            <dd>{formatDate(retention.endsOn, i18n.language)}</dd>
          </>
        )}
      </dl>
      <ProblemAlert failure={failure} />
      {can('approve_retention') && retention.months !== null && mine && (
        <button type="button" className="button" aria-disabled={busy} onClick={() => void approve()}>
          {t('casePage.retention.approve', { count: retention.months })}
        </button>
      )}
      {change && (
        <>
          <h3>{t('casePage.retention.changeTitle')}</h3>
          <p>{t('casePage.retention.changeHint')}</p>
          <dl className="facts">
            <dt>{t('casePage.retention.months')}</dt>
            <dd>
              {t('casePage.retention.monthsValue', { count: change.months })}
              {change.otherRule && ` (${change.otherRule})`}
            </dd>
            <dt>{t('casePage.retention.approvedBy')}</dt>
            <dd>{change.approvedBy.map(nameOf).join(', ') || '—'}</dd>
            <dt>{t('casePage.retention.pending')}</dt>
            <dd>{change.pending.map(nameOf).join(', ') || '—'}</dd>
          </dl>
          {can('approve_retention') && change.pending.includes(organisationId) && (
            <button
              type="button"
              className="button"
              aria-disabled={busy}
              onClick={() => void approveChange(change.proposal)}
            >
              {t('casePage.retention.changeApprove', { count: change.months })}
            </button>
          )}
        </>
      )}
      {can('propose_retention') && <ProposalForm change={kase.firstConsultationAt !== null} />}
    </section>
  );
}
