/**
 * The operator's view of the instance's security evidence (SPEC SEC-03, SCO-08; L2007 art. 16 §4
 * binds the processor too): the reviews of the security plan and risk assessment, the restore tests,
 * and the federal-use gate with its four conditions. The server decides who reads and records them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  FederalUseGate,
  RestoreTestList,
  SecurityPlanReviewList,
} from '../../../contracts/compliance.js';
import { PageHeading } from '../../app/PageHeading.js';
import { fetchFederalUseGate, fetchPlanReviews, fetchRestoreTests } from './compliance-api.js';
import { FederalGateSection } from './FederalGateSection.js';
import { PlanReviewsSection } from './PlanReviewsSection.js';
import { RestoreTestsSection } from './RestoreTestsSection.js';
import { type Part, settle } from './settled.js';

interface Loaded {
  gate: Part<FederalUseGate>;
  reviews: Part<SecurityPlanReviewList>;
  tests: Part<RestoreTestList>;
}

export function SecurityEvidencePage() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>();
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (signal?: AbortSignal) => {
    const [gate, reviews, tests] = await Promise.all([
      settle(fetchFederalUseGate(signal)),
      settle(fetchPlanReviews(signal)),
      settle(fetchRestoreTests(signal)),
    ]);
    if (!signal?.aborted) setLoaded({ gate, reviews, tests });
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
      <PageHeading title={t('compliance.evidencePage.title')} />
      <p className="intro">{t('compliance.evidencePage.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {!loaded && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      {loaded && (
        <>
          <FederalGateSection gate={loaded.gate} />
          <PlanReviewsSection reviews={loaded.reviews} onChanged={changed} />
          <RestoreTestsSection tests={loaded.tests} onChanged={changed} />
        </>
      )}
    </>
  );
}
