/**
 * One information item: its content (or why it is not shown), controller, provenance, author,
 * phase and flags, its versions, and what the reader may do to it. Only the controller's users
 * edit, confirm, block, release or erase it (bill art. 3 §1 al. 2; SPEC ROL-09, DAT-22, SEC-11);
 * others ask the controller for a correction.
 */
import { useState } from 'react';
import { ProblemAlert } from '../../../app/ProblemAlert.js';
import { useAction } from '../../../app/use-action.js';
import { useTranslation } from 'react-i18next';
import { JUDICIAL_DATA_TAGS, type Item } from '../../../../contracts/items.js';
import { formatDateTime } from '../../../i18n/format.js';
import { verifyItem } from '../cases-api.js';
import { useCaseView } from '../case-view.js';
import { personName } from '../persons/person-name.js';
import { ContestedBadge } from './ContestedBadge.js';
import { type Change, ItemChangeForm } from './ItemChangeForm.js';
import { SPECIAL_CATEGORIES } from './item-draft.js';
import { ItemReviewFacts } from './ItemReviewFacts.js';
import { ItemVersions } from './ItemVersions.js';
import { type RestrictionFlag, RestrictionFlagBadge } from './RestrictionFlagBadge.js';

type Panel = 'versions' | Change;

export function ItemCard({
  item,
  restrictionFlag,
}: {
  item: Item;
  restrictionFlag?: RestrictionFlag | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { kase, organisationId, can, changed } = useCaseView();
  const [panel, setPanel] = useState<Panel>();
  const { busy, failure, run } = useAction();
  const category = t(`categories.${item.category}`);
  // DAT-23: what the item reveals of L1992 art. 6 is shown, like its category, to every reader.
  const revealed = item.revealsSensitive.map((code) => t(`sensitiveRevelations.${code}`)).join('; ');
  const restrictedWhat = revealed && !SPECIAL_CATEGORIES.includes(item.category) ? revealed : category;
  const persons = kase.persons.filter((person) => item.personIds.includes(person.id)).map(personName);
  const controller = item.controller.id === organisationId;
  const changeable = controller && can('contribute') && !item.erased;
  const which = `${item.category}, ${item.controller.legalName}, ${formatDateTime(item.createdAt, i18n.language)}`;
  const toggle = (next: Panel) => setPanel((current) => (current === next ? undefined : next));
  const panelButton = (next: Panel, label: string) => (
    <button
      type="button"
      className="button button--secondary"
      aria-expanded={panel === next}
      onClick={() => toggle(next)}
    >
      {label}
      <span className="visually-hidden">: {which}</span>
    </button>
  );

  return (
    <article aria-label={which}>
      <p className="card__flags">
        <ContestedBadge contested={item.contested} />
        <RestrictionFlagBadge flag={restrictionFlag} />
        {item.special && <span className="badge badge--special">{t('casePage.items.special')}</span>}
        {item.geneticOrBiometric && <span className="badge">{t('casePage.items.geneticOrBiometric')}</span>}
        {item.secretOfInvestigation && (
          <span className="badge badge--secret">{t('casePage.items.secret')}</span>
        )}
        {item.judicial && <span className="badge">{t('casePage.items.judicial')}</span>}
        {item.criminalRelated && <span className="badge">{t('casePage.items.criminalRelated')}</span>}
        {(item.review?.due || item.erasureReview?.overdue) && (
          <span className="badge badge--overdue">
            {item.review?.due ? t('casePage.items.reviewDueBadge') : t('casePage.items.erasureReviewOverdueBadge')}
          </span>
        )}
        {kase.relation === 'compartment' && !item.shared && (
          <span className="badge badge--muted">{t('casePage.items.notShared')}</span>
        )}
      </p>
      {item.erased ? (
        <p className="placeholder">{t('casePage.items.erased')}</p>
      ) : item.blocked ? (
        <p className="placeholder">
          {t('casePage.items.blocked', {
            reason: t(`blockingReasons.${item.blocked.reason}`),
            date: formatDateTime(item.blocked.at, i18n.language),
          })}
        </p>
      ) : item.restricted ? (
        <p className="placeholder">{t('casePage.items.restricted', { category: restrictedWhat })}</p>
      ) : (
        <p className="item__content">{item.content}</p>
      )}
      <dl className="facts">
        <dt>{t('casePage.items.persons')}</dt>
        <dd>{persons.join('; ') || '—'}</dd>
        <dt>{t('casePage.items.controller')}</dt>
        <dd>{item.controller.legalName}</dd>
        <dt>{t('casePage.items.author')}</dt>
        <dd>
          {item.author}, {formatDateTime(item.createdAt, i18n.language)}
        </dd>
        <dt>{t('casePage.items.provenance')}</dt>
        <dd>
          {t(`provenances.${item.provenance.kind}`)}
          {item.provenance.kind === 'already_held' &&
            item.provenance.sourceReference &&
            ` (${item.provenance.sourceReference})`}
        </dd>
        <dt>{t('casePage.items.phase')}</dt>
        <dd>{t(`itemPhases.${item.phase}`)}</dd>
        {item.relevance && (
          <>
            <dt>{t('casePage.items.relevance')}</dt>
            <dd>{item.relevance}</dd>
          </>
        )}
        {revealed && (
          <>
            <dt>{t('casePage.items.revealsSensitive')}</dt>
            <dd>{revealed}</dd>
          </>
        )}
        {item.specialGround && (
          <>
            <dt>{t('casePage.items.exception')}</dt>
            <dd>
              {item.specialGround.ground}) {item.specialGround.justification}
              {item.specialGround.lawCitation && ` (${item.specialGround.lawCitation})`}
            </dd>
          </>
        )}
        {item.details?.judicialSubtype && (
          <>
            <dt>{t('itemForm.judicialSubtype')}</dt>
            <dd>
              {t(`judicialSubtypes.${item.details.judicialSubtype}`)}
              {item.details.sourceReference && ` (${item.details.sourceReference})`}
            </dd>
          </>
        )}
        {item.details?.judicialDataTags && (
          <>
            <dt>{t('itemForm.judicialDataTags')}</dt>
            <dd>
              {item.details.judicialDataTags
                .map((tag) => `${JUDICIAL_DATA_TAGS.indexOf(tag) + 1}° ${t(`judicialDataTags.${tag}`)}`)
                .join('; ')}
            </dd>
          </>
        )}
        {(item.details?.healthProfessional || item.details?.healthException) && (
          <>
            <dt>{t('itemForm.health.legend')}</dt>
            <dd>
              {item.details.healthProfessional
                ? `${item.details.healthProfessional.name} (${item.details.healthProfessional.registration})`
                : t(`healthExceptions.${item.details.healthException!}`)}
            </dd>
          </>
        )}
        {item.secretOfInvestigation && (
          <>
            <dt>{t('casePage.items.secret')}</dt>
            <dd>{item.secretOfInvestigation.authorityReference}</dd>
          </>
        )}
        {item.judicial && (
          <>
            <dt>{t('casePage.items.judicial')}</dt>
            <dd>{item.judicial.reference}</dd>
          </>
        )}
        {item.lastVerifiedAt && (
          <>
            <dt>{t('casePage.items.lastVerified')}</dt>
            <dd>{formatDateTime(item.lastVerifiedAt, i18n.language)}</dd>
          </>
        )}
        <ItemReviewFacts item={item} />
        <dt>{t('casePage.items.version')}</dt>
        <dd>
          {item.version} ({formatDateTime(item.updatedAt, i18n.language)})
        </dd>
      </dl>
      <div className="button-row">
        {panelButton('versions', t('casePage.items.versions'))}
        {changeable && !item.restricted && !item.blocked && panelButton('edit', t('casePage.items.edit'))}
        {changeable && !item.blocked && (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={busy}
            onClick={() =>
              void run(async () => {
                await verifyItem(kase.id, item.id);
                await changed(t('casePage.items.verified'));
              })
            }
          >
            {t('casePage.items.verify')}
            <span className="visually-hidden">: {which}</span>
          </button>
        )}
        {changeable && !item.blocked && panelButton('block', t('casePage.items.block'))}
        {/* Only an item blocked as unlawfully obtained is released after review (SPEC SEC-11). */}
        {changeable && item.blocked?.reason === 'unlawfully_obtained' && panelButton('release', t('casePage.items.release'))}
        {changeable && panelButton('erase', t('casePage.items.erase'))}
        {!controller && !item.erased && panelButton('correction', t('casePage.items.requestCorrection'))}
      </div>
      <ProblemAlert failure={failure} />
      {panel === 'versions' && <ItemVersions item={item} />}
      {panel !== undefined && panel !== 'versions' && (
        <ItemChangeForm item={item} change={panel} onDone={() => setPanel(undefined)} />
      )}
    </article>
  );
}
