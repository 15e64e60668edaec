/**
 * One declaration at its DPO's desk (L2007 arts 17-18; SPEC DCL-03, DCL-21, DCL-23..25, SEC-10):
 * what the configuration would declare today (the §3 preview, or the fields it lacks), how it
 * differs from the version last submitted, the versions and their way with the Commission, the
 * PDF exports, and the actions the server allows.
 */
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Declaration, DeclarationContent, DeclarationVersion } from '../../../contracts/declarations.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { saveFile } from '../../app/save-file.js';
import { useAction } from '../../app/use-action.js';
import { formatDate } from '../../i18n/format.js';
import { ScrollingTable } from '../rights/ScrollingTable.js';
import { DateActionForm, PaymentForm, RegisterNumberForm } from './ActionForms.js';
import { ContentPreview } from './ContentPreview.js';
import {
  acknowledgeVersion,
  completeVersion,
  downloadPreviewPdf,
  downloadVersionPdf,
  fetchDeclaration,
  fetchPreview,
  recordPayment,
  setRegisterNumber,
  submitDeclaration,
} from './declarations-api.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; declaration: Declaration; preview: DeclarationContent | undefined };

/** How a declaration is named on the page: the frameworks it covers, else its purpose set. */
export const declarationName = (declaration: {
  frameworks: readonly { frameworkName: string }[];
  purposes: readonly string[];
}): string =>
  declaration.frameworks.map((framework) => framework.frameworkName).join(', ') ||
  declaration.purposes.join('+');

