/**
 * Registering a destination in the transfer register (L2007 arts 21-22; L1992 art. 17 §6; SPEC
 * TRF-01..11, DCL-20): what it is, its name, the country where the data are stored or accessed,
 * the categories sent, the destination it works for, what is done there, and its basis. The
 * server checks it as every transfer there: a destination outside the Community without a basis,
 * or one a royal decree forbids, is a blocked transfer, logged; each refused field is named here.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CountryLists,
  DESTINATION_KINDS,
  type DestinationKind,
  type TransferRegister,
} from '../../../contracts/cross-border.js';
import { CATEGORY_CODES, type CategoryCode } from '../../../contracts/legal-codes.js';
import { ApiError } from '../../app/api.js';
import { CheckboxGroup } from '../../app/CheckboxGroup.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { bytesToBase64 } from '../rights/document-upload.js';
import { BASIS_CONTROLS, BASIS_PATHS, type BasisControl, BasisFields } from './BasisFields.js';
import { CountryField } from './CountryField.js';
import { zoneOf } from './countries.js';
import { registerDestination } from './cross-border-api.js';
import {
  type ClausesUpload,
  type ConsentDraft,
  type DestinationDraft,
  destinationBody,
  emptyDestination,
  worksForAnother,
} from './destination-draft.js';

const OWN_CONTROLS = ['kind', 'name', 'country', 'categories', 'viaDestinationId', 'operations'] as const;
type Control = (typeof OWN_CONTROLS)[number] | BasisControl;
const CONTROLS: readonly Control[] = [...OWN_CONTROLS, ...BASIS_CONTROLS];

async function readClauses(file: File): Promise<ClausesUpload> {
  return {
    // Another type is sent as the browser says it is, for the server to name the field it refuses.
    mediaType: file.type as ClausesUpload['mediaType'],
    contentBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
  };
}

/** A refusal of the transfer itself (403): the country is named because the transfer there is blocked. */
const isBlocked = (error: unknown): boolean => error instanceof ApiError && error.status === 403;

export function DestinationForm({
  register,
  countries,
  onRegistered,
  onRefused,
}: {
  register: TransferRegister;
  countries: CountryLists;
  onRegistered(name: string): Promise<void>;
  /** A refusal may have added a line to the blocked-transfer log. */
  onRefused(): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<DestinationDraft>(emptyDestination);
  const [clausesFile, setClausesFile] = useState<File>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const ids = Object.fromEntries(CONTROLS.map((control) => [control, `${id}-${control}`])) as Record<
    Control,
    string
  >;
  const fieldsFor = (blocked: boolean) =>
    CONTROLS.map((control) => ({
      id: ids[control],
      paths: (BASIS_PATHS as Partial<Record<Control, readonly string[]>>)[control] ?? [control],
      message:
        control === 'country' && blocked
          ? t('crossBorder.destinationForm.errors.countryBlocked')
          : t(`crossBorder.destinationForm.errors.${control}`),
    }));
  const set =
    <K extends keyof DestinationDraft>(field: K) =>
    (value: DestinationDraft[K]) =>
      setDraft((current) => ({ ...current, [field]: value }));
  const setConsent =
    <K extends keyof ConsentDraft>(field: K) =>
    (value: ConsentDraft[K]) =>
      setDraft((current) => ({ ...current, consent: { ...current.consent, [field]: value } }));
  const zone = draft.country === '' ? undefined : zoneOf(draft.country, countries);
  const inForce = register.destinations.filter((destination) => destination.ended === null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    const done = await run(async () => {
      try {
        const clauses = clausesFile && (await readClauses(clausesFile));
        const registered = await registerDestination(destinationBody(draft, clauses));
        setDraft(emptyDestination());
        setClausesFile(undefined);
        formRef.current?.reset();
        await onRegistered(registered.name);
      } catch (error) {
        setErrors(refusedFields(error, fieldsFor(isBlocked(error))));
        throw error;
      }
    });
    if (!done) await onRefused();
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('crossBorder.destinationForm.title')}</h2>
      <p>{t('crossBorder.destinationForm.intro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <form
        ref={formRef}
        className="form form--wide"
        noValidate
        onSubmit={(event) => void submit(event)}
        aria-busy={busy}
      >
        <SelectField
          id={ids.kind}
          label={t('crossBorder.destination.kind')}
          value={draft.kind}
          options={DESTINATION_KINDS.map((kind) => ({ value: kind, label: t(`crossBorder.kinds.${kind}`) }))}
          onChange={(value) => set('kind')(value as DestinationKind)}
          error={errorOf(errors, ids.kind)}
        />
        <TextField
          id={ids.name}
          label={t('crossBorder.destinationForm.name')}
          hint={t('crossBorder.destinationForm.nameHint')}
          value={draft.name}
          onChange={set('name')}
          error={errorOf(errors, ids.name)}
        />
        <CountryField
          id={ids.country}
          label={t('crossBorder.destination.country')}
          hint={t('crossBorder.destinationForm.countryHint')}
          value={draft.country}
          lists={countries}
          empty={t('common.choose')}
          onChange={set('country')}
          error={errorOf(errors, ids.country)}
        />
        <CheckboxGroup
          id={ids.categories}
          legend={t('crossBorder.destination.categories')}
          hint={t('crossBorder.destinationForm.categoriesHint')}
          options={CATEGORY_CODES.map((code) => ({
            value: code,
            label: `${code} – ${t(`categories.${code}`)}`,
          }))}
          values={draft.categories}
          onChange={(values) => set('categories')(values as CategoryCode[])}
          error={errorOf(errors, ids.categories)}
        />
        {worksForAnother(draft.kind) && (
          <SelectField
            id={ids.viaDestinationId}
            label={t('crossBorder.destination.via')}
            hint={t('crossBorder.destinationForm.viaHint')}
            value={draft.viaDestinationId}
            options={[
              { value: '', label: t('crossBorder.destinationForm.viaNone') },
              ...inForce.map((destination) => ({ value: destination.id, label: destination.name })),
            ]}
            onChange={set('viaDestinationId')}
            error={errorOf(errors, ids.viaDestinationId)}
          />
        )}
        <TextAreaField
          id={ids.operations}
          label={t('crossBorder.destination.operations')}
          hint={t('crossBorder.destinationForm.operationsHint')}
          value={draft.operations}
          onChange={set('operations')}
          error={errorOf(errors, ids.operations)}
        />
        <BasisFields
          draft={draft}
          zone={zone}
          register={register}
          ids={ids}
          errorOf={(control) => errorOf(errors, ids[control])}
          set={set}
          setConsent={setConsent}
          onClauses={setClausesFile}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('crossBorder.destinationForm.submit')}
        </button>
      </form>
    </section>
  );
}
