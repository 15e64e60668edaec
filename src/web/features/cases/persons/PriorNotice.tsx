/**
 * L1992 art. 8 §5 (SPEC DAT-32): on a person's card, the prior written notice the reader's
 * organisation gave them, when a royal decree it processes judicial data under calls for one:
 * when and how it was given, or that it is due, with a small form to record it.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../contracts/persons.js';
import { NOTICE_METHODS, type NoticeMethod } from '../../../../contracts/prior-notices.js';
import { errorOf, type FieldError, refusedFields } from '../../../app/form-fields.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { SelectField } from '../../../app/SelectField.js';
import { TextField } from '../../../app/TextField.js';
import { useAction } from '../../../app/use-action.js';
import { formatDate } from '../../../i18n/format.js';
import { recordPriorNotice } from '../cases-api.js';
import { useCaseView } from '../case-view.js';
import { personName } from './person-name.js';

function PriorNoticeForm({ person }: { person: Person }) {
  const { t } = useTranslation();
  const { kase, changed } = useCaseView();
  const id = useId();
  const [sentOn, setSentOn] = useState('');
  const [method, setMethod] = useState<NoticeMethod>('registered_letter');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const fields = [
    { id: `${id}-sentOn`, paths: ['sentOn'], message: t('casePage.priorNotice.errors.sentOn') },
    { id: `${id}-method`, paths: ['method'], message: t('casePage.priorNotice.errors.method') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sentOn === '') {
      setErrors(fields.slice(0, 1));
      return;
    }
    setErrors([]);
    await run(async () => {
      try {
        await recordPriorNotice(kase.id, person.id, { sentOn, method });
        await changed(t('casePage.priorNotice.recorded', { name: personName(person) }));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <ProblemAlert failure={failure} fields={errors} />
      <TextField
        id={`${id}-sentOn`}
        type="date"
        label={t('casePage.priorNotice.sentOn')}
        value={sentOn}
        onChange={setSentOn}
        error={errorOf(errors, `${id}-sentOn`)}
      />
      <SelectField
        id={`${id}-method`}
        label={t('casePage.priorNotice.method')}
        value={method}
        options={NOTICE_METHODS.map((value) => ({ value, label: t(`noticeMethods.${value}`) }))}
        onChange={(value) => setMethod(value as NoticeMethod)}
        error={errorOf(errors, `${id}-method`)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('casePage.priorNotice.submit')}
        <span className="visually-hidden">: {personName(person)}</span>
      </button>
    </form>
  );
}

export function PriorNotice({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const { can } = useCaseView();
  const notice = person.priorNotice;
  if (notice === null) return null;
  if (!notice.due && notice.sentOn && notice.method) {
    return (
      <p>
        {t('casePage.priorNotice.sent', {
          date: formatDate(notice.sentOn, i18n.language),
          method: t(`noticeMethods.${notice.method}`),
        })}
      </p>
    );
  }
  return (
    <div className="subpanel">
      <p className="notice">{t('casePage.priorNotice.due')}</p>
      {can('contribute') && <PriorNoticeForm person={person} />}
    </div>
  );
}
