/**
 * Taking in a request of a person concerned at the desk (L2007 arts 10 §1 al. 2, 12 §2; SPEC
 * RGT-GEN-01, RGT-ACC-02): what is asked, how and when it came in, the date written on it and
 * its signature, the requester (and a legal representative acting for them), their words, the
 * scanned request and the proof of identity. Concerto then finds the person in every case and
 * gives each controller concerned a part of its own; the desk learns only its own part.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IDENTITY_METHODS,
  RIGHTS_CHANNELS,
  RIGHTS_REQUEST_KINDS,
  type RightsPart,
} from '../../../contracts/rights.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { isLanguage, LANGUAGES } from '../../i18n/index.js';
import { DocumentField } from './DocumentField.js';
import { readDocument } from './document-upload.js';
import { emptyIntake, type IntakeDraft, intakeBody } from './intake-draft.js';
import { intakeRightsRequest } from './rights-api.js';

const TEXTS = ['name', 'birthDate', 'nationalNumber', 'address', 'representative'] as const;

export function IntakeForm({ onTakenIn }: { onTakenIn(part: RightsPart): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const deskLanguage = isLanguage(i18n.language) ? i18n.language : 'fr';
  const [draft, setDraft] = useState<IntakeDraft>(() => emptyIntake(new Date(), deskLanguage));
  const [requestFile, setRequestFile] = useState<File>();
  const [proofFile, setProofFile] = useState<File>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  const names = [
    'kind',
    'channel',
    'receivedAt',
    'datedOn',
    'signed',
    'language',
    ...TEXTS,
    'text',
    'document',
    'identityMethod',
    'proof',
  ] as const;
  const ids = Object.fromEntries(names.map((name) => [name, `${id}-${name}`])) as Record<
    (typeof names)[number],
    string
  >;
  const fields = [
    { id: ids.kind, paths: ['kind'], message: t('rights.intake.errors.kind') },
    { id: ids.channel, paths: ['channel'], message: t('rights.intake.errors.channel') },
    { id: ids.receivedAt, paths: ['receivedAt'], message: t('rights.intake.errors.receivedAt') },
    { id: ids.datedOn, paths: ['datedOn'], message: t('rights.intake.errors.datedOn') },
    { id: ids.signed, paths: ['signed'], message: t('rights.intake.errors.signed') },
    { id: ids.language, paths: ['language'], message: t('rights.intake.errors.language') },
    { id: ids.name, paths: ['requester', 'requester.name'], message: t('rights.intake.errors.name') },
    { id: ids.birthDate, paths: ['requester.birthDate'], message: t('rights.intake.errors.birthDate') },
    {
      id: ids.nationalNumber,
      paths: ['requester.nationalNumber'],
      message: t('rights.intake.errors.nationalNumber'),
    },
    { id: ids.address, paths: ['requester.address'], message: t('rights.intake.errors.address') },
    {
      id: ids.representative,
      paths: ['requester.representative'],
      message: t('rights.intake.errors.representative'),
    },
    { id: ids.text, paths: ['text'], message: t('rights.intake.errors.text') },
    { id: ids.document, paths: ['document'], message: t('rights.intake.errors.document') },
    {
      id: ids.identityMethod,
      paths: ['identity', 'identity.method'],
      message: t('rights.intake.errors.identityMethod'),
    },
    { id: ids.proof, paths: ['identity.proof'], message: t('rights.intake.errors.proof') },
  ];
  const set =
    <K extends keyof IntakeDraft>(field: K) =>
    (value: IntakeDraft[K]) =>
      setDraft((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        const body = intakeBody(draft, {
          request: requestFile && (await readDocument(requestFile)),
          proof: proofFile && (await readDocument(proofFile)),
        });
        const receipt = await intakeRightsRequest(body);
        setDraft(emptyIntake(new Date(), deskLanguage));
        setRequestFile(undefined);
        setProofFile(undefined);
        formRef.current?.reset();
        await onTakenIn(receipt.ownPart);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  const signedError = errorOf(errors, ids.signed);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rights.intake.title')}</h2>
      <p>{t('rights.intake.intro')}</p>
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
          label={t('rights.intake.fields.kind')}
          value={draft.kind}
          options={RIGHTS_REQUEST_KINDS.map((kind) => ({ value: kind, label: t(`rights.kinds.${kind}`) }))}
          onChange={(value) => set('kind')(value as IntakeDraft['kind'])}
          error={errorOf(errors, ids.kind)}
        />
        <SelectField
          id={ids.channel}
          label={t('rights.intake.fields.channel')}
          value={draft.channel}
          options={RIGHTS_CHANNELS.map((channel) => ({
            value: channel,
            label: t(`rights.channels.${channel}`),
          }))}
          onChange={(value) => set('channel')(value as IntakeDraft['channel'])}
          error={errorOf(errors, ids.channel)}
        />
        <TextField
          id={ids.receivedAt}
          type="datetime-local"
          label={t('rights.intake.fields.receivedAt')}
          hint={t('rights.intake.hints.receivedAt')}
          value={draft.receivedAt}
          onChange={set('receivedAt')}
          error={errorOf(errors, ids.receivedAt)}
        />
        <TextField
          id={ids.datedOn}
          type="date"
          label={t('rights.intake.fields.datedOn')}
          hint={t('rights.intake.hints.datedOn')}
          value={draft.datedOn}
          onChange={set('datedOn')}
          error={errorOf(errors, ids.datedOn)}
        />
        <div className={signedError ? 'form__field form__field--error' : 'form__field'}>
          {signedError && (
            <p id={`${ids.signed}-error`} className="form__error">
              {signedError}
            </p>
          )}
          <label className="form__checkbox">
            <input
              id={ids.signed}
              type="checkbox"
              checked={draft.signed}
              aria-invalid={signedError ? true : undefined}
              aria-describedby={signedError ? `${ids.signed}-error` : undefined}
              onChange={(event) => set('signed')(event.target.checked)}
            />
            {t('rights.intake.fields.signed')}
          </label>
        </div>
        <SelectField
          id={ids.language}
          label={t('rights.intake.fields.language')}
          hint={t('rights.intake.hints.language')}
          value={draft.language}
          options={LANGUAGES.map((language) => ({
            value: language,
            label: t(`rights.languages.${language}`),
          }))}
          onChange={(value) => set('language')(value as IntakeDraft['language'])}
          error={errorOf(errors, ids.language)}
        />
        <fieldset className="form__choice">
          <legend>{t('rights.intake.requester')}</legend>
          {TEXTS.map((field) => (
            <TextField
              key={field}
              id={ids[field]}
              label={t(`rights.intake.fields.${field}`)}
              {...(field === 'birthDate' ? { type: 'date' as const } : {})}
              {...(field === 'nationalNumber' || field === 'representative'
                ? { hint: t(`rights.intake.hints.${field}`) }
                : {})}
              value={draft[field]}
              onChange={set(field)}
              error={errorOf(errors, ids[field])}
            />
          ))}
        </fieldset>
        <TextAreaField
          id={ids.text}
          label={t('rights.intake.fields.text')}
          hint={t('rights.intake.hints.text')}
          value={draft.text}
          onChange={set('text')}
          error={errorOf(errors, ids.text)}
        />
        <DocumentField
          id={ids.document}
          label={t('rights.intake.fields.document')}
          hint={t('rights.intake.hints.document')}
          onChange={setRequestFile}
          error={errorOf(errors, ids.document)}
        />
        <SelectField
          id={ids.identityMethod}
          label={t('rights.intake.fields.identityMethod')}
          value={draft.identityMethod}
          options={IDENTITY_METHODS.map((method) => ({
            value: method,
            label: t(`rights.identityMethods.${method}`),
          }))}
          onChange={(value) => set('identityMethod')(value as IntakeDraft['identityMethod'])}
          error={errorOf(errors, ids.identityMethod)}
        />
        <DocumentField
          id={ids.proof}
          label={t('rights.intake.fields.proof')}
          hint={t('rights.intake.hints.proof')}
          onChange={setProofFile}
          error={errorOf(errors, ids.proof)}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('rights.intake.submit')}
        </button>
      </form>
    </section>
  );
}
