/**
 * What a destination rests on (L2007 arts 21-22; SPEC TRF-02, TRF-04..10): nothing more in Belgium
 * or another member state of the Community; outside it, an adequacy assessment concluding to an
 * adequate level of protection there, or one of the derogations of art. 22 with what it requires.
 * D6 is shown greyed out with the reason: the shared file is not a public register (SPEC TRF-09).
 */
import { useTranslation } from 'react-i18next';
import type {
  AdequacyAssessment,
  DerogationCode,
  TransferRegister,
} from '../../../contracts/cross-border.js';
import { describedBy, FieldHelp } from '../../app/FieldHelp.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { formatDate } from '../../i18n/format.js';
import { type CountryZone, countryLabel } from './countries.js';
import {
  type BasisKind,
  type ConsentDraft,
  DEROGATION_FIELDS,
  type DestinationDraft,
} from './destination-draft.js';
import { RadioGroup } from './RadioGroup.js';

/** The controls of the basis, by the name the form's error list uses. */
export const BASIS_CONTROLS = [
  'basis',
  'adequacyAssessmentId',
  'derogation',
  'consentReference',
  'consentCollectedBy',
  'consentContext',
  'consentGivenOn',
  'consentUnambiguous',
  'contractReference',
  'legalReference',
  'justification',
  'royalDecreeReference',
  'clauses',
] as const;
export type BasisControl = (typeof BASIS_CONTROLS)[number];

/** The body paths each control answers for (as `refusedFields` reads them). */
export const BASIS_PATHS: Record<BasisControl, readonly string[]> = {
  basis: ['basis', 'basis.kind'],
  adequacyAssessmentId: ['basis.adequacyAssessmentId'],
  derogation: ['basis.derogation'],
  consentReference: ['basis.consent', 'basis.consent.reference'],
  consentCollectedBy: ['basis.consent.collectedBy'],
  consentContext: ['basis.consent.context'],
  consentGivenOn: ['basis.consent.givenOn'],
  consentUnambiguous: ['basis.consent.unambiguous'],
  contractReference: ['basis.contractReference'],
  legalReference: ['basis.legalReference'],
  justification: ['basis.justification'],
  royalDecreeReference: ['basis.royalDecreeReference'],
  clauses: ['basis.clauses'],
};

const usable = (assessment: AdequacyAssessment, country: string): boolean =>
  assessment.withdrawn === null &&
  assessment.conclusion === 'adequate' &&
  assessment.finalDestinationCountry === country;

