/**
 * One paper part: what it holds (or why that is not shown), where it is, who keeps it, who holds
 * it, and whether it was destroyed; and what the reader may do to it, as the server says
 * (`allowedActions`: its holder's members only, SPEC ROL-09, SCO-09).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperPart } from '../../../../contracts/paper-parts.js';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { useAction } from '../../../app/use-action.js';
import { formatDate, formatDateTime } from '../../../i18n/format.js';
import { useCaseView } from '../case-view.js';
import { personName } from '../persons/person-name.js';
import { DestructionForm } from './DestructionForm.js';
import { PaperPartForm } from './PaperPartForm.js';
import { sharePaperPart } from './paper-parts-api.js';

type Panel = 'edit' | 'destruction';

export function PaperPartCard({ part }: { part: PaperPart }) {
  const { t, i18n } = useTranslation();
  const { kase, changed } = useCaseView();
  const [panel, setPanel] = useState<Panel>();
  const { busy, failure, run } = useAction();
  const can = (action: PaperPart['allowedActions'][number]) => part.allowedActions.includes(action);
  const persons = kase.persons.filter((person) => part.personIds.includes(person.id)).map(personName);
  const which = `${part.description ?? part.categories.join(', ')}, ${part.holder.legalName}`;
  const { building, room, cabinet } = part.location;
  const custodian = [part.custodian.user?.displayName, part.custodian.function].filter(Boolean).join(', ');
  const panelButton = (next: Panel, label: string) => (
    <button
      type="button"
      className="button button--secondary"
      aria-expanded={panel === next}
      onClick={() => setPanel((current) => (current === next ? undefined : next))}
    >
      {label}
      <span className="visually-hidden">: {which}</span>
    </button>
  );

  return (
    <article aria-label={which}>
      <p className="card__flags">
        {part.destruction && (
          <span className="badge badge--muted">{t('casePage.paperParts.destroyedBadge')}</span>
        )}
        {!part.shared && <span className="badge badge--muted">{t('casePage.paperParts.notShared')}</span>}
      </p>
      {part.restricted ? (
        <p className="placeholder">
          {t('casePage.paperParts.restricted', {
            categories: part.categories.map((code) => t(`categories.${code}`)).join('; '),
          })}
        </p>
      ) : (
        <>
          <h3 className="card__title">{part.description}</h3>
          <p className="item__content">{part.contentIndex}</p>
        </>
      )}
      <dl className="facts">
        <dt>{t('casePage.paperParts.categories')}</dt>
        <dd>{part.categories.map((code) => `${code} ${t(`categories.${code}`)}`).join('; ')}</dd>
        <dt>{t('casePage.paperParts.persons')}</dt>
        <dd>{persons.join('; ') || '—'}</dd>
        <dt>{t('casePage.paperParts.pageCount')}</dt>
        <dd>{part.pageCount ?? '—'}</dd>
        <dt>{t('casePage.paperParts.location')}</dt>
        <dd>{[building, room, cabinet].filter(Boolean).join(', ')}</dd>
        <dt>{t('casePage.paperParts.custodian')}</dt>
        <dd>{custodian || '—'}</dd>
        <dt>{t('casePage.paperParts.holder')}</dt>
        <dd>{part.holder.legalName}</dd>
        <dt>{t('casePage.paperParts.registered')}</dt>
        <dd>
          {part.registeredBy}, {formatDateTime(part.registeredAt, i18n.language)}
        </dd>
        <dt>{t('casePage.paperParts.version')}</dt>
        <dd>
          {part.version} ({formatDateTime(part.updatedAt, i18n.language)})
        </dd>
        {part.destruction && (
          <>
            <dt>{t('casePage.paperParts.destroyed')}</dt>
            <dd>
              {t('casePage.paperParts.destroyedOn', {
                date: formatDate(part.destruction.destroyedOn, i18n.language),
                name: part.destruction.confirmedBy,
                confirmedAt: formatDateTime(part.destruction.confirmedAt, i18n.language),
              })}{' '}
              {part.destruction.reason}
            </dd>
          </>
        )}
      </dl>
      <div className="button-row">
        {can('edit') && !part.restricted && panelButton('edit', t('casePage.paperParts.edit'))}
        {can('share') && (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={busy}
            onClick={() =>
              void run(async () => {
                await sharePaperPart(kase.id, part.id);
                await changed(t('casePage.paperParts.sharedMessage'));
              })
            }
          >
            {t('casePage.paperParts.share')}
            <span className="visually-hidden">: {which}</span>
          </button>
        )}
        {can('confirm_destruction') &&
          panelButton('destruction', t('casePage.paperParts.confirmDestruction'))}
      </div>
      <ProblemAlert failure={failure} />
      {panel === 'edit' && <PaperPartForm part={part} onDone={() => setPanel(undefined)} />}
      {panel === 'destruction' && <DestructionForm part={part} />}
    </article>
  );
}
