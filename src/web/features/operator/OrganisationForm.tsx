/**
 * Registering an organisation (issue 3 scope 1, SPEC SCO-01 … SCO-15): its kind, its data
 * protection regime, its legal mission, its lawful ground and the controller's identity. The
 * rules are the server's; each refused field is marked and listed in the announced summary.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DP_REGIMES,
  LAWFUL_GROUNDS,
  MISSION_BASES,
  ORGANISATION_KINDS,
  type Organisation,
} from '../../../contracts/identity.js';
import { api } from '../../app/api.js';
import { ErrorAlert } from '../../app/ErrorAlert.js';
import { fieldProblems } from '../../app/field-problems.js';
import { problemReference, problemText } from '../../app/problem-text.js';
import { SelectField } from '../../app/SelectField.js';
import { TextField } from '../../app/TextField.js';
import {
  type DraftField,
  draftField,
  EMPTY_DRAFT,
  type OrganisationDraft,
  organisationBody,
} from './organisation-draft.js';

const TEXT_FIELDS = [
  'legalName',
  'address',
  'enterpriseNumber',
  'establishmentCountry',
  'representativeName',
  'representativeAddress',
  'rightsContact',
  'dpoName',
  'dpoContact',
  'complianceOwner',
] as const;
const ORDER: readonly DraftField[] = [
  'kind',
  'dpRegime',
  'missionBasis',
  'missionCitation',
  'lawfulGround',
  ...TEXT_FIELDS,
];

export function OrganisationForm({ onCreated }: { onCreated(organisation: Organisation): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<OrganisationDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = (field: DraftField) => (value: string) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const fieldId = (field: DraftField) => `${id}-${field}`;

  // The summary lists every field to correct, each a link to it (WCAG 3.3.1): the focus goes to the first.
  useEffect(() => {
    if (Object.keys(errors).length > 0) summaryRef.current?.querySelector('a')?.focus();
  }, [errors]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(undefined);
    setErrors({});
    try {
      const created = await api<Organisation>('POST', '/api/admin/organisations', {
        body: organisationBody(draft),
      });
      setDraft(EMPTY_DRAFT);
      onCreated(created);
    } catch (error) {
      const refused: Partial<Record<DraftField, string>> = {};
      for (const name of fieldProblems(error).keys()) {
        const field = draftField(name);
        if (field && !refused[field]) refused[field] = t(`operator.organisation.errors.${field}`);
      }
      setErrors(refused);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const listed = ORDER.filter((field) => errors[field]);
  const label = (field: DraftField) => t(`operator.organisation.fields.${field}`);
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as 'operator.kinds.other') }));

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('operator.organisation.createTitle')}</h2>
      <div ref={summaryRef}>
        <ErrorAlert
          message={failure !== undefined && listed.length === 0 ? problemText(t, failure) : undefined}
          reference={problemReference(failure)}
        >
          {listed.length > 0 && (
            <>
              <p className="error-summary__message">{t('common.errorSummaryTitle')}</p>
              <ul>
                {listed.map((field) => (
                  <li key={field}>
                    <a href={`#${fieldId(field)}`}>
                      {label(field)}: {errors[field]}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </ErrorAlert>
      </div>
      <form className="form" noValidate onSubmit={submit} aria-busy={busy}>
        <SelectField
          id={fieldId('kind')}
          label={label('kind')}
          value={draft.kind}
          options={options(ORGANISATION_KINDS, 'operator.kinds')}
          onChange={set('kind')}
          error={errors.kind}
        />
        <SelectField
          id={fieldId('dpRegime')}
          label={label('dpRegime')}
          value={draft.dpRegime}
          options={options(DP_REGIMES, 'operator.regimes')}
          onChange={set('dpRegime')}
          error={errors.dpRegime}
        />
        <SelectField
          id={fieldId('missionBasis')}
          label={label('missionBasis')}
          hint={t('operator.organisation.hints.missionBasis')}
          value={draft.missionBasis}
          options={[
            { value: '', label: t('operator.missionBases.none') },
            ...options(MISSION_BASES, 'operator.missionBases'),
          ]}
          onChange={set('missionBasis')}
          error={errors.missionBasis}
        />
        <TextField
          id={fieldId('missionCitation')}
          label={label('missionCitation')}
          value={draft.missionCitation}
          onChange={set('missionCitation')}
          error={errors.missionCitation}
        />
        <SelectField
          id={fieldId('lawfulGround')}
          label={label('lawfulGround')}
          value={draft.lawfulGround}
          options={options(LAWFUL_GROUNDS, 'operator.lawfulGrounds')}
          onChange={set('lawfulGround')}
          error={errors.lawfulGround}
        />
        {TEXT_FIELDS.map((field) => (
          <TextField
            key={field}
            id={fieldId(field)}
            label={label(field)}
            {...(field === 'enterpriseNumber' ||
            field === 'establishmentCountry' ||
            field === 'representativeName' ||
            field === 'dpoName'
              ? { hint: t(`operator.organisation.hints.${field}`) }
              : {})}
            value={draft[field]}
            onChange={set(field)}
            error={errors[field]}
          />
        ))}
        <button type="submit" className="button" aria-disabled={busy}>
          {t('operator.organisation.submit')}
        </button>
      </form>
    </section>
  );
}
