/**
 * The controller's penal evidence on the DPO's compliance page (L1992 arts 38-39; SPEC PEN-01,
 * PEN-02, PEN-04..PEN-10): one download link per report and format, the art. 38 pack and the
 * access-request report over the period chosen here; and the trace of a leaked copy (PEN-21). The reports are read at the controller's
 * desk on the server, which audits each download.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../app/TextField.js';
import { COMPLIANCE_SECTIONS } from './indicator-view.js';
import { LeakTraceForm } from './LeakTraceForm.js';
import { defaultPeriod, PENAL_EVIDENCE_REPORTS, reportHref } from './penal-evidence-links.js';

export function PenalEvidenceSection() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState(() => defaultPeriod(new Date()));
  const x = 'compliance.penalEvidence';
  return (
    <section className="panel" aria-labelledby={COMPLIANCE_SECTIONS.penalEvidence}>
      <h2 id={COMPLIANCE_SECTIONS.penalEvidence} tabIndex={-1}>
        {t(`${x}.title`)}
      </h2>
      <p>{t(`${x}.intro`)}</p>
      <fieldset className="form__choice">
        <legend>{t(`${x}.period`)}</legend>
        <TextField
          id="penal-evidence-from"
          type="date"
          label={t(`${x}.from`)}
          value={period.from}
          onChange={(from) => setPeriod((p) => ({ ...p, from }))}
        />
        <TextField
          id="penal-evidence-to"
          type="date"
          label={t(`${x}.to`)}
          value={period.to}
          onChange={(to) => setPeriod((p) => ({ ...p, to }))}
        />
      </fieldset>
      <ul>
        {PENAL_EVIDENCE_REPORTS.map((report) => (
          <li key={report.key}>
            <strong>{t(`${x}.reports.${report.key}.title`)}</strong>
            {report.period && ` (${t(`${x}.overPeriod`)})`}
            <br />
            {t(`${x}.reports.${report.key}.description`)}
            <br />
            {report.formats.map((format, index) => (
              <span key={format}>
                {index > 0 && ' · '}
                <a href={reportHref(report, format, period, i18n.language)} download>
                  {t(`${x}.download`, {
                    report: t(`${x}.reports.${report.key}.title`),
                    format: format.toUpperCase(),
                  })}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
      <LeakTraceForm />
    </section>
  );
}