export function BasisFields({
  draft,
  zone,
  register,
  ids,
  errorOf,
  set,
  setConsent,
  onClauses,
}: {
  draft: DestinationDraft;
  /** The zone of the country chosen, if one is. */
  zone: CountryZone | undefined;
  register: TransferRegister;
  ids: Record<BasisControl, string>;
  errorOf(control: BasisControl): string | undefined;
  set<K extends keyof DestinationDraft>(field: K): (value: DestinationDraft[K]) => void;
  setConsent<K extends keyof ConsentDraft>(field: K): (value: ConsentDraft[K]) => void;
  onClauses(file: File | undefined): void;
}) {
  const { t, i18n } = useTranslation();
  const assessments = register.adequacyAssessments.filter((a) => usable(a, draft.country));
  const wanted = draft.derogation === '' ? [] : DEROGATION_FIELDS[draft.derogation];
  const text = (control: 'contractReference' | 'legalReference' | 'royalDecreeReference') => (
    <TextField
      id={ids[control]}
      label={t(`crossBorder.basis.${control}`)}
      hint={t(`crossBorder.basis.hints.${control}`)}
      value={draft[control]}
      onChange={set(control)}
      error={errorOf(control)}
    />
  );
  const unambiguousError = errorOf('consentUnambiguous');

  return (
    <>
      <RadioGroup
        id={ids.basis}
        legend={t('crossBorder.basis.legend')}
        hint={t(`crossBorder.basis.zoneHints.${zone ?? 'unknown'}`)}
        error={errorOf('basis')}
        value={draft.basis}
        options={(['none', 'adequacy', 'derogation'] as const).map((kind) => ({
          value: kind,
          label: t(`crossBorder.basis.kinds.${kind}`),
        }))}
        onChange={(value) => set('basis')(value as BasisKind)}
      />
      {draft.basis === 'adequacy' && (
        <SelectField
          id={ids.adequacyAssessmentId}
          label={t('crossBorder.basis.assessment')}
          hint={t(
            assessments.length === 0
              ? 'crossBorder.basis.hints.noAssessment'
              : 'crossBorder.basis.hints.assessment',
          )}
          value={draft.adequacyAssessmentId}
          options={[
            { value: '', label: t('common.choose') },
            ...assessments.map((assessment) => ({
              value: assessment.id,
              label: `${countryLabel(assessment.finalDestinationCountry, i18n.language)} – ${assessment.reviewer}, ${formatDate(assessment.reviewedOn, i18n.language)}`,
            })),
          ]}
          onChange={set('adequacyAssessmentId')}
          error={errorOf('adequacyAssessmentId')}
        />
      )}
      {draft.basis === 'derogation' && (
        <>
          <RadioGroup
            id={ids.derogation}
            legend={t('crossBorder.basis.derogation')}
            error={errorOf('derogation')}
            value={draft.derogation}
            options={register.derogations.map((option) => ({
              value: option.code,
              label: t(`crossBorder.derogations.${option.code}.label`),
              ...(!option.available && {
                disabled: true,
                // The server's reason is English; the page says it in the user's language (SPEC TRF-09).
                description:
                  option.code === 'D6'
                    ? t('crossBorder.derogations.D6.unavailable')
                    : (option.unavailableReason ?? ''),
              }),
            }))}
            onChange={(value) => set('derogation')(value as DerogationCode)}
          />
          {wanted.includes('consent') && (
            <fieldset className="form__choice">
              <legend>{t('crossBorder.basis.consent.title')}</legend>
              <p className="form__hint">{t('crossBorder.basis.consent.intro')}</p>
              <TextField
                id={ids.consentReference}
                label={t('crossBorder.basis.consent.reference')}
                hint={t('crossBorder.basis.consent.referenceHint')}
                value={draft.consent.reference}
                onChange={setConsent('reference')}
                error={errorOf('consentReference')}
              />
              <TextField
                id={ids.consentCollectedBy}
                label={t('crossBorder.basis.consent.collectedBy')}
                value={draft.consent.collectedBy}
                onChange={setConsent('collectedBy')}
                error={errorOf('consentCollectedBy')}
              />
              <TextAreaField
                id={ids.consentContext}
                label={t('crossBorder.basis.consent.context')}
                hint={t('crossBorder.basis.consent.contextHint')}
                value={draft.consent.context}
                onChange={setConsent('context')}
                error={errorOf('consentContext')}
              />
              <TextField
                id={ids.consentGivenOn}
                type="date"
                label={t('crossBorder.basis.consent.givenOn')}
                value={draft.consent.givenOn}
                onChange={setConsent('givenOn')}
                error={errorOf('consentGivenOn')}
              />
              <div className={unambiguousError ? 'form__field form__field--error' : 'form__field'}>
                <FieldHelp id={ids.consentUnambiguous} error={unambiguousError} />
                <label className="form__checkbox">
                  <input
                    id={ids.consentUnambiguous}
                    type="checkbox"
                    checked={draft.consent.unambiguous}
                    aria-invalid={unambiguousError ? true : undefined}
                    aria-describedby={describedBy(ids.consentUnambiguous, undefined, unambiguousError)}
                    onChange={(event) => setConsent('unambiguous')(event.target.checked)}
                  />
                  {t('crossBorder.basis.consent.unambiguous')}
                </label>
              </div>
            </fieldset>
          )}
          {wanted.includes('contractReference') && text('contractReference')}
          {wanted.includes('legalReference') && text('legalReference')}
          {wanted.includes('justification') && (
            <TextAreaField
              id={ids.justification}
              label={t(
                draft.derogation === 'D4'
                  ? 'crossBorder.basis.justificationOptional'
                  : 'crossBorder.basis.justification',
              )}
              hint={t('crossBorder.basis.hints.justification')}
              value={draft.justification}
              onChange={set('justification')}
              error={errorOf('justification')}
            />
          )}
          {wanted.includes('royalDecreeReference') && text('royalDecreeReference')}
          {wanted.includes('clauses') && (
            <div className={errorOf('clauses') ? 'form__field form__field--error' : 'form__field'}>
              <label htmlFor={ids.clauses}>{t('crossBorder.basis.clauses')}</label>
              <FieldHelp
                id={ids.clauses}
                hint={t('crossBorder.basis.hints.clauses')}
                error={errorOf('clauses')}
              />
              <input
                id={ids.clauses}
                type="file"
                accept="application/pdf"
                onChange={(event) => onClauses(event.target.files?.[0])}
                aria-invalid={errorOf('clauses') ? true : undefined}
                aria-describedby={describedBy(
                  ids.clauses,
                  t('crossBorder.basis.hints.clauses'),
                  errorOf('clauses'),
                )}
              />
            </div>
          )}
        </>
      )}
    </>
  );
}
