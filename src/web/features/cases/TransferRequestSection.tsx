/**
 * Asking for items of other participants for one's own file (bill art. 4 al. 1; SPEC FIL-05,
 * PUR-05): which items, for which of the case's purposes, and why recording them in the shared
 * file is not enough. Each item's controller then agrees or not. A sensitive action: the second
 * factor may have to be confirmed again first.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurposeCode } from '../../../contracts/legal-codes.js';
import { CheckboxGroup } from '../../app/CheckboxGroup.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { SelectField } from '../../app/SelectField.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { useAction } from '../../app/use-action.js';
import { useFreshFactor } from '../step-up/use-fresh-factor.js';
import { requestTransfer } from './cases-api.js';
import { useCaseView } from './case-view.js';

const MIN_JUSTIFICATION = 10;

export function TransferRequestSection() {
  const { t } = useTranslation();
  const { kase, organisationId, can, changed } = useCaseView();
  const id = useId();
  const ids = { items: `${id}-items`, purpose: `${id}-purpose`, justification: `${id}-justification` };
  const [itemIds, setItemIds] = useState<string[]>([]);
  const [purpose, setPurpose] = useState<PurposeCode | ''>(
    kase.purposes.length === 1 ? kase.purposes[0]! : '',
  );
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [requested, setRequested] = useState(false);
  const { busy, failure, run } = useAction();
  const { attempt, form: stepUp } = useFreshFactor(run);
  if (!can('request_transfer') || kase.framework.ownFileExportDisabled) return null;
  const candidates = kase.items.filter(
    (item) => item.controller.id !== organisationId && !item.erased && !item.restricted && !item.blocked,
  );
  const fields = [
    { id: ids.items, paths: ['itemIds'], message: t('transferRequest.errors.items') },
    { id: ids.purpose, paths: ['purpose'], message: t('transferRequest.errors.purpose') },
    { id: ids.justification, paths: ['justification'], message: t('transferRequest.errors.justification') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = fields.filter(
      (field) =>
        (field.id === ids.items && itemIds.length === 0) ||
        (field.id === ids.purpose && purpose === '') ||
        (field.id === ids.justification && justification.trim().length < MIN_JUSTIFICATION),
    );
    setErrors(local);
    if (local.length > 0) return;
    await attempt(async () => {
      try {
        await requestTransfer(kase.id, {
          itemIds,
          purpose: purpose as PurposeCode,
          justification: justification.trim(),
        });
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      setItemIds([]);
      setJustification('');
      setRequested(true);
      await changed(t('transferRequest.done'));
    });
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('transferRequest.title')}</h2>
      <p>{t('transferRequest.intro')}</p>
      {requested && (
        <p>
          <Link to="/transfers">{t('transferRequest.inbox')}</Link>
        </p>
      )}
      <ProblemAlert failure={failure} fields={errors} />
      {stepUp}
      {candidates.length === 0 ? (
        <p>{t('transferRequest.noItem')}</p>
      ) : (
        <form
          className="form form--wide"
          noValidate
          onSubmit={(event) => void submit(event)}
          aria-busy={busy}
        >
          <CheckboxGroup
            id={ids.items}
            legend={t('transferRequest.items')}
            error={errorOf(errors, ids.items)}
            options={candidates.map((item) => ({
              value: item.id,
              label: `${item.category} ${t(`categories.${item.category}`)} – ${item.controller.legalName}: ${item.content ?? ''}`,
            }))}
            values={itemIds}
            onChange={setItemIds}
          />
          <SelectField
            id={ids.purpose}
            label={t('transferRequest.purpose')}
            value={purpose}
            options={[
              { value: '', label: t('common.choose') },
              ...kase.purposes.map((code) => ({ value: code, label: `${code} – ${t(`purposes.${code}`)}` })),
            ]}
            onChange={(value) => setPurpose(value as PurposeCode | '')}
            error={errorOf(errors, ids.purpose)}
          />
          <TextAreaField
            id={ids.justification}
            label={t('transferRequest.justification')}
            hint={t('transferRequest.justificationHint')}
            value={justification}
            onChange={setJustification}
            error={errorOf(errors, ids.justification)}
          />
          <button type="submit" className="button" aria-disabled={busy}>
            {t('transferRequest.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
