/**
 * The transfer register of the DPO's controller (issue 6 scope 5; L2007 arts 21-22; L1992 arts 17
 * §6, 22 and 39; SPEC TRF-01..12, DCL-18, PEN-03, PEN-13): every place its data are stored,
 * accessed or sent, with the country, the categories and the legal ground, and whether a transfer
 * there is allowed today; a new destination; the adequacy assessments; the deny rules of the royal
 * decrees in force; what the declaration's §6 will say; the blocked-transfer log; and the export of
 * it all for the supervisory authority. The server decides who may see it (the DPO).
 */
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockedTransfer, CountryLists, TransferRegister } from '../../../contracts/cross-border.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { saveFile } from '../../app/save-file.js';
import { useAction } from '../../app/use-action.js';
import { AbroadPreview } from './AbroadPreview.js';
import { AssessmentCard } from './AssessmentCard.js';
import { AssessmentForm } from './AssessmentForm.js';
import { BlockedTransfersTable } from './BlockedTransfersTable.js';
import { countryLabel } from './countries.js';
import {
  downloadRegister,
  fetchBlockedTransfers,
  fetchCountries,
  fetchRegister,
} from './cross-border-api.js';
import { DenyRulesTable } from './DenyRulesTable.js';
import { DestinationCard } from './DestinationCard.js';
import { DestinationForm } from './DestinationForm.js';

interface Loaded {
  register: TransferRegister;
  blocked: BlockedTransfer[];
  countries: CountryLists;
}

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | ({ status: 'ready' } & Loaded);

export function TransferRegisterPage() {
  const { t, i18n } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);
  const exporting = useAction();

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      const [register, { blockedTransfers }, countries] = await Promise.all([
        fetchRegister(signal),
        fetchBlockedTransfers(signal),
        fetchCountries(signal),
      ]);
      setLoad({ status: 'ready', register, blocked: blockedTransfers, countries });
    } catch (error) {
      if (!signal?.aborted) setLoad({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const changed = useCallback(
    async (done: string) => {
      await reload();
      setMessage(done);
      statusRef.current?.focus();
    },
    [reload],
  );

  const exportRegister = () =>
    exporting.run(async () => {
      const file = await downloadRegister();
      saveFile(file.blob, file.filename ?? 'transfer-register.json');
      setMessage(t('crossBorder.export.done'));
    });

  return (
    <>
      <PageHeading title={t('crossBorder.title')} />
      <p className="intro">{t('crossBorder.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {load.status === 'ready' && (
        <RegisterSections
          loaded={load}
          language={i18n.language}
          onChanged={changed}
          onRefused={() => reload()}
          exportButton={
            <>
              <ProblemAlert failure={exporting.failure} />
              <button
                type="button"
                className="button"
                aria-disabled={exporting.busy}
                onClick={() => void exportRegister()}
              >
                {t('crossBorder.export.button')}
              </button>
            </>
          }
        />
      )}
    </>
  );
}

function RegisterSections({
  loaded: { register, blocked, countries },
  language,
  onChanged,
  onRefused,
  exportButton,
}: {
  loaded: Loaded;
  language: string;
  onChanged(message: string): Promise<void>;
  onRefused(): Promise<void>;
  exportButton: ReactNode;
}) {
  const { t } = useTranslation();
  const names = new Map(register.destinations.map((destination) => [destination.id, destination.name]));
  const inForce = register.destinations.filter((destination) => destination.ended === null);
  const ended = register.destinations.filter((destination) => destination.ended !== null);
  const card = (destination: TransferRegister['destinations'][number]) => (
    <DestinationCard
      key={destination.id}
      destination={destination}
      via={destination.viaDestinationId ? names.get(destination.viaDestinationId) : undefined}
      onChanged={onChanged}
    />
  );
  return (
    <>
      <section className="panel" aria-labelledby="transfer-register-controller">
        <h2 id="transfer-register-controller">{register.controller.legalName}</h2>
        <p>
          {t('crossBorder.controller.established', {
            country: countryLabel(register.controller.establishmentCountry, language),
          })}
        </p>
        <p>{t('crossBorder.export.intro')}</p>
        {exportButton}
      </section>
      <section className="panel" aria-labelledby="transfer-register-destinations">
        <h2 id="transfer-register-destinations">{t('crossBorder.destinations.title')}</h2>
        {inForce.length === 0 ? <p>{t('crossBorder.destinations.none')}</p> : inForce.map(card)}
        {ended.length > 0 && (
          <>
            <h3>{t('crossBorder.destinations.ended')}</h3>
            {ended.map(card)}
          </>
        )}
      </section>
      <DestinationForm
        register={register}
        countries={countries}
        onRegistered={(name) => onChanged(t('crossBorder.destinationForm.done', { name }))}
        onRefused={onRefused}
      />
      <section className="panel" aria-labelledby="transfer-register-assessments">
        <h2 id="transfer-register-assessments">{t('crossBorder.assessments.title')}</h2>
        <p>{t('crossBorder.assessments.intro')}</p>
        {register.adequacyAssessments.length === 0 ? (
          <p>{t('crossBorder.assessments.none')}</p>
        ) : (
          register.adequacyAssessments.map((assessment) => (
            <AssessmentCard
              key={assessment.id}
              assessment={assessment}
              usedBy={assessment.usedBy.map((id) => names.get(id) ?? id)}
              onChanged={onChanged}
            />
          ))
        )}
        <AssessmentForm
          countries={countries}
          origin={register.controller.establishmentCountry}
          onRecorded={() => onChanged(t('crossBorder.assessmentForm.done'))}
        />
      </section>
      <section className="panel" aria-labelledby="transfer-register-deny-rules">
        <h2 id="transfer-register-deny-rules">{t('crossBorder.denyRules.title')}</h2>
        <p>{t('crossBorder.denyRules.intro')}</p>
        {register.denyRules.length === 0 ? (
          <p>{t('crossBorder.denyRules.none')}</p>
        ) : (
          <DenyRulesTable rules={register.denyRules} caption={t('crossBorder.denyRules.caption')} />
        )}
      </section>
      <section className="panel" aria-labelledby="transfer-register-abroad">
        <h2 id="transfer-register-abroad">{t('crossBorder.abroad.title')}</h2>
        <p>{t('crossBorder.abroad.intro')}</p>
        <AbroadPreview abroad={register.abroad} />
      </section>
      <section className="panel" aria-labelledby="transfer-register-blocked">
        <h2 id="transfer-register-blocked">{t('crossBorder.blocked.title')}</h2>
        <p>{t('crossBorder.blocked.intro')}</p>
        <BlockedTransfersTable blocked={blocked} />
      </section>
    </>
  );
}
