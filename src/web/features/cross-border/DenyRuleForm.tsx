/**
 * Recording a royal decree's prohibition (L2007 art. 21 §2; SPEC TRF-03): the decree, the country
 * outside the Community it reaches (or all of them), the categories and kinds of destination (none
 * chosen: all), and the circumstances the decree describes. It binds every controller at once and
 * overrides every adequacy assessment and derogation.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AddDenyRule,
  type CountryLists,
  DESTINATION_KINDS,
  type DestinationKind,
} from '../../../contracts/cross-border.js';
import { CATEGORY_CODES, type CategoryCode } from '../../../contracts/legal-codes.js';
import { CheckboxGroup } from '../../app/CheckboxGroup.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { CountryField } from './CountryField.js';
import { addDenyRule } from './cross-border-api.js';

const FIELDS = ['royalDecreeReference', 'country', 'categories', 'kinds', 'circumstance'] as const;
/** A royal decree of art. 21 §2 forbids transfers outside the Community only. */
const OUTSIDE = ['third_country'] as const;

export function DenyRuleForm({
  countries,
  onAdded,
}: {
  countries: CountryLists;
  onAdded(reference: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reference, setReference] = useState('');
  const [country, setCountry] = useState('');
  const [categories, setCategories] = useState<CategoryCode[]>([]);
  const [kinds, setKinds] = useState<DestinationKind[]>([]);
  const [circumstance, setCircumstance] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fieldId = (field: (typeof FIELDS)[number]) => `${id}-${field}`;
  const fields = FIELDS.map((field) => ({
    id: fieldId(field),
    paths: [field],
    message: t(`crossBorder.denyRuleForm.errors.${field}`),
  }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        const body: AddDenyRule = {
          royalDecreeReference: reference.trim(),
          country: country === '' ? null : country,
          categories: [...categories].sort(),
          kinds,
          circumstance: circumstance.trim(),
        };
        const rule = await addDenyRule(body);
        setReference('');
        setCountry('');
        setCategories([]);
        setKinds([]);
        setCircumstance('');
        await onAdded(rule.royalDecreeReference);
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('crossBorder.denyRuleForm.title')}</h2>
      <p>{t('crossBorder.denyRuleForm.intro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id={fieldId('royalDecreeReference')}
          label={t('crossBorder.denyRule.royalDecreeReference')}
          hint={t('crossBorder.denyRuleForm.hints.royalDecreeReference')}
          value={reference}
          onChange={setReference}
          error={errorOf(errors, fieldId('royalDecreeReference'))}
        />
        <CountryField
          id={fieldId('country')}
          label={t('crossBorder.denyRule.country')}
          hint={t('crossBorder.denyRuleForm.hints.country')}
          value={country}
          lists={countries}
          zones={OUTSIDE}
          empty={t('crossBorder.denyRule.everyCountry')}
          onChange={setCountry}
          error={errorOf(errors, fieldId('country'))}
        />
        <CheckboxGroup
          id={fieldId('categories')}
          legend={t('crossBorder.denyRule.categories')}
          hint={t('crossBorder.denyRuleForm.hints.categories')}
          options={CATEGORY_CODES.map((code) => ({
            value: code,
            label: `${code} – ${t(`categories.${code}`)}`,
          }))}
          values={categories}
          onChange={(values) => setCategories(values as CategoryCode[])}
          error={errorOf(errors, fieldId('categories'))}
        />
        <CheckboxGroup
          id={fieldId('kinds')}
          legend={t('crossBorder.denyRule.kinds')}
          hint={t('crossBorder.denyRuleForm.hints.kinds')}
          options={DESTINATION_KINDS.map((kind) => ({ value: kind, label: t(`crossBorder.kinds.${kind}`) }))}
          values={kinds}
          onChange={(values) => setKinds(values as DestinationKind[])}
          error={errorOf(errors, fieldId('kinds'))}
        />
        <TextAreaField
          id={fieldId('circumstance')}
          label={t('crossBorder.denyRule.circumstance')}
          hint={t('crossBorder.denyRuleForm.hints.circumstance')}
          value={circumstance}
          onChange={setCircumstance}
          error={errorOf(errors, fieldId('circumstance'))}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('crossBorder.denyRuleForm.submit')}
        </button>
      </form>
    </section>
  );
}
