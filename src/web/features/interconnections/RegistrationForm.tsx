/**
 * Registering a connection between file environments (bill Comm. art. 2; L1992 art. 21; SPEC
 * INT-01..INT-03): its name, the framework whose shared files the deliveries go into, the connected
 * system and who runs it, the other controllers whose DPO must approve, the legal basis and any
 * royal decree with its conditions, the security measures, the fields mapped to the categories that
 * framework allows, person matching (off by default), the rate limit, and the connected system's
 * Ed25519 public key (PEM). Registering approves the DPO's own side.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interconnection, RegistrationOptions } from '../../../contracts/interconnections.js';
import type { CategoryCode } from '../../../contracts/legal-codes.js';
import { CheckboxGroup } from '../../app/CheckboxGroup.js';
import { errorOf, type FieldError, type FormField, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { RadioGroup } from '../cross-border/RadioGroup.js';
import { registerInterconnection } from './interconnections-api.js';
import {
  emptyMapping,
  emptyRegistration,
  type RegistrationDraft,
  registrationBody,
} from './registration-draft.js';

const CONTROLS = [
  'name',
  'frameworkId',
  'system',
  'operator',
  'partyIds',
  'legalBasis',
  'royalDecreeReference',
  'royalDecreeConditions',
  'securityMeasures',
  'fieldMapping',
  'matching',
  'matchingBasis',
  'rateLimitPerMinute',
  'publicKey',
] as const;
type Control = (typeof CONTROLS)[number];

/** The body paths each control answers for. */
const PATHS: Record<Control, readonly string[]> = {
  name: ['name'],
  frameworkId: ['frameworkId'],
  system: ['counterpart.system', 'counterpart'],
  operator: ['counterpart.operator'],
  partyIds: ['partyIds'],
  legalBasis: ['legalBasis'],
  royalDecreeReference: ['royalDecree.reference', 'royalDecree'],
  royalDecreeConditions: ['royalDecree.conditions'],
  securityMeasures: ['securityMeasures'],
  fieldMapping: ['fieldMapping'],
  matching: ['personMatching'],
  matchingBasis: ['personMatching.basis'],
  rateLimitPerMinute: ['rateLimitPerMinute'],
  publicKey: ['publicKey'],
};

