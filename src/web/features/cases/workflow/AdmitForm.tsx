/**
 * The organiser admits a participant of the framework, one at a time, with the ground of bill
 * art. 2 §3 2° and its justification (CP art. 458ter §1 al. 3; SPEC ROL-01, ROL-02).
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMISSION_GROUNDS } from '../../../../contracts/cases.js';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { SelectField } from '../../../app/SelectField.js';
import { TextAreaField } from '../../../app/TextAreaField.js';
import { useAction } from '../../../app/use-action.js';
import { admitParticipant } from '../cases-api.js';
import { useCaseView } from '../case-view.js';

type Ground = (typeof ADMISSION_GROUNDS)[number];

export function AdmitForm() {
  const { t } = useTranslation();
  const { kase, changed, nameOf } = useCaseView();
  const id = useId();
  const ids = {
    organisation: `${id}-organisation`,
    ground: `${id}-ground`,
    justification: `${id}-justification`,
  };
  const [organisationId, setOrganisationId] = useState('');
  const [ground, setGround] = useState<Ground>('expertise');
  const [justification, setJustification] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const admitted = new Set(
    kase.participants.filter((p) => p.revokedAt === null).map((p) => p.organisation.id),
  );
  const candidates = kase.framework.participants.filter(
    (organisation) =>
      !admitted.has(organisation.id) &&
      organisation.id !== kase.compartmentOrganisationId &&
      organisation.id !== kase.organiserOrganisationId,
  );
  const fields = [
    { id: ids.organisation, paths: ['organisationId'], message: t('workflow.admit.errors.organisation') },
    { id: ids.ground, paths: ['ground'], message: t('workflow.admit.errors.ground') },
    { id: ids.justification, paths: ['justification'], message: t('workflow.admit.errors.justification') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = fields.filter(
      (field) =>
        (field.id === ids.organisation && organisationId === '') ||
        (field.id === ids.justification && justification.trim().length < 3),
    );
    setErrors(local);
    if (local.length > 0) return;
    await run(async () => {
      try {
        await admitParticipant(kase.id, { organisationId, ground, justification: justification.trim() });
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      const name = nameOf(organisationId);
      setOrganisationId('');
      setJustification('');
      await changed(t('workflow.admit.done', { organisation: name }));
    });
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('workflow.admit.title')}</h3>
      <p>{t('workflow.admit.intro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      {candidates.length === 0 ? (
        <p>{t('workflow.admit.noCandidate')}</p>
      ) : (
        <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
          <SelectField
            id={ids.organisation}
            label={t('workflow.admit.organisation')}
            value={organisationId}
            options={[
              { value: '', label: t('common.choose') },
              ...candidates.map((organisation) => ({
                value: organisation.id,
                label: organisation.legalName,
              })),
            ]}
            onChange={setOrganisationId}
            error={errorOf(errors, ids.organisation)}
          />
          <fieldset className="form__choice">
            <legend id={ids.ground} tabIndex={-1}>
              {t('workflow.admit.ground')}
            </legend>
            {ADMISSION_GROUNDS.map((choice) => (
              <label key={choice} className="form__radio">
                <input
                  type="radio"
                  name={`${id}-ground-choice`}
                  checked={ground === choice}
                  onChange={() => setGround(choice)}
                />
                {t(`admissionGrounds.${choice}`)}
              </label>
            ))}
          </fieldset>
          <TextAreaField
            id={ids.justification}
            label={t('workflow.admit.justification')}
            hint={t('workflow.admit.justificationHint')}
            value={justification}
            onChange={setJustification}
            error={errorOf(errors, ids.justification)}
          />
          <button type="submit" className="button" aria-disabled={busy}>
            {t('workflow.admit.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
