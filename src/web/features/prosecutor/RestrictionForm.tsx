/**
 * Restricting a person's rights (bill art. 7 al. 1; SPEC RGT-RST-01..07, RST-10): in a case the
 * office authorised, the person, all their non-judicial items or some of them, the rights
 * restricted, one or more grounds, why it is necessary and proportionate, the optional second
 * basis and the review date. The server checks the preconditions and names every refused field.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseSummary } from '../../../contracts/cases.js';
import { RESTRICTED_RIGHTS, RESTRICTION_GROUND_CODES } from '../../../contracts/restrictions.js';
import { CheckboxGroup } from '../../app/CheckboxGroup.js';
import { describedBy, FieldHelp } from '../../app/FieldHelp.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { fetchCase } from '../cases/cases-api.js';
import { personName } from '../cases/persons/person-name.js';
import { itemLabel, restrictableItems } from './case-labels.js';
import { createRestriction } from './prosecutor-api.js';
import {
  emptyRestriction,
  type GroundCode,
  missingFields,
  type RestrictionDraft,
  type RightCode,
  restrictionBody,
} from './restriction-draft.js';

const FIELDS = [
  'caseId',
  'personId',
  'scope',
  'itemIds',
  'rights',
  'grounds',
  'justification',
  'law2018Art14',
  'reviewOn',
] as const;

export function RestrictionForm({
  cases,
  onCreated,
}: {
  cases: readonly CaseSummary[];
  onCreated(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ids = Object.fromEntries(FIELDS.map((name) => [name, `${id}-${name}`])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  const [draft, setDraft] = useState<RestrictionDraft>(emptyRestriction);
  const [kase, setKase] = useState<CaseDetail>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const [loadFailure, setLoadFailure] = useState<unknown>();
  const change = (changes: Partial<RestrictionDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const fields = FIELDS.map((name) => ({
    id: ids[name],
    paths: [name] as readonly string[],
    message: t(`prosecutor.form.errors.${name}`),
  }));

  // The persons and items of the case chosen, as the office sees them.
  useEffect(() => {
    setKase(undefined);
    setLoadFailure(undefined);
    if (draft.caseId === '') return;
    const controller = new AbortController();
    fetchCase(draft.caseId, controller.signal).then(
      (detail) => setKase(detail),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadFailure(error);
      },
    );
    return () => controller.abort();
  }, [draft.caseId]);

  const items = kase && draft.personId !== '' ? restrictableItems(kase, draft.personId) : [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = missingFields(draft);
    const local = fields.filter((field) => missing.some((path) => field.paths.includes(path)));
    setErrors(local);
    if (local.length > 0) return;
    await run(async () => {
      try {
        await createRestriction(restrictionBody(draft));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      const name = kase?.persons.find((person) => person.id === draft.personId);
      setDraft(emptyRestriction());
      setErrors([]);
      await onCreated(t('prosecutor.form.done', { name: name ? personName(name) : '' }));
    });
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('prosecutor.form.title')}</h3>
      <p>{t('prosecutor.form.intro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <ProblemAlert failure={loadFailure} />
      <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <SelectField
          id={ids.caseId}
          label={t('prosecutor.form.case')}
          hint={t('prosecutor.form.caseHint')}
          value={draft.caseId}
          options={[
            { value: '', label: t('common.choose') },
            ...cases.map((summary) => ({
              value: summary.id,
              label: `${summary.title} – ${summary.frameworkName}`,
            })),
          ]}
          onChange={(caseId) => change({ caseId, personId: '', itemIds: [] })}
          error={errorOf(errors, ids.caseId)}
        />
        <SelectField
          id={ids.personId}
          label={t('prosecutor.form.person')}
          value={draft.personId}
          options={[
            { value: '', label: t('common.choose') },
            ...(kase?.persons ?? []).map((person) => ({
              value: person.id,
              label: `${personName(person)} (${t(`personRoles.${person.role}`)})`,
            })),
          ]}
          onChange={(personId) => change({ personId, itemIds: [] })}
          error={errorOf(errors, ids.personId)}
        />
        <SelectField
          id={ids.scope}
          label={t('prosecutor.form.scope')}
          value={draft.scope}
          options={[
            { value: 'person', label: t('prosecutor.scopes.person') },
            { value: 'items', label: t('prosecutor.scopes.items') },
          ]}
          onChange={(scope) => change({ scope: scope as RestrictionDraft['scope'], itemIds: [] })}
          error={errorOf(errors, ids.scope)}
        />
        {draft.scope === 'items' && (
          <CheckboxGroup
            id={ids.itemIds}
            legend={t('prosecutor.form.items')}
            hint={t('prosecutor.form.itemsHint')}
            error={errorOf(errors, ids.itemIds)}
            options={items.map((item) => ({ value: item.id, label: itemLabel(t, item) }))}
            values={draft.itemIds}
            onChange={(itemIds) => change({ itemIds })}
          />
        )}
        <CheckboxGroup
          id={ids.rights}
          legend={t('prosecutor.form.rights')}
          hint={t('prosecutor.form.rightsHint')}
          error={errorOf(errors, ids.rights)}
          options={RESTRICTED_RIGHTS.map((right) => ({
            value: right,
            label: t(`prosecutor.rights.${right}`),
          }))}
          values={draft.rights}
          onChange={(rights) => change({ rights: rights as RightCode[] })}
        />
        <CheckboxGroup
          id={ids.grounds}
          legend={t('prosecutor.form.grounds')}
          error={errorOf(errors, ids.grounds)}
          options={RESTRICTION_GROUND_CODES.map((code) => ({
            value: code,
            label: `${code} – ${t(`prosecutor.grounds.${code}`)}`,
          }))}
          values={draft.grounds}
          onChange={(grounds) => change({ grounds: grounds as GroundCode[] })}
        />
        <TextAreaField
          id={ids.justification}
          label={t('prosecutor.form.justification')}
          hint={t('prosecutor.form.justificationHint')}
          value={draft.justification}
          rows={5}
          onChange={(justification) => change({ justification })}
          error={errorOf(errors, ids.justification)}
        />
        <div className={errorOf(errors, ids.law2018Art14) ? 'form__field form__field--error' : 'form__field'}>
          <FieldHelp id={ids.law2018Art14} error={errorOf(errors, ids.law2018Art14)} />
          <label className="form__checkbox">
            <input
              id={ids.law2018Art14}
              type="checkbox"
              checked={draft.law2018Art14}
              onChange={(event) => change({ law2018Art14: event.target.checked })}
              aria-describedby={describedBy(ids.law2018Art14, undefined, errorOf(errors, ids.law2018Art14))}
            />
            {t('prosecutor.form.law2018Art14')}
          </label>
        </div>
        <TextField
          id={ids.reviewOn}
          type="date"
          label={t('prosecutor.form.reviewOn')}
          hint={t('prosecutor.form.reviewOnHint')}
          value={draft.reviewOn}
          onChange={(reviewOn) => change({ reviewOn })}
          error={errorOf(errors, ids.reviewOn)}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('prosecutor.form.submit')}
        </button>
      </form>
    </section>
  );
}
