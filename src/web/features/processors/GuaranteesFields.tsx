/**
 * The guarantees a processor offers (L2007 art. 16 §1 1°; SPEC PRC-01): certifications and audit
 * reports, each with who issued it, when, and until when a certificate holds. A list the user adds
 * to and removes from; each field's refusal is named next to it.
 */
import { useTranslation } from 'react-i18next';
import { GUARANTEE_KINDS } from '../../../contracts/processors.js';
import { SelectField } from '../../app/SelectField.js';
import { TextField } from '../../app/TextField.js';
import { emptyGuarantee, type GuaranteeDraft } from './processor-draft.js';

export const GUARANTEE_FIELDS = ['kind', 'title', 'issuer', 'reference', 'issuedOn', 'validUntil'] as const;
export type GuaranteeField = (typeof GUARANTEE_FIELDS)[number];

/** The id of a guarantee's control, for the error summary's links. */
export const guaranteeControlId = (formId: string, index: number, field: GuaranteeField): string =>
  `${formId}-guarantees-${index}-${field}`;

export function GuaranteesFields({
  formId,
  guarantees,
  onChange,
  errorOf,
}: {
  formId: string;
  guarantees: GuaranteeDraft[];
  onChange(guarantees: GuaranteeDraft[]): void;
  errorOf(id: string): string | undefined;
}) {
  const { t } = useTranslation();
  const set = (index: number, field: GuaranteeField, value: string) =>
    onChange(guarantees.map((guarantee, i) => (i === index ? { ...guarantee, [field]: value } : guarantee)));
  return (
    <fieldset className="form__choice">
      <legend id={`${formId}-guarantees`} tabIndex={-1}>
        {t('processors.form.guarantees')}
      </legend>
      <p className="form__hint">{t('processors.form.guaranteesHint')}</p>
      {guarantees.map((guarantee, index) => {
        const id = (field: GuaranteeField) => guaranteeControlId(formId, index, field);
        const number = index + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity before they are saved
          <fieldset key={index} className="subpanel">
            <legend>{t('processors.form.guarantee', { number })}</legend>
            <SelectField
              id={id('kind')}
              label={t('processors.guarantee.kind')}
              value={guarantee.kind}
              options={GUARANTEE_KINDS.map((kind) => ({
                value: kind,
                label: t(`processors.guaranteeKinds.${kind}`),
              }))}
              onChange={(value) => set(index, 'kind', value)}
              error={errorOf(id('kind'))}
            />
            <TextField
              id={id('title')}
              label={t('processors.guarantee.title')}
              hint={t('processors.form.guaranteeTitleHint')}
              value={guarantee.title}
              onChange={(value) => set(index, 'title', value)}
              error={errorOf(id('title'))}
            />
            <TextField
              id={id('issuer')}
              label={t('processors.guarantee.issuer')}
              value={guarantee.issuer}
              onChange={(value) => set(index, 'issuer', value)}
              error={errorOf(id('issuer'))}
            />
            <TextField
              id={id('reference')}
              label={t('processors.guarantee.referenceOptional')}
              value={guarantee.reference}
              onChange={(value) => set(index, 'reference', value)}
              error={errorOf(id('reference'))}
            />
            <TextField
              id={id('issuedOn')}
              type="date"
              label={t('processors.guarantee.issuedOn')}
              value={guarantee.issuedOn}
              onChange={(value) => set(index, 'issuedOn', value)}
              error={errorOf(id('issuedOn'))}
            />
            <TextField
              id={id('validUntil')}
              type="date"
              label={t('processors.guarantee.validUntilOptional')}
              value={guarantee.validUntil}
              onChange={(value) => set(index, 'validUntil', value)}
              error={errorOf(id('validUntil'))}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onChange(guarantees.filter((_, i) => i !== index))}
            >
              {t('processors.form.removeGuarantee', { number })}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...guarantees, emptyGuarantee()])}
      >
        {t('processors.form.addGuarantee')}
      </button>
    </fieldset>
  );
}
