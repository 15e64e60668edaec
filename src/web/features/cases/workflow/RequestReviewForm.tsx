/**
 * The compartment shares its draft read-only with a reviewer organisation of the framework, e.g.
 * the parquet reviewing a police file (bill Comm. art. 2; SPEC WFL-02).
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { SelectField } from '../../../app/SelectField.js';
import { useAction } from '../../../app/use-action.js';
import { requestReview } from '../cases-api.js';
import { useCaseView } from '../case-view.js';

export function RequestReviewForm() {
  const { t } = useTranslation();
  const { kase, changed, nameOf } = useCaseView();
  const id = useId();
  const selectId = `${id}-reviewer`;
  const [reviewer, setReviewer] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const candidates = kase.framework.participants.filter(
    (organisation) =>
      organisation.id !== kase.compartmentOrganisationId && organisation.id !== kase.organiserOrganisationId,
  );
  const fields = [
    { id: selectId, paths: ['reviewerOrganisationId'], message: t('workflow.review.errors.reviewer') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reviewer === '') {
      setErrors(fields);
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        await requestReview(kase.id, { reviewerOrganisationId: reviewer });
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
      await changed(t('workflow.review.requested', { reviewer: nameOf(reviewer) }));
    });
  }

  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('workflow.review.requestTitle')}</h3>
      <p>{t('workflow.review.requestIntro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <SelectField
          id={selectId}
          label={t('workflow.review.reviewer')}
          value={reviewer}
          options={[
            { value: '', label: t('common.choose') },
            ...candidates.map((organisation) => ({ value: organisation.id, label: organisation.legalName })),
          ]}
          onChange={setReviewer}
          error={errorOf(errors, selectId)}
        />
        <button type="submit" className="button" aria-disabled={busy}>
          {t('workflow.review.request')}
        </button>
      </form>
    </section>
  );
}
