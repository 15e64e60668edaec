/** Recording a restore test (SPEC SEC-03): the day a backup was restored and checked, the outcome, the report. */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESTORE_TEST_OUTCOMES, type RecordRestoreTest } from '../../../contracts/compliance.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { todayInBrussels } from '../../i18n/format.js';
import { RadioGroup } from '../cross-border/RadioGroup.js';
import { recordRestoreTest } from './compliance-api.js';

type Outcome = RecordRestoreTest['outcome'];
const CONTROLS = ['testedOn', 'outcome', 'reference'] as const;

export function RestoreTestForm({ onRecorded }: { onRecorded(): Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [testedOn, setTestedOn] = useState(todayInBrussels);
  const [outcome, setOutcome] = useState<Outcome>('succeeded');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const ids = { testedOn: `${id}-testedOn`, outcome: `${id}-outcome`, reference: `${id}-reference` };
  const fields = CONTROLS.map((control) => ({
    id: ids[control],
    paths: [control],
    message: t(`compliance.restoreTestForm.errors.${control}`),
  }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await run(async () => {
      try {
        await recordRestoreTest({ testedOn, outcome, reference: reference.trim() });
        setTestedOn(todayInBrussels());
        setOutcome('succeeded');
        setReference('');
        await onRecorded();
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{t('compliance.restoreTestForm.title')}</h3>
      <ProblemAlert failure={failure} fields={errors} />
      <TextField
        id={ids.testedOn}
        type="date"
        label={t('compliance.restoreTests.testedOn')}
        value={testedOn}
        onChange={setTestedOn}
        error={errorOf(errors, ids.testedOn)}
      />
      <RadioGroup
        id={ids.outcome}
        legend={t('compliance.restoreTests.outcome')}
        value={outcome}
        options={RESTORE_TEST_OUTCOMES.map((value) => ({
          value,
          label: t(`compliance.restoreTests.outcomes.${value}`),
        }))}
        onChange={(value) => setOutcome(value as Outcome)}
        error={errorOf(errors, ids.outcome)}
      />
      <TextField
        id={ids.reference}
        label={t('compliance.restoreTests.reference')}
        hint={t('compliance.restoreTestForm.referenceHint')}
        value={reference}
        onChange={setReference}
        error={errorOf(errors, ids.reference)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('compliance.restoreTestForm.submit')}
      </button>
    </form>
  );
}
