/**
 * One processor record (L2007 art. 16 §1; SPEC PRC-01..PRC-07): who the processor is and what it
 * does, its guarantees and contract clauses, its status with the reasons and due dates, what
 * approval still needs, its documents and reviews; and what the reader may do now, as the server's
 * `allowedActions` say (edit, upload, approve, review).
 */
import { Fragment, type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryLists } from '../../../contracts/cross-border.js';
import type { ProcessorRecord } from '../../../contracts/processors.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { useAction } from '../../app/use-action.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { countryLabel } from '../cross-border/countries.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { ApprovalChecklist } from './ApprovalChecklist.js';
import { DocumentsSection } from './DocumentsSection.js';
import { ProcessorForm } from './ProcessorForm.js';
import { ProcessorStatusView } from './ProcessorStatusView.js';
import { approveProcessorRecord } from './processors-api.js';
import { ReviewForm } from './ReviewForm.js';
import { CONTRACT_FIELDS } from './processor-draft.js';

function Facts({ record, engagedBy }: { record: ProcessorRecord; engagedBy: string | undefined }) {
  const { t, i18n } = useTranslation();
  const none = t('processors.record.none');
  return (
    <dl className="facts">
      <dt>{t('processors.record.controller')}</dt>
      <dd>{record.controller.legalName}</dd>
      <dt>{t('processors.record.role')}</dt>
      <dd>{t(`processors.roles.${record.role}`)}</dd>
      {record.subProcessorOf && (
        <>
          <dt>{t('processors.record.subProcessorOf')}</dt>
          <dd>{engagedBy ?? record.subProcessorOf}</dd>
        </>
      )}
      <dt>{t('processors.record.name')}</dt>
      <dd>{record.processor.name}</dd>
      <dt>{t('processors.record.address')}</dt>
      <dd>{record.processor.address}</dd>
      <dt>{t('processors.record.enterpriseNumber')}</dt>
      <dd>{record.processor.enterpriseNumber ?? none}</dd>
      <dt>{t('processors.record.country')}</dt>
      <dd>{countryLabel(record.country, i18n.language)}</dd>
      <dt>{t('processors.record.services')}</dt>
      <dd>{record.services}</dd>
      <dt>{t('processors.form.guarantees')}</dt>
      <dd>
        {record.guarantees.length === 0 ? (
          none
        ) : (
          <ul className="plain-list">
            {record.guarantees.map((guarantee, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a record's guarantees are a list without ids
              <li key={index}>
                {t(`processors.guaranteeKinds.${guarantee.kind}`)}: {guarantee.title} – {guarantee.issuer}
                {guarantee.reference ? ` (${guarantee.reference})` : ''},{' '}
                {t('processors.guarantee.issued', { date: formatDate(guarantee.issuedOn, i18n.language) })}
                {guarantee.validUntil &&
                  `, ${t('processors.guarantee.validUntilDate', { date: formatDate(guarantee.validUntil, i18n.language) })}`}
              </li>
            ))}
          </ul>
        )}
      </dd>
      {CONTRACT_FIELDS.map((field) => {
        const value = record.contract[field];
        return (
          <Fragment key={field}>
            <dt>{t(`processors.contract.${field}`)}</dt>
            <dd>{value === null ? none : field === 'signedOn' ? formatDate(value, i18n.language) : value}</dd>
          </Fragment>
        );
      })}
      <dt>{t('processors.record.reviewIntervalMonths')}</dt>
      <dd>{t('processors.record.months', { count: record.reviewIntervalMonths })}</dd>
      <dt>{t('processors.record.approval')}</dt>
      <dd>
        {record.approval
          ? t('processors.record.approvedBy', {
              name: record.approval.approvedBy,
              date: formatDateTime(record.approval.approvedAt, i18n.language),
            })
          : t('processors.record.notApproved')}
      </dd>
    </dl>
  );
}

export function ProcessorDetail({
  record,
  engagedBy,
  countries,
  headingRef,
  onChanged,
}: {
  record: ProcessorRecord;
  /** The name of the processor a sub-processor works for. */
  engagedBy: string | undefined;
  countries: CountryLists;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const approving = useAction();
  const can = (action: ProcessorRecord['allowedActions'][number]) => record.allowedActions.includes(action);
  const name = record.processor.name;

  const approve = () =>
    approving.run(async () => {
      await approveProcessorRecord(record.id);
      await onChanged(t('processors.detail.approved', { name }));
    });

  return (
    <section className="panel" aria-labelledby="processor-detail">
      <h2 id="processor-detail" ref={headingRef} tabIndex={-1}>
        {t('processors.detail.title', { name })}
      </h2>
      <h3>{t('processors.detail.status')}</h3>
      <ProcessorStatusView status={record.status} />
      <Facts record={record} engagedBy={engagedBy} />
      <h3>{t('processors.checklist.title')}</h3>
      <p>
        {record.missingForApproval.length === 0
          ? t('processors.checklist.complete')
          : t('processors.checklist.incomplete', { count: record.missingForApproval.length })}
      </p>
      <ApprovalChecklist record={record} />
      <ProblemAlert failure={approving.failure} />
      <div className="button-row">
        {can('approve') && (
          <button
            type="button"
            className="button"
            aria-disabled={approving.busy}
            onClick={() => void approve()}
          >
            {t('processors.detail.approve')}
            <span className="visually-hidden">: {name}</span>
          </button>
        )}
        {can('edit') && (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={editing}
            aria-controls="processor-edit"
            onClick={() => setEditing(!editing)}
          >
            {t('processors.detail.edit')}
            <span className="visually-hidden">: {name}</span>
          </button>
        )}
      </div>
      <div id="processor-edit" hidden={!editing}>
        {editing && (
          <ProcessorForm
            mode={{ kind: 'edit', record }}
            countries={countries}
            onSaved={async (saved) => {
              setEditing(false);
              await onChanged(t('processors.detail.saved', { name: saved.processor.name }));
            }}
          />
        )}
      </div>
      <DocumentsSection record={record} onChanged={onChanged} />
      <h3>{t('processors.reviews.title')}</h3>
      {record.reviews.length === 0 ? (
        <p>{t('processors.reviews.none')}</p>
      ) : (
        <ScrollingTable caption={t('processors.reviews.caption', { name })}>
          <thead>
            <tr>
              <th scope="col">{t('processors.review.reviewedOn')}</th>
              <th scope="col">{t('processors.review.kind')}</th>
              <th scope="col">{t('processors.review.outcome')}</th>
              <th scope="col">{t('processors.review.findings')}</th>
              <th scope="col">{t('processors.reviews.recorded')}</th>
            </tr>
          </thead>
          <tbody>
            {record.reviews.map((review) => (
              <tr key={review.id}>
                <th scope="row">{formatDate(review.reviewedOn, i18n.language)}</th>
                <td>{t(`processors.reviewKinds.${review.kind}`)}</td>
                <td>{t(`processors.outcomes.${review.outcome}`)}</td>
                <td>{review.findings}</td>
                <td>
                  {review.recordedBy}, {formatDateTime(review.recordedAt, i18n.language)}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      {can('review') && (
        <ReviewForm record={record} onRecorded={() => onChanged(t('processors.review.done', { name }))} />
      )}
    </section>
  );
}
