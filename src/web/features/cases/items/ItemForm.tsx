/**
 * Adding information (issue 4 scope 4; bill art. 2 §2): exactly one of the sixteen categories
 * the framework allows, the persons it is about, its content, and what its category asks for.
 * Classified information never enters the shared file (bill Comm. art. 2; SPEC DAT-20): the only
 * acceptable level is "non classified", and the form says so before the content is typed.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLASSIFICATIONS,
  JUDICIAL_DATA_TAGS,
  JUDICIAL_SUBTYPES,
  SENSITIVE_REVELATIONS,
} from '../../../../contracts/items.js';
import type { CategoryCode } from '../../../../contracts/legal-codes.js';
import type { ConsultationSummary } from '../../../../contracts/consultations.js';
import { errorOf, type FieldError, type FormField, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { SelectField } from '../../../app/SelectField.js';
import { TextAreaField } from '../../../app/TextAreaField.js';
import { TextField } from '../../../app/TextField.js';
import { useAction } from '../../../app/use-action.js';
import { formatDateTime } from '../../../i18n/format.js';
import { fetchConsultations } from '../../consultations/consultations-api.js';
import { addItem } from '../cases-api.js';
import { useCaseView } from '../case-view.js';
import { personName } from '../persons/person-name.js';
import { CheckboxGroup } from '../../../app/CheckboxGroup.js';
import { CriminalRelatedField } from './CriminalRelatedField.js';
import {
  asksLawCitation,
  criminalRelatedOf,
  EMPTY_ITEM,
  exceptionGrounds,
  type ItemDraft,
  itemBody,
  needsException,
  needsRelevance,
  offersCriminalRelated,
  offersRevelations,
} from './item-draft.js';

export function ItemForm() {
  const { t, i18n } = useTranslation();
  const { kase, changed } = useCaseView();
  const id = useId();
  const [draft, setDraft] = useState<ItemDraft>(EMPTY_ITEM);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [consultations, setConsultations] = useState<ConsultationSummary[]>();
  const { busy, failure, run } = useAction();
  const set =
    <K extends keyof ItemDraft>(key: K) =>
    (value: ItemDraft[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const fieldId = (name: string) => `${id}-${name}`;

  const collected = draft.provenance === 'collected_following_consultation';
  useEffect(() => {
    if (!collected || consultations) return;
    const controller = new AbortController();
    fetchConsultations(controller.signal).then(
      // SCO-05: a consultation that discussed this case, once it has been held.
      (list) => setConsultations(list.filter((c) => c.caseIds.includes(kase.id) && c.state !== 'scheduled')),
      () => setConsultations([]),
    );
    return () => controller.abort();
  }, [collected, consultations, kase.id]);

  const category = draft.category;
  const exception = needsException(draft);
  const criminalRelated = criminalRelatedOf(draft);
  const grounds = exceptionGrounds(category, draft.geneticOrBiometric, criminalRelated);
  const message = (key: string) => t(`itemForm.errors.${key as 'category'}`);
  const fields: FormField[] = [
    { id: fieldId('category'), paths: ['category'], message: message('category') },
    { id: fieldId('persons'), paths: ['personIds'], message: message('persons') },
    { id: fieldId('classification'), paths: ['classification'], message: message('classification') },
    { id: fieldId('content'), paths: ['content'], message: message('content') },
    { id: fieldId('relevance'), paths: ['relevance'], message: message('relevance') },
    {
      id: fieldId('judicialSubtype'),
      paths: ['details.judicialSubtype'],
      message: message('judicialSubtype'),
    },
    {
      id: fieldId('sourceReference'),
      paths: ['details.sourceReference'],
      message: message('sourceReference'),
    },
    {
      id: fieldId('judicialDataTags'),
      paths: ['details.judicialDataTags'],
      message: message('judicialDataTags'),
    },
    {
      id: fieldId('health'),
      paths: ['details.healthProfessional', 'details.healthException'],
      message: message('health'),
    },
    { id: fieldId('healthSource'), paths: ['details.healthSource'], message: message('healthSource') },
    {
      id: fieldId('healthSourceJustification'),
      paths: ['details.healthSourceJustification'],
      message: message('healthSourceJustification'),
    },
    { id: fieldId('criminalRelated'), paths: ['criminalRelated'], message: message('criminalRelated') },
    { id: fieldId('revealsSensitive'), paths: ['revealsSensitive'], message: message('revealsSensitive') },
    { id: fieldId('specialGround'), paths: ['special.ground', 'special'], message: message('specialGround') },
    {
      id: fieldId('specialJustification'),
      paths: ['special.justification'],
      message: message('specialJustification'),
    },
    { id: fieldId('lawCitation'), paths: ['special.lawCitation'], message: message('lawCitation') },
    {
      id: fieldId('consentReference'),
      paths: ['special.consentReference'],
      message: message('consentReference'),
    },
    {
      id: fieldId('consentCollectedBy'),
      paths: ['special.consentCollectedBy'],
      message: message('consentCollectedBy'),
    },
    { id: fieldId('consentContext'), paths: ['special.consentContext'], message: message('consentContext') },
    { id: fieldId('secretReference'), paths: ['secretOfInvestigation'], message: message('secretReference') },
    { id: fieldId('judicialReference'), paths: ['judicial'], message: message('judicialReference') },
    collected
      ? { id: fieldId('consultation'), paths: ['provenance'], message: message('consultation') }
      : {
          id: fieldId('provenanceReference'),
          paths: ['provenance'],
          message: message('provenanceReference'),
        },
    { id: fieldId('missionConfirmed'), paths: ['missionConfirmed'], message: message('missionConfirmed') },
  ];

  /** What is plainly missing is said at once, before asking the server. */
  function missing(): FieldError[] {
    const empty = new Set<string>();
    if (draft.category === '') empty.add(fieldId('category'));
    if (draft.personIds.length === 0) empty.add(fieldId('persons'));
    if (draft.content.trim() === '') empty.add(fieldId('content'));
    if (!collected && draft.provenanceReference.trim() === '') empty.add(fieldId('provenanceReference'));
    if (collected && draft.consultationId === '') empty.add(fieldId('consultation'));
    if (!draft.missionConfirmed) empty.add(fieldId('missionConfirmed'));
    return fields
      .filter((field) => empty.has(field.id))
      .map(({ id: fid, message: text }) => ({ id: fid, message: text }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = missing();
    setErrors(local);
    if (local.length > 0) return;
    await run(async () => {
      try {
        await addItem(kase.id, itemBody(draft));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      const label = t(`categories.${draft.category as CategoryCode}`);
      setDraft(EMPTY_ITEM);
      await changed(t('itemForm.added', { category: label }));
    });
  }

  const error = (name: string) => errorOf(errors, fieldId(name));
  const categories = kase.framework.allowedCategories as CategoryCode[];
  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('itemForm.title')}</h3>
      <ProblemAlert failure={failure} fields={errors} />
      {kase.persons.length === 0 ? (
        <p className="notice">{t('itemForm.noPerson')}</p>
      ) : (
        <form
          className="form form--wide"
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-busy={busy}
        >
          <SelectField
            id={fieldId('category')}
            label={t('itemForm.category')}
            hint={t('itemForm.categoryHint')}
            value={draft.category}
            options={[
              { value: '', label: t('common.choose') },
              ...categories.map((code) => ({ value: code, label: `${code} – ${t(`categories.${code}`)}` })),
            ]}
            onChange={(value) => set('category')(value as CategoryCode | '')}
            error={error('category')}
          />
          <CheckboxGroup
            id={fieldId('persons')}
            legend={t('itemForm.persons')}
            error={error('persons')}
            options={kase.persons.map((person) => ({
              value: person.id,
              label: `${personName(person)} (${t(`personRoles.${person.role}`)})`,
            }))}
            values={draft.personIds}
            onChange={set('personIds')}
          />
          <p className="banner banner--warning" id={fieldId('classified-reminder')}>
            {t('itemForm.classifiedReminder')}
          </p>
          <SelectField
            id={fieldId('classification')}
            label={t('itemForm.classification')}
            hint={t('itemForm.classificationHint')}
            value={draft.classification}
            options={CLASSIFICATIONS.map((level) => ({ value: level, label: t(`classifications.${level}`) }))}
            onChange={(value) => set('classification')(value as ItemDraft['classification'])}
            error={error('classification')}
          />
          <TextAreaField
            id={fieldId('content')}
            label={t('itemForm.content')}
            hint={t('itemForm.contentHint')}
            rows={6}
            value={draft.content}
            onChange={set('content')}
            error={error('content')}
          />
          {needsRelevance(category) && (
            <TextAreaField
              id={fieldId('relevance')}
              label={t('itemForm.relevance')}
              hint={t('itemForm.relevanceHint')}
              value={draft.relevance}
              onChange={set('relevance')}
              error={error('relevance')}
            />
          )}
          {category === 'C09' && (
            <>
              <SelectField
                id={fieldId('judicialSubtype')}
                label={t('itemForm.judicialSubtype')}
                value={draft.judicialSubtype}
                options={[
                  { value: '', label: t('common.choose') },
                  ...JUDICIAL_SUBTYPES.map((subtype) => ({
                    value: subtype,
                    label: t(`judicialSubtypes.${subtype}`),
                  })),
                ]}
                onChange={(value) => set('judicialSubtype')(value as ItemDraft['judicialSubtype'])}
                error={error('judicialSubtype')}
              />
              <TextField
                id={fieldId('sourceReference')}
                label={t('itemForm.sourceReference')}
                hint={t('itemForm.sourceReferenceHint')}
                value={draft.sourceReference}
                onChange={set('sourceReference')}
                error={error('sourceReference')}
              />
              <CheckboxGroup
                id={fieldId('judicialDataTags')}
                legend={t('itemForm.judicialDataTags')}
                hint={t('itemForm.judicialDataTagsHint')}
                error={error('judicialDataTags')}
                options={JUDICIAL_DATA_TAGS.map((tag, index) => ({
                  value: tag,
                  label: `${index + 1}° ${t(`judicialDataTags.${tag}`)}`,
                }))}
                values={draft.judicialDataTags}
                onChange={(values) => set('judicialDataTags')(values as ItemDraft['judicialDataTags'])}
              />
            </>
          )}
          {category === 'C10' && (
            <fieldset className="form__choice">
              <legend id={fieldId('health')} tabIndex={-1}>
                {t('itemForm.health.legend')}
              </legend>
              {error('health') && <p className="form__error">{error('health')}</p>}
              {(['professional', 'exception'] as const).map((mode) => (
                <label key={mode} className="form__radio">
                  <input
                    type="radio"
                    name={fieldId('healthMode')}
                    checked={draft.healthMode === mode}
                    onChange={() => set('healthMode')(mode)}
                  />
                  {t(`itemForm.health.modes.${mode}`)}
                </label>
              ))}
              {draft.healthMode === 'professional' ? (
                <>
                  <TextField
                    id={fieldId('healthProfessionalName')}
                    label={t('itemForm.health.professionalName')}
                    value={draft.healthProfessionalName}
                    onChange={set('healthProfessionalName')}
                  />
                  <TextField
                    id={fieldId('healthProfessionalRegistration')}
                    label={t('itemForm.health.professionalRegistration')}
                    value={draft.healthProfessionalRegistration}
                    onChange={set('healthProfessionalRegistration')}
                  />
                </>
              ) : (
                <SelectField
                  id={fieldId('healthException')}
                  label={t('itemForm.health.exception')}
                  value={draft.healthException}
                  options={[
                    { value: '', label: t('common.choose') },
                    ...(['written_consent', 'concrete_danger'] as const).map((value) => ({
                      value,
                      label: t(`healthExceptions.${value}`),
                    })),
                  ]}
                  onChange={(value) => set('healthException')(value as ItemDraft['healthException'])}
                />
              )}
              <SelectField
                id={fieldId('healthSource')}
                label={t('itemForm.health.source')}
                value={draft.healthSource}
                options={[
                  { value: '', label: t('common.choose') },
                  ...(['data_subject', 'other'] as const).map((value) => ({
                    value,
                    label: t(`healthSources.${value}`),
                  })),
                ]}
                onChange={(value) => set('healthSource')(value as ItemDraft['healthSource'])}
                error={error('healthSource')}
              />
              {draft.healthSource === 'other' && (
                <SelectField
                  id={fieldId('healthSourceJustification')}
                  label={t('itemForm.health.sourceJustification')}
                  value={draft.healthSourceJustification}
                  options={[
                    { value: '', label: t('common.choose') },
                    ...(['necessary', 'subject_unable'] as const).map((value) => ({
                      value,
                      label: t(`healthSourceJustifications.${value}`),
                    })),
                  ]}
                  onChange={(value) =>
                    set('healthSourceJustification')(value as ItemDraft['healthSourceJustification'])
                  }
                  error={error('healthSourceJustification')}
                />
              )}
            </fieldset>
          )}
          {offersCriminalRelated(category) && (
            <CriminalRelatedField
              id={fieldId('criminalRelated')}
              checked={draft.criminalRelated}
              error={error('criminalRelated')}
              onChange={set('criminalRelated')}
            />
          )}
          <label className="form__checkbox">
            <input
              type="checkbox"
              checked={draft.geneticOrBiometric}
              onChange={(event) => set('geneticOrBiometric')(event.target.checked)}
            />
            {t('itemForm.geneticOrBiometric')}
          </label>
          {offersRevelations(draft) && (
            <CheckboxGroup
              id={fieldId('revealsSensitive')}
              legend={t('itemForm.revealsSensitive')}
              hint={t('itemForm.revealsSensitiveHint')}
              error={error('revealsSensitive')}
              options={SENSITIVE_REVELATIONS.map((code) => ({ value: code, label: t(`sensitiveRevelations.${code}`) }))}
              values={draft.revealsSensitive}
              onChange={(values) => set('revealsSensitive')(values as ItemDraft['revealsSensitive'])}
            />
          )}
          {exception && (
            <fieldset className="form__choice">
              <legend>{t('itemForm.special.legend')}</legend>
              <p className="form__hint">{t('itemForm.special.intro')}</p>
              <SelectField
                id={fieldId('specialGround')}
                label={t('itemForm.special.ground')}
                hint={t(`itemForm.special.groundHint.art${grounds.article}`)}
                value={draft.specialGround}
                options={[
                  { value: '', label: t('common.choose') },
                  ...grounds.letters.map((letter) => ({ value: letter, label: `${letter})` })),
                ]}
                onChange={set('specialGround')}
                error={error('specialGround')}
              />
              <TextAreaField
                id={fieldId('specialJustification')}
                label={t('itemForm.special.justification')}
                value={draft.specialJustification}
                onChange={set('specialJustification')}
                error={error('specialJustification')}
              />
              {asksLawCitation(draft) && (
                <TextField
                  id={fieldId('lawCitation')}
                  label={t('itemForm.special.lawCitation')}
                  hint={t(category === 'C09' ? 'itemForm.special.lawCitationHint' : 'itemForm.special.lawCitationHintCriminal')}
                  value={draft.lawCitation}
                  onChange={set('lawCitation')}
                  error={error('lawCitation')}
                />
              )}
              {draft.specialGround === 'a' && grounds.article !== '8' && (
                <>
                  <TextField
                    id={fieldId('consentReference')}
                    label={t('itemForm.special.consentReference')}
                    value={draft.consentReference}
                    onChange={set('consentReference')}
                    error={error('consentReference')}
                  />
                  {/* L1992 art. 39 6° (SPEC PEN-07): the record shows the consent was given freely. */}
                  <TextField
                    id={fieldId('consentCollectedBy')}
                    label={t('itemForm.special.consentCollectedBy')}
                    value={draft.consentCollectedBy}
                    onChange={set('consentCollectedBy')}
                    error={error('consentCollectedBy')}
                  />
                  <TextAreaField
                    id={fieldId('consentContext')}
                    label={t('itemForm.special.consentContext')}
                    value={draft.consentContext}
                    onChange={set('consentContext')}
                    error={error('consentContext')}
                  />
                </>
              )}
            </fieldset>
          )}
          <label className="form__checkbox">
            <input
              type="checkbox"
              checked={draft.secret}
              onChange={(event) => set('secret')(event.target.checked)}
            />
            {t('itemForm.secret')}
          </label>
          {draft.secret && (
            <TextField
              id={fieldId('secretReference')}
              label={t('itemForm.secretReference')}
              value={draft.secretReference}
              onChange={set('secretReference')}
              error={error('secretReference')}
            />
          )}
          <label className="form__checkbox">
            <input
              type="checkbox"
              checked={draft.judicial}
              onChange={(event) => set('judicial')(event.target.checked)}
            />
            {t('itemForm.judicial')}
          </label>
          {draft.judicial && (
            <TextField
              id={fieldId('judicialReference')}
              label={t('itemForm.judicialReference')}
              value={draft.judicialReference}
              onChange={set('judicialReference')}
              error={error('judicialReference')}
            />
          )}
          <fieldset className="form__choice">
            <legend>{t('itemForm.provenance.legend')}</legend>
            {(['already_held', 'collected_following_consultation'] as const).map((kind) => (
              <label key={kind} className="form__radio">
                <input
                  type="radio"
                  name={fieldId('provenance')}
                  checked={draft.provenance === kind}
                  onChange={() => set('provenance')(kind)}
                />
                {t(`provenances.${kind}`)}
              </label>
            ))}
            {collected ? (
              <SelectField
                id={fieldId('consultation')}
                label={t('itemForm.provenance.consultation')}
                value={draft.consultationId}
                options={[
                  { value: '', label: t('common.choose') },
                  ...(consultations ?? []).map((consultation) => ({
                    value: consultation.id,
                    label: formatDateTime(consultation.scheduledFor, i18n.language),
                  })),
                ]}
                onChange={set('consultationId')}
                error={error('consultation')}
              />
            ) : (
              <TextField
                id={fieldId('provenanceReference')}
                label={t('itemForm.provenance.reference')}
                hint={t('itemForm.provenance.referenceHint')}
                value={draft.provenanceReference}
                onChange={set('provenanceReference')}
                error={error('provenanceReference')}
              />
            )}
          </fieldset>
          <div className={error('missionConfirmed') ? 'form__field form__field--error' : 'form__field'}>
            {error('missionConfirmed') && (
              <p id={`${fieldId('missionConfirmed')}-error`} className="form__error">
                {error('missionConfirmed')}
              </p>
            )}
            <label className="form__checkbox">
              <input
                id={fieldId('missionConfirmed')}
                type="checkbox"
                checked={draft.missionConfirmed}
                aria-invalid={error('missionConfirmed') ? true : undefined}
                aria-describedby={
                  error('missionConfirmed') ? `${fieldId('missionConfirmed')}-error` : undefined
                }
                onChange={(event) => set('missionConfirmed')(event.target.checked)}
              />
              {t('itemForm.missionConfirmed')}
            </label>
          </div>
          <button type="submit" className="button" aria-disabled={busy}>
            {t('itemForm.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
