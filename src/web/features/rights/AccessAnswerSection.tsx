/**
 * The answer to a request for access (L2007 art. 10 §1 a)-d); SPEC RGT-ACC-01): the PDF in the
 * requester's language to send, and what it says, to read first. Both wait for the proof of
 * identity (RGT-ACC-02); each retrieval is logged by the server as an extraction of the data.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessAnswer, RightsPart } from '../../../contracts/rights.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { saveFile } from '../../app/save-file.js';
import { useAction } from '../../app/use-action.js';
import { formatDate } from '../../i18n/format.js';
import { accessAnswerPath, downloadAccessAnswer, fetchAccessAnswer } from './rights-api.js';
import { ScrollingTable } from './ScrollingTable.js';

function AccessAnswerSummary({ answer }: { answer: AccessAnswer }) {
  const { t, i18n } = useTranslation();
  const categoryOf = (code: string) =>
    answer.categories.find((category) => category.code === code)?.label ?? code;
  const list = (values: readonly { label: string }[]) =>
    values.length === 0 ? t('rights.answer.summary.none') : values.map((value) => value.label).join('; ');
  return (
    <>
      <dl className="facts">
        <dt>{t('rights.answer.summary.confirmation')}</dt>
        <dd>
          {t(answer.confirmation ? 'rights.answer.summary.processed' : 'rights.answer.summary.notProcessed')}
        </dd>
        <dt>{t('rights.answer.summary.purposes')}</dt>
        <dd>{list(answer.purposes)}</dd>
        <dt>{t('rights.answer.summary.categories')}</dt>
        <dd>{list(answer.categories)}</dd>
        <dt>{t('rights.answer.summary.recipients')}</dt>
        <dd>{list(answer.recipients)}</dd>
        <dt>{t('rights.answer.summary.automatedDecisions')}</dt>
        <dd>{answer.automatedDecisions}</dd>
        <dt>{t('rights.answer.summary.remedies')}</dt>
        <dd>
          <ul className="plain-list">
            {answer.remedies.map((remedy) => (
              <li key={remedy}>{remedy}</li>
            ))}
          </ul>
        </dd>
      </dl>
      {answer.data.length > 0 && (
        <ScrollingTable caption={t('rights.answer.summary.data')}>
          <thead>
            <tr>
              <th scope="col">{t('rights.answer.summary.category')}</th>
              <th scope="col">{t('rights.answer.summary.content')}</th>
              <th scope="col">{t('rights.answer.summary.origin')}</th>
              <th scope="col">{t('rights.answer.summary.recordedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.data.map((datum, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the data of an answer have no id; the list is never reordered
              <tr key={index}>
                <th scope="row">{categoryOf(datum.category)}</th>
                <td className="item__content">
                  {datum.content}
                  {datum.contested && (
                    <>
                      {' '}
                      <strong className="badge badge--contested">{datum.contested.label}</strong>
                    </>
                  )}
                </td>
                <td>{datum.origin ?? t('rights.answer.summary.none')}</td>
                <td>{formatDate(datum.recordedOn, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}

export function AccessAnswerSection({
  part,
  onChanged,
}: {
  part: RightsPart;
  onChanged(message: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const { busy, failure, run } = useAction();
  const [answer, setAnswer] = useState<AccessAnswer>();
  const headingId = `access-answer-${part.id}`;

  return (
    <section className="subpanel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('rights.answer.title')}</h3>
      {!part.identityVerified ? (
        <p>{t('rights.answer.waitsForIdentity')}</p>
      ) : (
        <>
          <ProblemAlert failure={failure} />
          <div className="button-row">
            <a
              className="button"
              href={accessAnswerPath(part.id, 'pdf')}
              download
              aria-disabled={busy}
              onClick={(event) => {
                event.preventDefault();
                void run(async () => {
                  const file = await downloadAccessAnswer(part.id);
                  saveFile(file.blob, file.filename ?? `access-answer-${part.id}.pdf`);
                  await onChanged(t('rights.answer.downloaded'));
                });
              }}
            >
              {t('rights.answer.downloadPdf')}
            </a>
            <button
              type="button"
              className="button button--secondary"
              aria-disabled={busy}
              aria-expanded={answer !== undefined}
              onClick={() =>
                void run(async () => {
                  setAnswer(answer ? undefined : await fetchAccessAnswer(part.id));
                })
              }
            >
              {t(answer ? 'rights.answer.hideSummary' : 'rights.answer.showSummary')}
            </button>
          </div>
          {answer && <AccessAnswerSummary answer={answer} />}
        </>
      )}
    </section>
  );
}