export function RegistrationForm({
  options,
  onRegistered,
}: {
  options: RegistrationOptions;
  onRegistered(interconnection: Interconnection): Promise<void>;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [draft, setDraft] = useState<RegistrationDraft>(emptyRegistration);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const id = (name: string) => `${formId}-${name}`;
  const set =
    <K extends keyof RegistrationDraft>(field: K) =>
    (value: RegistrationDraft[K]) =>
      setDraft((current) => ({ ...current, [field]: value }));
  const framework = options.frameworks.find((candidate) => candidate.id === draft.frameworkId);
  const mappingId = (index: number, part: 'field' | 'category') => id(`mapping-${index}-${part}`);

  const fields: FormField[] = [
    ...CONTROLS.map((control) => ({
      id: id(control),
      paths: PATHS[control],
      message: t(`interconnections.form.errors.${control}`),
    })),
    ...draft.fieldMapping.flatMap((_, index) =>
      (['field', 'category'] as const).map((part) => ({
        id: mappingId(index, part),
        paths: [`fieldMapping.${index}.${part}`],
        message: t(`interconnections.form.errors.mapping.${part}`, { number: index + 1 }),
      })),
    ),
  ];

  const setMapping = (index: number, part: 'field' | 'category', value: string) =>
    setDraft((current) => ({
      ...current,
      fieldMapping: current.fieldMapping.map((row, i) => (i === index ? { ...row, [part]: value } : row)),
    }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        const registered = await registerInterconnection(registrationBody(draft, framework));
        setDraft(emptyRegistration());
        await onRegistered(registered);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  if (options.frameworks.length === 0) return <p>{t('interconnections.form.noFramework')}</p>;
  return (
    <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <ProblemAlert failure={failure} fields={errors} />
      <TextField
        id={id('name')}
        label={t('interconnections.form.name')}
        hint={t('interconnections.form.nameHint')}
        value={draft.name}
        onChange={set('name')}
        error={errorOf(errors, id('name'))}
      />
      <SelectField
        id={id('frameworkId')}
        label={t('interconnections.record.framework')}
        hint={t('interconnections.form.frameworkHint')}
        value={draft.frameworkId}
        options={[
          { value: '', label: t('common.choose') },
          ...options.frameworks.map((candidate) => ({ value: candidate.id, label: candidate.name })),
        ]}
        onChange={(value) => setDraft((current) => ({ ...current, frameworkId: value, partyIds: [] }))}
        error={errorOf(errors, id('frameworkId'))}
      />
      <TextField
        id={id('system')}
        label={t('interconnections.record.system')}
        hint={t('interconnections.form.systemHint')}
        value={draft.system}
        onChange={set('system')}
        error={errorOf(errors, id('system'))}
      />
      <TextField
        id={id('operator')}
        label={t('interconnections.record.operator')}
        value={draft.operator}
        onChange={set('operator')}
        error={errorOf(errors, id('operator'))}
      />
      <p>
        {t('interconnections.record.direction')}: {t('interconnections.directions.inbound')}
      </p>
      {framework && (
        <CheckboxGroup
          id={id('partyIds')}
          legend={t('interconnections.form.parties')}
          hint={t('interconnections.form.partiesHint')}
          options={framework.parties.map((party) => ({ value: party.id, label: party.legalName }))}
          values={draft.partyIds}
          onChange={set('partyIds')}
          error={errorOf(errors, id('partyIds'))}
        />
      )}
      <TextAreaField
        id={id('legalBasis')}
        label={t('interconnections.record.legalBasis')}
        hint={t('interconnections.form.legalBasisHint')}
        value={draft.legalBasis}
        onChange={set('legalBasis')}
        error={errorOf(errors, id('legalBasis'))}
      />
      <div className="form__field">
        <label className="form__checkbox">
          <input
            type="checkbox"
            checked={draft.regulatedByRoyalDecree}
            onChange={(event) => set('regulatedByRoyalDecree')(event.target.checked)}
          />
          {t('interconnections.form.regulated')}
        </label>
      </div>
      {draft.regulatedByRoyalDecree && (
        <>
          <TextField
            id={id('royalDecreeReference')}
            label={t('interconnections.record.royalDecree')}
            value={draft.royalDecreeReference}
            onChange={set('royalDecreeReference')}
            error={errorOf(errors, id('royalDecreeReference'))}
          />
          <TextAreaField
            id={id('royalDecreeConditions')}
            label={t('interconnections.form.royalDecreeConditions')}
            value={draft.royalDecreeConditions}
            onChange={set('royalDecreeConditions')}
            error={errorOf(errors, id('royalDecreeConditions'))}
          />
        </>
      )}
      <TextAreaField
        id={id('securityMeasures')}
        label={t('interconnections.record.securityMeasures')}
        hint={t('interconnections.form.securityMeasuresHint')}
        value={draft.securityMeasures}
        onChange={set('securityMeasures')}
        error={errorOf(errors, id('securityMeasures'))}
      />
      <fieldset className="form__choice">
        <legend id={id('fieldMapping')} tabIndex={-1}>
          {t('interconnections.record.fieldMapping')}
        </legend>
        <p className="form__hint">{t('interconnections.form.fieldMappingHint')}</p>
        {draft.fieldMapping.map((row, index) => {
          const number = index + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity before they are saved
            <fieldset key={index} className="subpanel">
              <legend>{t('interconnections.form.mapping', { number })}</legend>
              <TextField
                id={mappingId(index, 'field')}
                label={t('interconnections.form.mappingField')}
                hint={t('interconnections.form.mappingFieldHint')}
                value={row.field}
                onChange={(value) => setMapping(index, 'field', value)}
                spellCheck={false}
                error={errorOf(errors, mappingId(index, 'field'))}
              />
              <SelectField
                id={mappingId(index, 'category')}
                label={t('interconnections.form.mappingCategory')}
                value={row.category}
                options={[
                  { value: '', label: t('common.choose') },
                  ...(framework?.mappableCategories ?? []).map((code: CategoryCode) => ({
                    value: code,
                    label: `${code} – ${t(`categories.${code}`)}`,
                  })),
                ]}
                onChange={(value) => setMapping(index, 'category', value)}
                error={errorOf(errors, mappingId(index, 'category'))}
              />
              {draft.fieldMapping.length > 1 && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => set('fieldMapping')(draft.fieldMapping.filter((_, i) => i !== index))}
                >
                  {t('interconnections.form.removeMapping', { number })}
                </button>
              )}
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => set('fieldMapping')([...draft.fieldMapping, emptyMapping()])}
        >
          {t('interconnections.form.addMapping')}
        </button>
      </fieldset>
      <RadioGroup
        id={id('matching')}
        legend={t('interconnections.record.personMatching')}
        hint={t('interconnections.form.matchingHint')}
        value={draft.matching}
        options={[
          { value: 'off', label: t('interconnections.matching.off') },
          {
            value: 'national_register_number',
            label: t('interconnections.matching.national_register_number'),
          },
        ]}
        onChange={(value) => set('matching')(value as RegistrationDraft['matching'])}
        error={errorOf(errors, id('matching'))}
      />
      {draft.matching === 'national_register_number' && (
        <TextAreaField
          id={id('matchingBasis')}
          label={t('interconnections.form.matchingBasis')}
          value={draft.matchingBasis}
          onChange={set('matchingBasis')}
          error={errorOf(errors, id('matchingBasis'))}
        />
      )}
      <TextField
        id={id('rateLimitPerMinute')}
        inputMode="numeric"
        label={t('interconnections.record.rateLimit')}
        hint={t('interconnections.form.rateLimitHint')}
        value={draft.rateLimitPerMinute}
        onChange={set('rateLimitPerMinute')}
        error={errorOf(errors, id('rateLimitPerMinute'))}
      />
      <TextAreaField
        id={id('publicKey')}
        label={t('interconnections.form.publicKey')}
        hint={t('interconnections.form.publicKeyHint')}
        rows={6}
        value={draft.publicKey}
        onChange={set('publicKey')}
        error={errorOf(errors, id('publicKey'))}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('interconnections.form.submit')}
      </button>
    </form>
  );
}
