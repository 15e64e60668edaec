/**
 * The compliance dashboard of the DPO's controller (issue 6 scope 8; SPEC SCO-12, SEC-03, SEC-04,
 * SCO-08, PUR-03; PEN-01..10): its indicators, its compliance owner, the instance's security
 * evidence (plan reviews, restore tests) and federal-use gate, its norm checklists, its statistics
 * per framework, and the download links of its penal evidence (the DPO's only). Each part is loaded on its own: the compliance owner's account reads the dashboard and
 * the checklists, not the instance's evidence, and sees that part refused rather than the page.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Dashboard,
  FederalUseGate,
  NormSetList,
  RestoreTestList,
  SecurityPlanReviewList,
} from '../../../contracts/compliance.js';
import type { StatisticsFrameworkList } from '../../../contracts/statistics.js';
import { useAuth } from '../../app/auth.js';
import { PageHeading } from '../../app/PageHeading.js';
import { ProblemAlert } from '../../app/ProblemAlert.js';
import { ComplianceOwnerSection } from './ComplianceOwnerSection.js';
import {
  fetchDashboard,
  fetchFederalUseGate,
  fetchNormSets,
  fetchPlanReviews,
  fetchRestoreTests,
  fetchStatisticsFrameworks,
} from './compliance-api.js';
import { keepsComplianceDashboard } from './compliance-roles.js';
import { FederalGateSection } from './FederalGateSection.js';
import { IndicatorCards } from './IndicatorCards.js';
import { NormSetsSection } from './NormSetsSection.js';
import { PenalEvidenceSection } from './PenalEvidenceSection.js';
import { PlanReviewsSection } from './PlanReviewsSection.js';
import { RestoreTestsSection } from './RestoreTestsSection.js';
import { type Part, settle } from './settled.js';
import { StatisticsSection } from './StatisticsSection.js';

interface Loaded {
  dashboard: Part<Dashboard>;
  reviews: Part<SecurityPlanReviewList>;
  tests: Part<RestoreTestList>;
  gate: Part<FederalUseGate>;
  normSets: Part<NormSetList>;
  frameworks: Part<StatisticsFrameworkList>;
}

async function loadAll(signal?: AbortSignal): Promise<Loaded> {
  const [dashboard, reviews, tests, gate, normSets, frameworks] = await Promise.all([
    settle(fetchDashboard(signal)),
    settle(fetchPlanReviews(signal)),
    settle(fetchRestoreTests(signal)),
    settle(fetchFederalUseGate(signal)),
    settle(fetchNormSets(signal)),
    settle(fetchStatisticsFrameworks(signal)),
  ]);
  return { dashboard, reviews, tests, gate, normSets, frameworks };
}

export function ComplianceDashboardPage() {
  const { t } = useTranslation();
  const { state } = useAuth();
  const session = state.status === 'signed_in' ? state.session : undefined;
  const [loaded, setLoaded] = useState<Loaded>();
  const [message, setMessage] = useState<string>();
  const statusRef = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (signal?: AbortSignal) => {
    const parts = await loadAll(signal);
    if (!signal?.aborted) setLoaded(parts);
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

  const dashboard = loaded?.dashboard;
  return (
    <>
      <PageHeading title={t('compliance.title')} />
      <p className="intro">{t('compliance.intro')}</p>
      <div role="status" ref={statusRef} tabIndex={-1} className="status-message">
        {!loaded && <p>{t('common.loading')}</p>}
        {message && <p className="notice">{message}</p>}
      </div>
      {dashboard && !dashboard.ok && <ProblemAlert failure={dashboard.error} />}
      {loaded && (
        <>
          {dashboard?.ok && (
            <>
              <IndicatorCards dashboard={dashboard.value} />
              <ComplianceOwnerSection
                controller={dashboard.value.controller}
                ownUserId={session?.userId ?? ''}
                mayDesignate={session !== undefined && keepsComplianceDashboard(session)}
                onChanged={changed}
              />
            </>
          )}
          <PlanReviewsSection reviews={loaded.reviews} onChanged={changed} />
          <RestoreTestsSection tests={loaded.tests} onChanged={changed} />
          <FederalGateSection gate={loaded.gate} />
          <NormSetsSection normSets={loaded.normSets} onChanged={changed} />
          <StatisticsSection frameworks={loaded.frameworks} />
          {/* L1992 arts 38-39 (SPEC PEN-01..10): the controller's evidence, its DPO's to produce. */}
          {session !== undefined && keepsComplianceDashboard(session) && <PenalEvidenceSection />}
        </>
      )}
    </>
  );
}
