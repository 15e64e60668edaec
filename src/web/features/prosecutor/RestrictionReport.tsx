/**
 * The restriction report (SPEC RGT-RST-02..07, RST-10): the justification, every ground with its
 * article and its label in French, Dutch and English as the server prints them, both legal bases
 * when cited, and the history of its reviews.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestrictionReport as Report } from '../../../contracts/restrictions.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { fetchRestrictionReport } from './prosecutor-api.js';

const LABEL_LANGUAGES = ['fr', 'nl', 'en'] as const;

export function RestrictionReport({ restrictionId, who }: { restrictionId: string; who: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [report, setReport] = useState<Report>();
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    let current = true;
    fetchRestrictionReport(restrictionId).then(
      (value) => current && setReport(value),
      (error: unknown) => current && setFailure(error),
    );
    return () => {
      current = false;
    };
  }, [restrictionId]);

  const restriction = report?.restriction;
  return (
    <section className="subpanel" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('prosecutor.report.title', { name: who })}</h4>
      <ProblemAlert failure={failure} />
      {!report && failure === undefined && <p>{t('common.loading')}</p>}
      {report && restriction && (
        <>
          <p className="form__hint">
            {t('prosecutor.report.generatedAt', { date: formatDateTime(report.generatedAt, i18n.language) })}
          </p>
          <dl className="facts">
            <dt>{t('prosecutor.report.office')}</dt>
            <dd>{restriction.office.legalName}</dd>
            <dt>{t('prosecutor.report.justification')}</dt>
            <dd className="item__content">{restriction.justification}</dd>
            <dt>{t('prosecutor.report.legalBases')}</dt>
            <dd>
              <ul className="plain-list">
                {restriction.legalBases.map((basis) => (
                  <li key={basis.code}>{basis.citation}</li>
                ))}
              </ul>
            </dd>
          </dl>
          <div className="table-scroll">
            <table className="table">
              <caption>{t('prosecutor.report.groundsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('prosecutor.report.ground')}</th>
                  <th scope="col">{t('prosecutor.report.rule')}</th>
                  {LABEL_LANGUAGES.map((language) => (
                    <th key={language} scope="col">
                      {t(`prosecutor.report.labels.${language}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {restriction.grounds.map((ground) => (
                  <tr key={ground.code}>
                    <th scope="row">{ground.code}</th>
                    <td>{ground.rule}</td>
                    {LABEL_LANGUAGES.map((language) => (
                      <td key={language} lang={language}>
                        {ground.label[language]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll">
            <table className="table">
              <caption>{t('prosecutor.report.reviewsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('prosecutor.report.decidedAt')}</th>
                  <th scope="col">{t('prosecutor.report.decision')}</th>
                  <th scope="col">{t('prosecutor.report.rights')}</th>
                  <th scope="col">{t('prosecutor.report.reviewOn')}</th>
                  <th scope="col">{t('prosecutor.report.reason')}</th>
                  <th scope="col">{t('prosecutor.report.decidedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {restriction.reviews.map((review) => (
                  <tr key={review.version}>
                    <th scope="row">{formatDateTime(review.decidedAt, i18n.language)}</th>
                    <td>{t(`prosecutor.report.decisions.${review.decision}`)}</td>
                    <td>{review.rights.map((right) => t(`prosecutor.rights.${right}`)).join(', ')}</td>
                    <td>{formatDate(review.reviewOn, i18n.language)}</td>
                    <td>{review.reason ?? '—'}</td>
                    <td>{review.decidedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
