/**
 * One restriction of the office (bill art. 7; SPEC RGT-RST-01..08): whose rights, in which case,
 * what it covers, the rights restricted, its grounds, its legal bases, its review date and where
 * it stands in words (escalated once the review date passed without a confirmation, RST-07);
 * then its review and its report.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../contracts/cases.js';
import type { Restriction } from '../../../contracts/restrictions.js';
import { Link } from '../../app/router.js';
import { formatDate } from '../../i18n/format.js';
import { brusselsDay } from '../rights/clock-words.js';
import { personIn } from './case-labels.js';
import { RestrictionReport } from './RestrictionReport.js';
import { ReviewForm } from './ReviewForm.js';
import { restrictionState, STATE_BADGE } from './restriction-state.js';

type Panel = 'review' | 'report';

export function RestrictionCard({
  restriction,
  kase,
  caseTitle,
  onChanged,
}: {
  restriction: Restriction;
  kase: CaseDetail | undefined;
  caseTitle: string | undefined;
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [panel, setPanel] = useState<Panel>();
  const who = personIn(kase, restriction.personId) ?? t('prosecutor.restrictions.personUnknown');
  const state = restrictionState(restriction, brusselsDay(new Date().toISOString()));
  const badge = STATE_BADGE[state];
  const headingId = `restriction-${restriction.id}`;
  const words = t(`prosecutor.restrictions.states.${state}`, {
    date: formatDate(restriction.reviewOn, i18n.language),
  });
  const toggle = (next: Panel) => setPanel((current) => (current === next ? undefined : next));
  return (
    <article className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('prosecutor.restrictions.itemTitle', { name: who })}</h3>
      <p>{badge ? <strong className={badge}>{words}</strong> : words}</p>
      <dl className="facts">
        <dt>{t('prosecutor.restrictions.case')}</dt>
        <dd>
          <Link to={`/cases/${restriction.caseId}`}>{caseTitle ?? kase?.title ?? restriction.caseId}</Link>
        </dd>
        <dt>{t('prosecutor.restrictions.scope')}</dt>
        <dd>
          {restriction.scope === 'person'
            ? t('prosecutor.scopes.person')
            : t('prosecutor.restrictions.selectedItems', { count: restriction.itemIds.length })}
        </dd>
        <dt>{t('prosecutor.restrictions.rights')}</dt>
        <dd>{restriction.rights.map((right) => t(`prosecutor.rights.${right}`)).join(', ')}</dd>
        <dt>{t('prosecutor.restrictions.grounds')}</dt>
        <dd>
          <ul className="plain-list">
            {restriction.grounds.map((ground) => (
              <li key={ground.code}>
                {ground.code} – {t(`prosecutor.grounds.${ground.code}`)} ({ground.rule})
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('prosecutor.restrictions.legalBases')}</dt>
        <dd>{restriction.legalBases.map((basis) => basis.citation).join('; ')}</dd>
        <dt>{t('prosecutor.restrictions.startsOn')}</dt>
        <dd>{formatDate(restriction.startsOn, i18n.language)}</dd>
        {restriction.liftedAt === null && (
          <>
            <dt>{t('prosecutor.restrictions.reviewOn')}</dt>
            <dd>{formatDate(restriction.reviewOn, i18n.language)}</dd>
          </>
        )}
        {restriction.endsOn && (
          <>
            <dt>{t('prosecutor.restrictions.endsOn')}</dt>
            <dd>{formatDate(restriction.endsOn, i18n.language)}</dd>
          </>
        )}
      </dl>
      <div className="button-row">
        {restriction.liftedAt === null && (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={panel === 'review'}
            onClick={() => toggle('review')}
          >
            {t('prosecutor.restrictions.review')}
            <span className="visually-hidden">: {who}</span>
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={panel === 'report'}
          onClick={() => toggle('report')}
        >
          {t('prosecutor.restrictions.report')}
          <span className="visually-hidden">: {who}</span>
        </button>
      </div>
      {panel === 'review' && (
        <ReviewForm
          restriction={restriction}
          kase={kase}
          who={who}
          onReviewed={async (message) => {
            setPanel(undefined);
            await onChanged(message);
          }}
        />
      )}
      {panel === 'report' && <RestrictionReport restrictionId={restriction.id} who={who} />}
    </article>
  );
}
