/**
 * The organiser convenes a consultation (SPEC WFL-09): the framework, the date and time, and an
 * agenda of the cases of that framework it organises and has accepted.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../contracts/cases.js';
import type { Framework } from '../../../contracts/frameworks.js';
import { useAuth } from '../../app/auth.js';
import { CheckboxGroup } from '../../app/CheckboxGroup.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { navigate, useLocation } from '../../app/router.js';
import { SelectField } from '../../app/SelectField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { fetchCases } from '../cases/cases-api.js';
import { fetchActiveFrameworks } from '../cases/frameworks-api.js';
import { scheduleConsultation } from './consultations-api.js';

/** The states in which a case can be on a consultation's agenda (bill art. 2 §3 2°-3°). */
const AGENDA_STATES: readonly CaseSummary['state'][] = ['accepted', 'in_consultation', 'follow_up'];

export function ScheduleConsultationPage() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const organisationId = state.status === 'signed_in' ? state.session.organisationId : '';
  const preselected = useLocation().query.get('case');
  const id = useId();
  const ids = { framework: `${id}-framework`, scheduledFor: `${id}-scheduledFor`, cases: `${id}-cases` };
  const [frameworks, setFrameworks] = useState<Framework[]>();
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [loadFailure, setLoadFailure] = useState<unknown>();
  const [frameworkId, setFrameworkId] = useState('');
  const [scheduledFor, setScheduledFor] = useState('');
  const [caseIds, setCaseIds] = useState<string[]>(preselected ? [preselected] : []);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([fetchActiveFrameworks(controller.signal), fetchCases(controller.signal)]).then(
      ([allFrameworks, allCases]) => {
        const organised = allCases.filter(
          (kase) => kase.relation === 'organiser' && AGENDA_STATES.includes(kase.state),
        );
        setFrameworks(allFrameworks.filter((framework) => framework.organiser?.id === organisationId));
        setCases(organised);
        const chosen = organised.find((kase) => kase.id === preselected);
        if (chosen) setFrameworkId(chosen.frameworkId);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadFailure(error);
      },
    );
    return () => controller.abort();
  }, [organisationId, preselected]);

  const candidates = cases.filter((kase) => kase.frameworkId === frameworkId);
  const fields = [
    { id: ids.framework, paths: ['frameworkId'], message: t('schedule.errors.framework') },
    { id: ids.scheduledFor, paths: ['scheduledFor'], message: t('schedule.errors.scheduledFor') },
    { id: ids.cases, paths: ['caseIds'], message: t('schedule.errors.cases') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const at = new Date(scheduledFor);
    const chosen = caseIds.filter((caseId) => candidates.some((kase) => kase.id === caseId));
    const local = fields.filter(
      (field) =>
        (field.id === ids.framework && frameworkId === '') ||
        (field.id === ids.scheduledFor && Number.isNaN(at.getTime())) ||
        (field.id === ids.cases && chosen.length === 0),
    );
    setErrors(local);
    if (local.length > 0) return;
    await run(async () => {
      try {
        const consultation = await scheduleConsultation({
          frameworkId,
          scheduledFor: at.toISOString(),
          caseIds: chosen,
        });
        navigate(`/consultations/${consultation.id}`);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <>
      <PageHeading title={t('schedule.title')} />
      <p className="intro">{t('schedule.intro')}</p>
      <div role="status">
        {frameworks === undefined && loadFailure === undefined && <p>{t('common.loading')}</p>}
      </div>
      <ProblemAlert failure={loadFailure ?? failure} fields={errors} />
      {frameworks?.length === 0 && <p className="notice">{t('schedule.noFramework')}</p>}
      {frameworks && frameworks.length > 0 && (
        <form
          className="form form--wide"
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-busy={busy}
        >
          <SelectField
            id={ids.framework}
            label={t('schedule.framework')}
            value={frameworkId}
            options={[
              { value: '', label: t('common.choose') },
              ...frameworks.map((framework) => ({ value: framework.id, label: framework.name })),
            ]}
            onChange={setFrameworkId}
            error={errorOf(errors, ids.framework)}
          />
          <TextField
            id={ids.scheduledFor}
            label={t('schedule.scheduledFor')}
            hint={t('schedule.scheduledForHint')}
            type="datetime-local"
            value={scheduledFor}
            onChange={setScheduledFor}
            error={errorOf(errors, ids.scheduledFor)}
          />
          {frameworkId !== '' && candidates.length === 0 ? (
            <p className="notice">{t('schedule.noCase')}</p>
          ) : (
            <CheckboxGroup
              id={ids.cases}
              legend={t('schedule.cases')}
              hint={t('schedule.casesHint')}
              error={errorOf(errors, ids.cases)}
              options={candidates.map((kase) => ({
                value: kase.id,
                label: `${kase.title} (${t(`caseStates.${kase.state}`)})`,
              }))}
              values={caseIds}
              onChange={setCaseIds}
            />
          )}
          <button type="submit" className="button" aria-disabled={busy}>
            {t('schedule.submit')}
          </button>
        </form>
      )}
    </>
  );
}
