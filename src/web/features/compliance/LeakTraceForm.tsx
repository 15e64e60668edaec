/**
 * The trace of a leaked copy (CP art. 458ter §2 al. 1 → art. 458; SPEC PEN-21), on the DPO's
 * compliance page: the watermark read off the copy's pages (who exported it, when; SPEC SEC-14), or
 * the copy itself, whose SHA-256 is computed here in the browser — the file, which holds case
 * content, is never sent. The server lists the exports of the controller's items it names, each
 * with its disclose event in the audit log.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeakTrace } from '../../../contracts/penal-evidence.js';
import { api } from '../../app/api.js';
import { refusedFields } from '../../app/form-fields.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { TextField } from '../../app/TextField.js';
import { useAction } from '../../app/use-action.js';
import { formatDateTime } from '../../i18n/format.js';

async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function LeakTraceForm() {
  const { t, i18n } = useTranslation();
  const x = 'compliance.leakTrace';
  const [watermark, setWatermark] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [trace, setTrace] = useState<LeakTrace>();
  const { busy, failure, run } = useAction();
  const fields = refusedFields(failure, [
    { id: 'leak-watermark', paths: ['querystring.watermark'], message: t(`${x}.watermarkError`) },
  ]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const query = new URLSearchParams();
      if (watermark.trim() !== '') query.set('watermark', watermark.trim());
      if (file) query.set('sha256', await sha256Of(file));
      setTrace(await api<LeakTrace>('GET', `/api/penal-evidence/leak-trace?${query.toString()}`));
    });
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-labelledby="leak-trace-title">
      <h3 id="leak-trace-title">{t(`${x}.title`)}</h3>
      <p>{t(`${x}.intro`)}</p>
      <ProblemAlert failure={failure} fields={fields} />
      <TextField
        id="leak-watermark"
        label={t(`${x}.watermark`)}
        value={watermark}
        error={fields.find((error) => error.id === 'leak-watermark')?.message}
        onChange={setWatermark}
      />
      <div className="form__field">
        <label htmlFor="leak-file">{t(`${x}.file`)}</label>
        <input id="leak-file" type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </div>
      <button type="submit" className="button" aria-disabled={busy}>
        {t(`${x}.submit`)}
      </button>
      {trace && (
        <div role="status">
          {trace.matches.length === 0 ? (
            <p>{t(`${x}.none`)}</p>
          ) : (
            <table>
              <caption>{t(`${x}.caption`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(`${x}.exportedAt`)}</th>
                  <th scope="col">{t(`${x}.exportedBy`)}</th>
                  <th scope="col">{t(`${x}.transfer`)}</th>
                  <th scope="col">{t(`${x}.auditPosition`)}</th>
                </tr>
              </thead>
              <tbody>
                {trace.matches.map((match) => (
                  <tr key={match.exportId}>
                    <td>{formatDateTime(match.exportedAt, i18n.language)}</td>
                    <td>{match.exportedBy}</td>
                    <td>
                      {match.transferId} ({match.format.toUpperCase()})
                    </td>
                    <td>{match.auditPosition ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  );
}