function VersionActions({
  declaration,
  version,
  onSaved,
}: {
  declaration: Declaration;
  version: DeclarationVersion;
  onSaved(declaration: Declaration, done: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const x = 'declarations.versions';
  const prefix = `version-${version.number}`;
  return (
    <>
      {version.allowedActions.includes('acknowledge') && (
        <DateActionForm
          id={`${prefix}-acknowledged-on`}
          title={t(`${x}.acknowledge.title`, { number: version.number })}
          label={t(`${x}.acknowledge.label`)}
          field="acknowledgedOn"
          submit={t(`${x}.acknowledge.submit`)}
          send={(acknowledgedOn) => acknowledgeVersion(declaration.id, version.id, { acknowledgedOn })}
          onSaved={(saved) => onSaved(saved, t(`${x}.acknowledge.done`))}
        />
      )}
      {version.allowedActions.includes('record_payment') && (
        <PaymentForm
          id={`${prefix}-payment`}
          send={(body) => recordPayment(declaration.id, version.id, body)}
          onSaved={(saved) => onSaved(saved, t('declarations.payment.done'))}
        />
      )}
      {version.allowedActions.includes('complete') && (
        <DateActionForm
          id={`${prefix}-completed-on`}
          title={t(`${x}.complete.title`, { number: version.number })}
          label={t(`${x}.complete.label`)}
          field="completedOn"
          submit={t(`${x}.complete.submit`)}
          send={(completedOn) => completeVersion(declaration.id, version.id, { completedOn })}
          onSaved={(saved) => onSaved(saved, t(`${x}.complete.done`))}
        />
      )}
    </>
  );
}

export function DeclarationDetail({
  declarationId,
  headingRef,
  onChanged,
}: {
  declarationId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** Reloads the list and says on the page what was done. */
  onChanged(done: string): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const download = useAction();

  const reload = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const declaration = await fetchDeclaration(declarationId, signal);
        // The preview is refused while the configuration lacks a field: `generation.issues` names them.
        const preview = declaration.generation.ready ? await fetchPreview(declarationId, signal) : undefined;
        setLoad({ status: 'ready', declaration, preview });
      } catch (error) {
        if (!signal?.aborted) setLoad({ status: 'error', error });
      }
    },
    [declarationId],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const saved = async (_declaration: Declaration, done: string) => {
    await reload();
    await onChanged(done);
  };

  const savePdf = (file: () => Promise<{ blob: Blob; filename: string | undefined }>, fallback: string) =>
    download.run(async () => {
      const { blob, filename } = await file();
      saveFile(blob, filename ?? fallback);
      await onChanged(t('declarations.detail.pdfSaved'));
    });

  const x = 'declarations.detail';
  if (load.status !== 'ready') {
    return (
      <section className="panel" aria-labelledby="declaration-detail">
        <h2 id="declaration-detail" ref={headingRef} tabIndex={-1}>
          {t(`${x}.title`)}
        </h2>
        {load.status === 'loading' ? <p>{t('common.loading')}</p> : <ProblemAlert failure={load.error} />}
      </section>
    );
  }
  const { declaration, preview } = load;
  const name = declarationName(declaration);
  const { conformity, generation } = declaration;
  return (
    <section className="panel" aria-labelledby="declaration-detail">
      <h2 id="declaration-detail" ref={headingRef} tabIndex={-1}>
        {t(`${x}.titleOf`, { name })}
      </h2>
      <dl className="facts">
        <dt>{t('declarations.fields.status')}</dt>
        <dd>{t(`declarations.statuses.${declaration.status}`)}</dd>
        <dt>{t('declarations.fields.lifecycle')}</dt>
        <dd>{t(`declarations.lifecycles.${declaration.lifecycle}`)}</dd>
        <dt>{t('declarations.fields.registerNumber')}</dt>
        <dd>{declaration.registerNumber ?? t('declarations.fields.noRegisterNumber')}</dd>
        <dt>{t('declarations.fields.language')}</dt>
        <dd>{t(`declarations.languages.${declaration.language}`)}</dd>
        <dt>{t('declarations.fields.mode')}</dt>
        <dd>{t(`declarations.modes.${declaration.mode}`)}</dd>
        <dt>{t('declarations.fields.purposes')}</dt>
        <dd>{declaration.purposes.map((purpose) => t(`purposes.${purpose}`)).join('; ')}</dd>
      </dl>

      <ProblemAlert failure={download.failure} />

      <h3>{t(`${x}.conformity.title`)}</h3>
      {conformity.conforms === null ? (
        <p>{t(`${x}.conformity.notDeclared`)}</p>
      ) : conformity.conforms ? (
        <p>{t(`${x}.conformity.conforms`, { number: conformity.comparedWithVersion })}</p>
      ) : (
        <>
          <p>{t(`${x}.conformity.differs`, { number: conformity.comparedWithVersion })}</p>
          <ul>
            {conformity.differences.map((difference) => (
              <li key={`${difference.section}-${difference.item}`}>
                {t(`declarations.sections.${difference.section}`)}: {difference.label}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t(`${x}.preview.title`)}</h3>
      {generation.ready && preview ? (
        <>
          <p>{t(`${x}.preview.intro`)}</p>
          <button
            type="button"
            className="button"
            aria-disabled={download.busy}
            onClick={() =>
              void savePdf(() => downloadPreviewPdf(declaration.id), `declaration-${declaration.id}.pdf`)
            }
          >
            {t(`${x}.preview.pdf`)}
          </button>
          <ContentPreview content={preview} headingLevel={4} />
        </>
      ) : (
        <>
          <p>{t(`${x}.preview.notReady`)}</p>
          <ul>
            {generation.issues.map((issue) => (
              <li key={issue.field}>
                <code>{issue.field}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('declarations.versions.title')}</h3>
      {declaration.versions.length === 0 ? (
        <p>{t('declarations.versions.none')}</p>
      ) : (
        <ScrollingTable caption={t('declarations.versions.caption', { name })}>
          <thead>
            <tr>
              <th scope="col">{t('declarations.versions.number')}</th>
              <th scope="col">{t('declarations.versions.kind')}</th>
              <th scope="col">{t('declarations.versions.submittedOn')}</th>
              <th scope="col">{t('declarations.versions.status')}</th>
              <th scope="col">{t('declarations.versions.acknowledgement')}</th>
              <th scope="col">{t('declarations.versions.document')}</th>
            </tr>
          </thead>
          <tbody>
            {declaration.versions.map((version) => (
              <tr key={version.id}>
                <th scope="row">{version.number}</th>
                <td>{t(`declarations.versionKinds.${version.kind}`)}</td>
                <td>{formatDate(version.submittedOn, i18n.language)}</td>
                <td>{t(`declarations.statuses.${version.status}`)}</td>
                <td>
                  {version.acknowledgement.acknowledgedOn
                    ? formatDate(version.acknowledgement.acknowledgedOn, i18n.language)
                    : version.acknowledgement.overdue
                      ? t('declarations.versions.overdue')
                      : version.acknowledgement.dueOn
                        ? t('declarations.versions.dueOn', {
                            date: formatDate(version.acknowledgement.dueOn, i18n.language),
                          })
                        : '–'}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-disabled={download.busy}
                    onClick={() =>
                      void savePdf(
                        () => downloadVersionPdf(declaration.id, version.id),
                        `declaration-${declaration.id}-${version.number}.pdf`,
                      )
                    }
                  >
                    {t('declarations.versions.pdf', { number: version.number })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
      {declaration.versions.map((version) => (
        <VersionActions key={version.id} declaration={declaration} version={version} onSaved={saved} />
      ))}
      {declaration.allowedActions.includes('submit') && (
        <DateActionForm
          id="declaration-submitted-on"
          title={t('declarations.submit.title')}
          label={t('declarations.submit.label')}
          field="submittedOn"
          submit={t('declarations.submit.submit')}
          send={(submittedOn) => submitDeclaration(declaration.id, { submittedOn })}
          onSaved={(result) => saved(result, t('declarations.submit.done'))}
        />
      )}
      {declaration.allowedActions.includes('set_register_number') && (
        <RegisterNumberForm
          id="declaration-register-number"
          current={declaration.registerNumber}
          send={(registerNumber) => setRegisterNumber(declaration.id, { registerNumber })}
          onSaved={(result) => saved(result, t('declarations.registerNumber.done'))}
        />
      )}
    </section>
  );
}
