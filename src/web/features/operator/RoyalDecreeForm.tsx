/**
 * Recording a royal decree on an organisation's profile (SPEC DAT-32, DAT-33): its kind, its
 * reference and its validity. The rules are the server's; each refused field is marked.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Organisation, ROYAL_DECREE_KINDS, type RoyalDecreeKind } from '../../../contracts/identity.js';
import { api } from '../../app/api.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { SelectField } from '../../app/SelectField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';

const FIELDS = ['kind', 'reference', 'validFrom', 'validUntil'] as const;

export function RoyalDecreeForm({
  organisation,
  onRecorded,
}: {
  organisation: Organisation;
  onRecorded(): Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<RoyalDecreeKind>('judicial_data_prior_notice');
  const [reference, setReference] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fieldId = (field: (typeof FIELDS)[number]) => `${id}-${field}`;
  const fields = FIELDS.map((field) => ({
    id: fieldId(field),
    paths: [field],
    message: t(`operator.royalDecrees.errors.${field}`),
  }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        const body = {
          kind,
          reference: reference.trim(),
          validFrom,
          validUntil: validUntil === '' ? null : validUntil,
        };
        await api<Organisation>(
          'POST',
          `/api/admin/organisations/${encodeURIComponent(organisation.id)}/royal-decrees`,
          {
            body,
          },
        );
        setReference('');
        setValidFrom('');
        setValidUntil('');
        await onRecorded();
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('operator.royalDecrees.createTitle')}</h3>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <SelectField
          id={fieldId('kind')}
          label={t('operator.royalDecrees.fields.kind')}
          value={kind}
          options={ROYAL_DECREE_KINDS.map((value) => ({
            value,
            label: t(`operator.royalDecrees.kinds.${value}`),
          }))}
          onChange={(value) => setKind(value as RoyalDecreeKind)}
          error={errorOf(errors, fieldId('kind'))}
        />
        <TextField
          id={fieldId('reference')}
          label={t('operator.royalDecrees.fields.reference')}
          hint={t('operator.royalDecrees.hints.reference')}
          value={reference}
          onChange={setReference}
          error={errorOf(errors, fieldId('reference'))}
        />
        <TextField
          id={fieldId('validFrom')}
          type="date"
          label={t('operator.royalDecrees.fields.validFrom')}
          value={validFrom}
          onChange={setValidFrom}
          error={errorOf(errors, fieldId('validFrom'))}
        />
        <TextField
          id={fieldId('validUntil')}
          type="date"
          label={t('operator.royalDecrees.fields.validUntil')}
          hint={t('operator.royalDecrees.hints.validUntil')}
          value={validUntil}
          onChange={setValidUntil}
          error={errorOf(errors, fieldId('validUntil'))}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('operator.royalDecrees.submit')}
        </button>
      </form>
    </section>
  );
}
