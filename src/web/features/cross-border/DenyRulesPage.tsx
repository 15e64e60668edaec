/**
 * The operator's deny-list console (L2007 art. 21 §2; SPEC TRF-03): the transfers royal decrees
 * forbid outside the Community, in force and repealed, a new one, and the repeal of one with the
 * reason. The list binds every controller; their DPOs read it on their transfer register. The
 * server decides who may change it (the platform operator).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountryLists, DenyRule } from '../../../contracts/cross-border.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { fetchCountries, fetchDenyRules } from './cross-border-api.js';
import { DenyRuleForm } from './DenyRuleForm.js';
import { DenyRulesTable } from './DenyRulesTable.js';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; rules: DenyRule[]; countries: CountryLists };

export function DenyRulesPage() {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (signal?: AbortSignal) => {
    try {
      const [{ denyRules }, countries] = await Promise.all([fetchDenyRules(signal), fetchCountries(signal)]);
      setLoad({ status: 'ready', rules: denyRules, countries });
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

  return (
    <>
      <PageHeading title={t('crossBorder.denyRules.pageTitle')} />
      <p className="intro">{t('crossBorder.denyRules.pageIntro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {load.status === 'loading' && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      <ProblemAlert failure={load.status === 'error' ? load.error : undefined} />
      {load.status === 'ready' && (
        <>
          <section className="panel" aria-labelledby="deny-rules-list">
            <h2 id="deny-rules-list">{t('crossBorder.denyRules.title')}</h2>
            {load.rules.length === 0 ? (
              <p>{t('crossBorder.denyRules.none')}</p>
            ) : (
              <DenyRulesTable
                rules={load.rules}
                caption={t('crossBorder.denyRules.captionAll')}
                onChanged={changed}
              />
            )}
          </section>
          <DenyRuleForm
            countries={load.countries}
            onAdded={(reference) => changed(t('crossBorder.denyRuleForm.done', { reference }))}
          />
        </>
      )}
    </>
  );
}
