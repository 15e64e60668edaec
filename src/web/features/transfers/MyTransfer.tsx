/**
 * One of my organisation's requests (bill art. 4; SPEC FIL-05..09, PUR-06): the controllers'
 * decisions, the attestation of art. 4 al. 2 with an optional organic-law retention, the second
 * member's approval where the framework asks for it, the exports (JSON, PDF) and their register
 * with the changes of the items since and their acknowledgement (SPEC FIL-08).
 * Approving and exporting need a second factor proven in the last minutes.
 */
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../contracts/transfers.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { saveFile } from '../../app/save-file.js';
import { useAction } from '../../app/use-action.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { useFreshFactor } from '../step-up/use-fresh-factor.js';
import { AttestationForm } from './AttestationForm.js';
import { ExportRegister } from './ExportRegister.js';
import { TransferFacts } from './TransferFacts.js';
import { approveFourEyes, downloadExport, exportPath } from './transfers-api.js';
import { ContestedBadge } from '../cases/items/ContestedBadge.js';

export function MyTransfer({
  transfer,
  onChanged,
}: {
  transfer: Transfer;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { busy, failure, run } = useAction();
  const { attempt, form: stepUp } = useFreshFactor(run, 4);
  const headingId = `my-transfer-${transfer.id}`;

  const exportAs = (format: 'json' | 'pdf') =>
    attempt(async () => {
      const file = await downloadExport(transfer.id, format);
      saveFile(file.blob, file.filename ?? `concerto-transfer-${transfer.id}.${format}`);
      await onChanged(t('transfers.requested.exported', { format: format.toUpperCase() }));
    });

  return (
    <article className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('transfers.requested.itemTitle', { case: transfer.caseTitle })}</h3>
      <TransferFacts transfer={transfer} />
      <h4>{t('transfers.requested.items')}</h4>
      <ul>
        {transfer.items.map((item) => (
          <li key={item.itemId}>
            <span className="code">{item.category}</span> {t(`categories.${item.category}`)} –{' '}
            {item.controller.legalName}: <strong>{t(`transferDecisions.${item.decision}`)}</strong>{' '}
            <ContestedBadge contested={item.contested} />
            {item.content !== null && <p className="item__content">{item.content}</p>}
          </li>
        ))}
      </ul>
      <dl className="facts">
        <dt>{t('transfers.requested.attested')}</dt>
        <dd>
          {transfer.attestedAt
            ? formatDateTime(transfer.attestedAt, i18n.language)
            : t('transfers.requested.notYet')}
        </dd>
        {transfer.fourEyes.required && (
          <>
            <dt>{t('transfers.requested.fourEyes')}</dt>
            <dd>
              {transfer.fourEyes.approvedBy && transfer.fourEyes.approvedAt
                ? `${transfer.fourEyes.approvedBy}, ${formatDateTime(transfer.fourEyes.approvedAt, i18n.language)}`
                : t('transfers.requested.fourEyesPending')}
            </dd>
          </>
        )}
        <dt>{t('transfers.requested.retention')}</dt>
        <dd>
          {transfer.retention.endsOn
            ? t('transfers.requested.retentionEnds', {
                date: formatDate(transfer.retention.endsOn, i18n.language),
              })
            : transfer.retention.months
              ? t('transfers.requested.retentionMonths', { count: transfer.retention.months })
              : t('transfers.requested.retentionOpen')}{' '}
          ({transfer.retention.basis})
        </dd>
      </dl>
      <ProblemAlert failure={failure} />
      {stepUp}
      {transfer.can.attest && <AttestationForm transfer={transfer} onChanged={onChanged} />}
      {transfer.can.approveFourEyes && (
        <button
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() =>
            void attempt(async () => {
              await approveFourEyes(transfer.id);
              await onChanged(t('transfers.requested.fourEyesDone'));
            })
          }
        >
          {t('transfers.requested.approveFourEyes')}
        </button>
      )}
      {transfer.can.export && (
        <div className="button-row">
          {(['json', 'pdf'] as const).map((format) => (
            <a
              key={format}
              className="button"
              href={exportPath(transfer.id, format)}
              download
              aria-disabled={busy}
              onClick={(event) => {
                event.preventDefault();
                void exportAs(format);
              }}
            >
              {t(`transfers.requested.download.${format}`)}
            </a>
          ))}
        </div>
      )}
      <ExportRegister transfer={transfer} />
    </article>
  );
}
