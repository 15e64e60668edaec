/**
 * Recording, proposing or completing a processor record (L2007 art. 16 §1; SPEC PRC-01..PRC-04,
 * PRC-06, DCL-20): what it is to the controller (the host, a backup provider, another processor),
 * the processor it works for when it is a sub-processor, who it is (the host's identity is the
 * platform operator's), where it processes the data, what it does, the guarantees it offers and the
 * contract with its clauses. A proposal may be incomplete: approval checks completeness. On an
 * approved record, changing a term withdraws the approval; the form says so before it is sent.
 */
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryLists } from '../../../contracts/cross-border.js';
import { PROCESSOR_ROLES, type ProcessorRecord, type ProcessorRole } from '../../../contracts/processors.js';
import { errorOf, type FieldError, type FormField, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { CountryField } from '../cross-border/CountryField.js';
import { GUARANTEE_FIELDS, GuaranteesFields, guaranteeControlId } from './GuaranteesFields.js';
import { createProcessorRecord, updateProcessorRecord } from './processors-api.js';
import {
  CONTRACT_FIELDS,
  type ContractDraft,
  createBody,
  draftOf,
  emptyProcessor,
  type ProcessorDraft,
  updateBody,
} from './processor-draft.js';

export type ProcessorFormMode =
  | {
      kind: 'create';
      controllerOrganisationId: string;
      /** The controller's records, among which a sub-processor names the processor that engaged it. */
      records: readonly ProcessorRecord[];
      /** The operator proposes the host's record: the role is fixed. */
      role?: ProcessorRole;
    }
  | { kind: 'edit'; record: ProcessorRecord };

const OWN = ['role', 'subProcessorOf', 'name', 'address', 'enterpriseNumber', 'country', 'services'] as const;

export function ProcessorForm({
  mode,
  countries,
  onSaved,
}: {
  mode: ProcessorFormMode;
  countries: CountryLists;
  onSaved(record: ProcessorRecord): Promise<void>;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const before = useMemo(
    () => (mode.kind === 'edit' ? draftOf(mode.record) : emptyProcessor(mode.role)),
    [mode],
  );
  const [draft, setDraft] = useState<ProcessorDraft>(before);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [unchanged, setUnchanged] = useState(false);
  const { busy, failure, run } = useAction();
  const id = (name: string) => `${formId}-${name}`;
  const set =
    <K extends keyof ProcessorDraft>(field: K) =>
    (value: ProcessorDraft[K]) =>
      setDraft((current) => ({ ...current, [field]: value }));
  const setContract = (field: keyof ContractDraft) => (value: string) =>
    setDraft((current) => ({ ...current, contract: { ...current.contract, [field]: value } }));
  const host = draft.role === 'host';
  const approved = mode.kind === 'edit' && mode.record.approval !== null;

  // The form's fields in page order, each with the body paths it answers for.
  const fields: FormField[] = [
    ...OWN.map((name) => ({
      id: id(name),
      paths: [
        name === 'name' || name === 'address' || name === 'enterpriseNumber' ? `processor.${name}` : name,
        ...(name === 'name' ? ['processor'] : []),
      ],
      message: t(`processors.form.errors.${name}`),
    })),
    ...draft.guarantees.flatMap((_, index) =>
      GUARANTEE_FIELDS.map((field) => ({
        id: guaranteeControlId(formId, index, field),
        paths: [`guarantees.${index}.${field}`],
        message: t(`processors.form.errors.guarantee.${field}`, { number: index + 1 }),
      })),
    ),
    { id: id('guarantees'), paths: ['guarantees'], message: t('processors.form.errors.guarantees') },
    ...CONTRACT_FIELDS.map((field) => ({
      id: id(`contract-${field}`),
      paths: [`contract.${field}`],
      message: t(`processors.form.errors.contract.${field}`),
    })),
    {
      id: id('reviewIntervalMonths'),
      paths: ['reviewIntervalMonths'],
      message: t('processors.form.errors.reviewIntervalMonths'),
    },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    setUnchanged(false);
    await run(async () => {
      try {
        let saved: ProcessorRecord;
        if (mode.kind === 'create') {
          saved = await createProcessorRecord(createBody(draft, mode.controllerOrganisationId));
        } else {
          const body = updateBody(draft, before);
          if (Object.keys(body).length === 0) {
            setUnchanged(true);
            return;
          }
          saved = await updateProcessorRecord(mode.record.id, body);
        }
        if (mode.kind === 'create') setDraft(emptyProcessor(mode.role));
        await onSaved(saved);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  const candidates =
    mode.kind === 'create' ? mode.records.filter((record) => record.subProcessorOf === null) : [];
  return (
    <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <ProblemAlert failure={failure} fields={errors} />
      {unchanged && <p className="notice">{t('processors.form.unchanged')}</p>}
      {approved && (
        <p className="banner banner--warning" role="note">
          {t('processors.form.withdrawsApproval')}
        </p>
      )}
      {mode.kind === 'create' && mode.role === undefined && (
        <>
          <SelectField
            id={id('role')}
            label={t('processors.record.role')}
            hint={t('processors.form.roleHint')}
            value={draft.role}
            options={PROCESSOR_ROLES.map((role) => ({ value: role, label: t(`processors.roles.${role}`) }))}
            onChange={(value) => set('role')(value as ProcessorRole)}
            error={errorOf(errors, id('role'))}
          />
          <SelectField
            id={id('subProcessorOf')}
            label={t('processors.record.subProcessorOf')}
            hint={t('processors.form.subProcessorOfHint')}
            value={draft.subProcessorOf}
            options={[
              { value: '', label: t('processors.form.notSubProcessor') },
              ...candidates.map((record) => ({ value: record.id, label: record.processor.name })),
            ]}
            onChange={set('subProcessorOf')}
            error={errorOf(errors, id('subProcessorOf'))}
          />
        </>
      )}
      {host ? (
        <p className="form__hint">{t('processors.form.hostIdentity')}</p>
      ) : (
        <fieldset className="form__choice">
          <legend>{t('processors.form.identity')}</legend>
          <TextField
            id={id('name')}
            label={t('processors.record.name')}
            value={draft.name}
            onChange={set('name')}
            error={errorOf(errors, id('name'))}
          />
          <TextAreaField
            id={id('address')}
            label={t('processors.record.address')}
            rows={2}
            value={draft.address}
            onChange={set('address')}
            error={errorOf(errors, id('address'))}
          />
          <TextField
            id={id('enterpriseNumber')}
            label={t('processors.record.enterpriseNumberOptional')}
            value={draft.enterpriseNumber}
            onChange={set('enterpriseNumber')}
            error={errorOf(errors, id('enterpriseNumber'))}
          />
        </fieldset>
      )}
      <CountryField
        id={id('country')}
        label={t('processors.record.country')}
        hint={t('processors.form.countryHint')}
        value={draft.country}
        lists={countries}
        empty={t('common.choose')}
        onChange={set('country')}
        error={errorOf(errors, id('country'))}
      />
      <TextAreaField
        id={id('services')}
        label={t('processors.record.services')}
        hint={t('processors.form.servicesHint')}
        value={draft.services}
        onChange={set('services')}
        error={errorOf(errors, id('services'))}
      />
      <GuaranteesFields
        formId={formId}
        guarantees={draft.guarantees}
        onChange={set('guarantees')}
        errorOf={(control) => errorOf(errors, control)}
      />
      <fieldset className="form__choice">
        <legend>{t('processors.form.contract')}</legend>
        <p className="form__hint">{t('processors.form.contractHint')}</p>
        {CONTRACT_FIELDS.map((field) => (
          <TextField
            key={field}
            id={id(`contract-${field}`)}
            type={field === 'signedOn' ? 'date' : 'text'}
            label={t(`processors.contract.${field}`)}
            value={draft.contract[field]}
            onChange={setContract(field)}
            error={errorOf(errors, id(`contract-${field}`))}
          />
        ))}
      </fieldset>
      <TextField
        id={id('reviewIntervalMonths')}
        inputMode="numeric"
        label={t('processors.record.reviewIntervalMonths')}
        hint={t('processors.form.reviewIntervalHint')}
        value={draft.reviewIntervalMonths}
        onChange={set('reviewIntervalMonths')}
        error={errorOf(errors, id('reviewIntervalMonths'))}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {mode.kind === 'edit'
          ? t('processors.form.save')
          : mode.role === 'host'
            ? t('processors.form.proposeHost')
            : t('processors.form.create')}
      </button>
    </form>
  );
}
