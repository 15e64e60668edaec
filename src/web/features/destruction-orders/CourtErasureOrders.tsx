/**
 * A court's erasure orders at the retention desk (L1992 art. 41 §1; SPEC PEN-16): the DPO records the
 * judgment (court, date, reference) and the cases it designates; a second, distinct person of the
 * desk executes it, which destroys the cases with their keys; the signed destruction certificate is
 * then downloaded as JSON. Recording and executing need a second factor proven in the last minutes.
 * Ids, references and dates only: no case content.
 */
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestructionOrder } from '../../../contracts/destruction-orders.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { saveFile } from '../../app/save-file.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useFreshFactor } from '../step-up/use-fresh-factor.js';
import {
  downloadErasureCertificate,
  executeCourtErasureOrder,
  fetchCourtErasureOrders,
  recordCourtErasureOrder,
} from './destruction-orders-api.js';

/** The case ids pasted in the form, one per line or separated by commas or spaces. */
export const caseIdsOf = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');

function RecordOrderForm({ onRecorded }: { onRecorded(message: string): Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [court, setCourt] = useState('');
  const [judgmentDate, setJudgmentDate] = useState('');
  const [judgmentReference, setJudgmentReference] = useState('');
  const [caseIds, setCaseIds] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const { attempt, form: stepUp } = useFreshFactor(run, 4);
  const fields = [
    { id: `${id}-court`, paths: ['court'], message: t('destructionOrders.errors.court') },
    { id: `${id}-date`, paths: ['judgmentDate'], message: t('destructionOrders.errors.judgmentDate') },
    {
      id: `${id}-reference`,
      paths: ['judgmentReference'],
      message: t('destructionOrders.errors.judgmentReference'),
    },
    { id: `${id}-cases`, paths: ['caseIds'], message: t('destructionOrders.errors.caseIds') },
  ];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors([]);
    await attempt(async () => {
      try {
        const order = await recordCourtErasureOrder({
          court,
          judgmentDate,
          judgmentReference,
          caseIds: caseIdsOf(caseIds),
        });
        setCourt('');
        setJudgmentDate('');
        setJudgmentReference('');
        setCaseIds('');
        await onRecorded(t('destructionOrders.recorded', { reference: order.reference }));
      } catch (error) {
        setErrors(refusedFields(error, fields));
        throw error;
      }
    });
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
      <h3>{t('destructionOrders.record.title')}</h3>
      <p>{t('destructionOrders.record.intro')}</p>
      <ProblemAlert failure={failure} fields={errors} />
      {stepUp}
      <TextField
        id={`${id}-court`}
        label={t('destructionOrders.court')}
        value={court}
        onChange={setCourt}
        error={errorOf(errors, `${id}-court`)}
      />
      <TextField
        id={`${id}-date`}
        type="date"
        label={t('destructionOrders.judgmentDate')}
        value={judgmentDate}
        onChange={setJudgmentDate}
        error={errorOf(errors, `${id}-date`)}
      />
      <TextField
        id={`${id}-reference`}
        label={t('destructionOrders.judgmentReference')}
        hint={t('destructionOrders.judgmentReferenceHint')}
        value={judgmentReference}
        onChange={setJudgmentReference}
        error={errorOf(errors, `${id}-reference`)}
      />
      <TextAreaField
        id={`${id}-cases`}
        label={t('destructionOrders.caseIds')}
        hint={t('destructionOrders.caseIdsHint')}
        value={caseIds}
        onChange={setCaseIds}
        error={errorOf(errors, `${id}-cases`)}
      />
      <button type="submit" className="button" aria-disabled={busy}>
        {t('destructionOrders.record.submit')}
      </button>
    </form>
  );
}

function OrderRow({
  order,
  onChanged,
}: {
  order: DestructionOrder;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { busy, failure, run } = useAction();
  const { attempt, form: stepUp } = useFreshFactor(run, 4);
  const headingId = `erasure-order-${order.id}`;

  return (
    <article className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {order.reference} – {t(`destructionOrders.states.${order.state}`)}
      </h3>
      <dl className="facts">
        <dt>{t('destructionOrders.court')}</dt>
        <dd>{order.court}</dd>
        <dt>{t('destructionOrders.judgmentDate')}</dt>
        <dd>{order.judgmentDate ? formatDate(order.judgmentDate, i18n.language) : ''}</dd>
        <dt>{t('destructionOrders.recordedBy')}</dt>
        <dd>
          {order.recordedBy.displayName}, {formatDateTime(order.recordedAt, i18n.language)}
        </dd>
        <dt>{t('destructionOrders.executedBy')}</dt>
        <dd>
          {order.approvedBy && order.approvedAt
            ? `${order.approvedBy.displayName}, ${formatDateTime(order.approvedAt, i18n.language)}`
            : t('destructionOrders.notYet')}
        </dd>
      </dl>
      <ul>
        {order.designatedCases.map((entry) => (
          <li key={entry.caseId}>
            <span className="code">{entry.caseId}</span>:{' '}
            {t(`destructionOrders.caseStatuses.${entry.status}`)}
          </li>
        ))}
      </ul>
      <ProblemAlert failure={failure} />
      {stepUp}
      <div className="button-row">
        {order.allowedActions.includes('execute') && (
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() =>
              void attempt(async () => {
                await executeCourtErasureOrder(order.id);
                await onChanged(t('destructionOrders.executed', { reference: order.reference }));
              })
            }
          >
            {t('destructionOrders.execute')}
            <span className="visually-hidden"> {order.reference}</span>
          </button>
        )}
        {order.state === 'completed' && (
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() =>
              void run(async () => {
                const file = await downloadErasureCertificate(order.id);
                saveFile(file.blob, file.filename ?? `destruction-certificate-${order.id}.json`);
                await onChanged(t('destructionOrders.certificateSaved'));
              })
            }
          >
            {t('destructionOrders.certificate')}
            <span className="visually-hidden"> {order.reference}</span>
          </button>
        )}
      </div>
    </article>
  );
}

/** The section of the retention desk; `canRecord` for a DPO (the server decides anyway). */
export function CourtErasureOrders({
  canRecord,
  onChanged,
}: {
  canRecord: boolean;
  onChanged(message: string): void;
}) {
  const { t } = useTranslation();
  const [orders, setOrders] = useState<DestructionOrder[]>();
  const [failure, setFailure] = useState<unknown>();

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      setOrders((await fetchCourtErasureOrders(signal)).orders);
      setFailure(undefined);
    } catch (error) {
      if (!signal?.aborted) setFailure(error);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const changed = async (message: string) => {
    await reload();
    onChanged(message);
  };

  return (
    <section className="panel" id="erasure-orders" aria-labelledby="erasure-orders-title">
      <h2 id="erasure-orders-title" tabIndex={-1}>
        {t('destructionOrders.title')}
      </h2>
      <p>{t('destructionOrders.intro')}</p>
      <ProblemAlert failure={failure} />
      {orders?.length === 0 && <p>{t('destructionOrders.none')}</p>}
      {orders?.map((order) => (
        <OrderRow key={order.id} order={order} onChanged={changed} />
      ))}
      {canRecord && <RecordOrderForm onRecorded={changed} />}
    </section>
  );
}
