/**
 * One part of a request at the desk (L2007 arts 10, 12; bill art. 7 al. 2; SPEC §9): its facts
 * and clocks, and what the desk does with it. The intake desk records the proof of identity
 * (RGT-ACC-02); the controller's desk compiles the access answer from its own data (RGT-ACC-01)
 * and carries out what it grants on its own items (RGT-REC-01); the desk that answers the part's
 * route records the answer (RGT-CRT-02); every recipient of the data is listed (RGT-CRT-03).
 */
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { RightsPart } from '../../../contracts/rights.js';
import { useAuth } from '../../app/auth.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { useAction } from '../../app/use-action.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { AccessAnswerSection } from './AccessAnswerSection.js';
import { AnswerForm } from './AnswerForm.js';
import { ChangeForm } from './ChangeForm.js';
import { DisclosuresSection } from './DisclosuresSection.js';
import { PartClock } from './PartClock.js';
import { verifyIdentity } from './rights-api.js';

function IdentityVerification({
  part,
  onChanged,
}: {
  part: RightsPart;
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const { busy, failure, run } = useAction();
  return (
    <div className="subpanel">
      <p>{t('rights.identity.intro')}</p>
      <ProblemAlert failure={failure} />
      <button
        type="button"
        className="button"
        aria-disabled={busy}
        onClick={() =>
          void run(async () => {
            await verifyIdentity(part.requestId);
            await onChanged(t('rights.identity.done'));
          })
        }
      >
        {t('rights.identity.verify')}
      </button>
    </div>
  );
}

interface PartDetailProps {
  part: RightsPart;
  /** After an action: the message to announce, and the part as the server now gives it, if it did. */
  onChanged(message: string, part?: RightsPart): Promise<void>;
  /** The page moves the focus here when a part is opened. */
  headingRef?: RefObject<HTMLHeadingElement | null>;
}

export function PartDetail({ part, onChanged, headingRef }: PartDetailProps) {
  const { t, i18n } = useTranslation();
  const { state } = useAuth();
  const deskId = state.status === 'signed_in' ? state.session.organisationId : undefined;
  const ownData = part.controller.id === deskId;
  const open = part.answeredAt === null && part.status !== 'routed';
  // bill art. 7 al. 2: on the prosecutor's route the office answers, not the controller.
  const answersHere = part.route === 'prosecutor' ? !ownData : ownData;
  const headingId = `part-${part.id}`;
  const answersWithData =
    ownData &&
    (part.kind === 'access' || part.kind === 'information') &&
    (part.route === 'standard' || part.route === 'prosecutor');
  const changes =
    ownData &&
    open &&
    part.route === 'standard' &&
    part.kind !== 'access' &&
    part.kind !== 'information' &&
    part.records.some((record) => record.type === 'item');

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('rights.detail.title', { name: part.requesterName })}
      </h2>
      <dl className="facts">
        <dt>{t('rights.queue.kind')}</dt>
        <dd>{t(`rights.kinds.${part.kind}`)}</dd>
        <dt>{t('rights.detail.controller')}</dt>
        <dd>{part.controller.legalName}</dd>
        <dt>{t('rights.queue.receivedAt')}</dt>
        <dd>{formatDateTime(part.receivedAt, i18n.language)}</dd>
        <dt>{t('rights.detail.datedOn')}</dt>
        <dd>{formatDate(part.datedOn, i18n.language)}</dd>
        <dt>{t('rights.detail.language')}</dt>
        <dd>{t(`rights.languages.${part.language}`)}</dd>
        <dt>{t('rights.queue.route')}</dt>
        <dd>
          {t(`rights.routes.${part.route}`)} ({part.routeReason})
        </dd>
        <dt>{t('rights.detail.identity')}</dt>
        <dd>
          {t(part.identityVerified ? 'rights.detail.identityVerified' : 'rights.detail.identityPending')}
        </dd>
        <dt>{t('rights.queue.clock')}</dt>
        <dd>{part.clock ? <PartClock clock={part.clock} part={part} /> : t('rights.clock.none')}</dd>
        {part.prosecutorClock && (
          <>
            <dt>{t('rights.queue.prosecutorClock')}</dt>
            <dd>
              <PartClock clock={part.prosecutorClock} part={part} />
            </dd>
          </>
        )}
        <dt>{t('rights.queue.status')}</dt>
        <dd>
          {t(`rights.statuses.${part.status}`)}
          {part.outcome && ` – ${t(`rights.outcomes.${part.outcome}`)}`}
          {part.answeredAt && ` (${formatDateTime(part.answeredAt, i18n.language)})`}
        </dd>
        <dt>{t('rights.detail.records')}</dt>
        <dd>{t('rights.detail.recordCount', { count: part.records.length })}</dd>
        {part.repeat && (
          <>
            <dt>{t('rights.detail.repeat')}</dt>
            <dd>{t(`rights.detail.repeatRecommendation.${part.repeat.recommendation}`)}</dd>
          </>
        )}
      </dl>
      {part.courtActionAdmissible && (
        <div className="banner banner--warning">
          <p>
            <strong>{t('rights.courtActionAdmissible')}</strong> {t('rights.detail.courtAction')}
          </p>
        </div>
      )}
      {!part.identityVerified && part.receivedHere && <IdentityVerification part={part} onChanged={onChanged} />}
      {answersWithData && <AccessAnswerSection part={part} onChanged={onChanged} />}
      {changes && <ChangeForm part={part} onChanged={onChanged} />}
      {open && answersHere && <AnswerForm part={part} onChanged={onChanged} />}
      <DisclosuresSection part={part} />
    </section>
  );
}
