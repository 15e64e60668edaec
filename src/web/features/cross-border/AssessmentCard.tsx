/**
 * One adequacy assessment of the register (L2007 art. 21 §1 al. 2; SPEC TRF-02): its circumstances,
 * its conclusion and reviewer, the destinations in force that rest on it. It is withdrawn with the
 * reason once none does, never edited.
 */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdequacyAssessment } from '../../../contracts/cross-border.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { countryLabel } from './countries.js';
import { withdrawAssessment } from './cross-border-api.js';
import { ReasonAction } from './ReasonAction.js';

const TEXTS = [
  'dataNature',
  'purpose',
  'duration',
  'legalFramework',
  'professionalRules',
  'securityMeasures',
] as const;

export function AssessmentCard({
  assessment,
  usedBy,
  onChanged,
}: {
  assessment: AdequacyAssessment;
  /** The names of the destinations in force that rest on it. */
  usedBy: readonly string[];
  onChanged(message: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const headingId = `assessment-${assessment.id}`;
  const title = t('crossBorder.assessment.title', {
    country: countryLabel(assessment.finalDestinationCountry, i18n.language),
    date: formatDate(assessment.reviewedOn, i18n.language),
  });
  return (
    <article className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <dl className="facts">
        <dt>{t('crossBorder.assessment.conclusion')}</dt>
        <dd>
          <strong>{t(`crossBorder.assessment.conclusions.${assessment.conclusion}`)}</strong>
        </dd>
        <dt>{t('crossBorder.assessment.originCountry')}</dt>
        <dd>{countryLabel(assessment.originCountry, i18n.language)}</dd>
        {TEXTS.map((field) => (
          <Fragment key={field}>
            <dt>{t(`crossBorder.assessment.${field}`)}</dt>
            <dd>{assessment[field]}</dd>
          </Fragment>
        ))}
        <dt>{t('crossBorder.assessment.reviewer')}</dt>
        <dd>{assessment.reviewer}</dd>
        <dt>{t('crossBorder.assessment.recorded')}</dt>
        <dd>
          {assessment.recordedBy}, {formatDateTime(assessment.recordedAt, i18n.language)}
        </dd>
        <dt>{t('crossBorder.assessment.usedBy')}</dt>
        <dd>{usedBy.length === 0 ? t('crossBorder.assessment.usedByNone') : usedBy.join(', ')}</dd>
        {assessment.withdrawn && (
          <>
            <dt>{t('crossBorder.assessment.withdrawn')}</dt>
            <dd>
              {assessment.withdrawn.by}, {formatDateTime(assessment.withdrawn.at, i18n.language)}:{' '}
              {assessment.withdrawn.reason}
            </dd>
          </>
        )}
      </dl>
      {assessment.allowedActions.includes('withdraw') && (
        <ReasonAction
          open={
            <>
              {t('crossBorder.assessment.withdraw')}
              <span className="visually-hidden">: {title}</span>
            </>
          }
          title={t('crossBorder.assessment.withdrawTitle', { title })}
          submit={async (reason) => {
            await withdrawAssessment(assessment.id, reason);
          }}
          onDone={() => onChanged(t('crossBorder.assessment.withdrawnDone', { title }))}
        />
      )}
    </article>
  );
}
