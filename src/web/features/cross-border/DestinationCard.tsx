/**
 * One destination of the transfer register (SPEC TRF-01, PEN-13): where the data are stored,
 * accessed or sent, its country and zone, the categories, the legal ground and what it records,
 * and whether a transfer there is allowed today, with the rule when it is not (a deny rule added
 * or an assessment withdrawn since it was registered). It is ended with the reason, never edited.
 */
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../contracts/cross-border.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { saveFile } from '../../app/save-file.js';
import { useAction } from '../../app/use-action.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { countryLabel } from './countries.js';
import { downloadClauses, endDestination } from './cross-border-api.js';
import { ReasonAction } from './ReasonAction.js';

function Standing({ destination }: { destination: Destination }) {
  const { t } = useTranslation();
  if (destination.ended) return <>{t('crossBorder.destination.standing.ended')}</>;
  if (destination.standing.allowed) return <>{t('crossBorder.destination.standing.allowed')}</>;
  const rules = [...new Set(destination.standing.issues.map((issue) => issue.rule))];
  return (
    <>
      <strong>
        {t(
          destination.standing.pendingDeclaration
            ? 'crossBorder.destination.standing.pendingDeclaration'
            : 'crossBorder.destination.standing.blocked',
        )}
      </strong>
      <ul className="plain-list">
        {rules.map((rule) => (
          <li key={rule}>{t('common.rule', { rule })}</li>
        ))}
      </ul>
    </>
  );
}

export function DestinationCard({
  destination,
  via,
  onChanged,
}: {
  destination: Destination;
  /** The name of the destination it works for, if any. */
  via: string | undefined;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const { busy, failure, run } = useAction();
  const headingId = `destination-${destination.id}`;
  const { basis } = destination;
  const when = (at: string) => formatDateTime(at, i18n.language);

  const saveClauses = () =>
    run(async () => {
      const file = await downloadClauses(destination.id);
      saveFile(file.blob, file.filename ?? `clauses-${destination.id}.pdf`);
    });

  return (
    <article className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>{destination.name}</h3>
      <dl className="facts">
        <dt>{t('crossBorder.destination.kind')}</dt>
        <dd>{t(`crossBorder.kinds.${destination.kind}`)}</dd>
        <dt>{t('crossBorder.destination.country')}</dt>
        <dd>
          {countryLabel(destination.country, i18n.language)} – {t(`crossBorder.zones.${destination.zone}`)}
        </dd>
        <dt>{t('crossBorder.destination.categories')}</dt>
        <dd>
          <ul className="plain-list">
            {destination.categories.map((category) => (
              <li key={category}>
                <span className="code">{category}</span> {t(`categories.${category}`)}
              </li>
            ))}
          </ul>
        </dd>
        {via && (
          <>
            <dt>{t('crossBorder.destination.via')}</dt>
            <dd>{via}</dd>
          </>
        )}
        {destination.operations && (
          <>
            <dt>{t('crossBorder.destination.operations')}</dt>
            <dd>{destination.operations}</dd>
          </>
        )}
        <dt>{t('crossBorder.destination.ground')}</dt>
        <dd>
          <span className="code">{destination.groundCode}</span>{' '}
          {t(`crossBorder.grounds.${destination.groundCode}`)}
        </dd>
        {basis.consent && (
          <>
            <dt>{t('crossBorder.basis.consent.title')}</dt>
            <dd>
              {basis.consent.reference} – {basis.consent.collectedBy},{' '}
              {formatDate(basis.consent.givenOn, i18n.language)}: {basis.consent.context}
            </dd>
          </>
        )}
        {basis.contractReference && (
          <>
            <dt>{t('crossBorder.basis.contractReference')}</dt>
            <dd>{basis.contractReference}</dd>
          </>
        )}
        {basis.legalReference && (
          <>
            <dt>{t('crossBorder.basis.legalReference')}</dt>
            <dd>{basis.legalReference}</dd>
          </>
        )}
        {basis.justification && (
          <>
            <dt>{t('crossBorder.basis.justification')}</dt>
            <dd>{basis.justification}</dd>
          </>
        )}
        {basis.royalDecreeReference && (
          <>
            <dt>{t('crossBorder.basis.royalDecreeReference')}</dt>
            <dd>{basis.royalDecreeReference}</dd>
          </>
        )}
        {basis.clauses && (
          <>
            <dt>{t('crossBorder.basis.clauses')}</dt>
            <dd className="hash">{basis.clauses.sha256}</dd>
          </>
        )}
        <dt>{t('crossBorder.destination.registered')}</dt>
        <dd>
          {destination.registeredBy}, {when(destination.registeredAt)}
        </dd>
        {destination.ended && (
          <>
            <dt>{t('crossBorder.destination.endedOn')}</dt>
            <dd>
              {destination.ended.by}, {when(destination.ended.at)}: {destination.ended.reason}
            </dd>
          </>
        )}
        <dt>{t('crossBorder.destination.standing.title')}</dt>
        <dd>
          <Standing destination={destination} />
        </dd>
      </dl>
      <ProblemAlert failure={failure} />
      <div className="button-row">
        {destination.allowedActions.includes('download_clauses') && (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={busy}
            onClick={() => void saveClauses()}
          >
            {t('crossBorder.destination.downloadClauses')}
            <span className="visually-hidden">: {destination.name}</span>
          </button>
        )}
        {destination.allowedActions.includes('end') && (
          <ReasonAction
            open={
              <>
                {t('crossBorder.destination.end')}
                <span className="visually-hidden">: {destination.name}</span>
              </>
            }
            title={t('crossBorder.destination.endTitle', { name: destination.name })}
            submit={async (reason) => {
              await endDestination(destination.id, reason);
            }}
            onDone={() => onChanged(t('crossBorder.destination.ended', { name: destination.name }))}
          />
        )}
      </div>
    </article>
  );
}
