/**
 * One entry of the office's list (bill art. 8; SPEC LST-01, LST-03, LST-04): its case and
 * authorisation, proposed or registered and until when it is kept, and the identity only while
 * the entry awaits the office (as the server decides). A proposal is validated or rejected with a
 * reason; an entry made in error is removed with one; an identity rectified in the case is taken over.
 */
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListEntry } from '../../../contracts/prosecutor-list.js';
import { errorOf, type FieldError, refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { Link } from '../../app/router.js';
import { TextAreaField } from '../../app/TextAreaField.js';
import { useAction } from '../../app/use-action.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { identityWords } from './identity-words.js';
import { applyIdentityUpdate, removeListEntry, validateListEntry } from './prosecutor-api.js';

export function ListEntryCard({
  entry,
  caseTitle,
  onChanged,
}: {
  entry: ListEntry;
  caseTitle: string | undefined;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const { busy, failure, run } = useAction();
  const proposed = entry.status === 'proposed';
  const where = caseTitle ?? entry.authorisationReference;
  // The identity only while the entry awaits the office; otherwise the entry is named by its case.
  const who = entry.identity ? `${entry.identity.surname}, ${entry.identity.firstNames}` : where;
  const reasonField = { id: `${id}-reason`, paths: ['reason'], message: t('prosecutor.list.errors.reason') };

  const act = (action: () => Promise<unknown>, done: string) =>
    run(async () => {
      await action();
      await onChanged(done);
    });

  async function remove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local = reason.trim().length === 0 ? [reasonField] : [];
    setErrors(local);
    if (local.length > 0) return;
    await run(async () => {
      try {
        await removeListEntry(entry.id, { reason: reason.trim() });
      } catch (error) {
        setErrors(refusedFields(error, [reasonField]));
        throw error;
      }
      await onChanged(t(proposed ? 'prosecutor.list.rejected' : 'prosecutor.list.removed', { name: who }));
    });
  }

  return (
    <article className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {entry.identity
          ? t('prosecutor.list.entryOf', { name: who })
          : t('prosecutor.list.entryWithoutIdentity', { case: where })}
      </h3>
      <p>
        <strong className={proposed ? 'badge badge--special' : 'badge badge--muted'}>
          {t(`prosecutor.list.statuses.${entry.status}`)}
        </strong>
        {entry.updatePending && (
          <strong className="badge badge--special">{t('prosecutor.list.updatePending')}</strong>
        )}
      </p>
      <dl className="facts">
        <dt>{t('prosecutor.list.case')}</dt>
        <dd>
          <Link to={`/cases/${entry.caseId}`}>{caseTitle ?? entry.caseId}</Link>
        </dd>
        <dt>{t('prosecutor.list.authorisation')}</dt>
        <dd>{entry.authorisationReference}</dd>
        <dt>{t('prosecutor.list.proposedAt')}</dt>
        <dd>{formatDateTime(entry.proposedAt, i18n.language)}</dd>
        {entry.registeredAt && (
          <>
            <dt>{t('prosecutor.list.registeredAt')}</dt>
            <dd>{formatDateTime(entry.registeredAt, i18n.language)}</dd>
          </>
        )}
        {entry.eraseBy && (
          <>
            <dt>{t('prosecutor.list.eraseBy')}</dt>
            <dd>{formatDate(entry.eraseBy, i18n.language)}</dd>
          </>
        )}
        <dt>{t('prosecutor.list.identity')}</dt>
        <dd>
          {entry.identity
            ? identityWords(entry.identity, i18n.language)
            : t('prosecutor.list.identityHidden')}
        </dd>
        {entry.pendingIdentity && (
          <>
            <dt>{t('prosecutor.list.pendingIdentity')}</dt>
            <dd>{identityWords(entry.pendingIdentity, i18n.language)}</dd>
          </>
        )}
      </dl>
      <ProblemAlert failure={failure} fields={errors} />
      <div className="button-row">
        {proposed && (
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() =>
              void act(() => validateListEntry(entry.id), t('prosecutor.list.validated', { name: who }))
            }
          >
            {t('prosecutor.list.validate')}
            <span className="visually-hidden">: {who}</span>
          </button>
        )}
        {entry.updatePending && (
          <button
            type="button"
            className="button"
            aria-disabled={busy}
            onClick={() =>
              void act(() => applyIdentityUpdate(entry.id), t('prosecutor.list.updated', { name: who }))
            }
          >
            {t('prosecutor.list.applyUpdate')}
            <span className="visually-hidden">: {who}</span>
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={removing}
          onClick={() => setRemoving((value) => !value)}
        >
          {t(proposed ? 'prosecutor.list.reject' : 'prosecutor.list.remove')}
          <span className="visually-hidden">: {who}</span>
        </button>
      </div>
      {removing && (
        <form className="form" noValidate onSubmit={(event) => void remove(event)} aria-busy={busy}>
          <TextAreaField
            id={reasonField.id}
            label={t(proposed ? 'prosecutor.list.rejectReason' : 'prosecutor.list.removeReason')}
            value={reason}
            onChange={setReason}
            error={errorOf(errors, reasonField.id)}
          />
          <button type="submit" className="button" aria-disabled={busy}>
            {t(proposed ? 'prosecutor.list.confirmReject' : 'prosecutor.list.confirmRemove')}
          </button>
        </form>
      )}
    </article>
  );
}
