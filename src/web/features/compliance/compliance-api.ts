/** The compliance module's API (SPEC SCO-08, SCO-12, SEC-03, SEC-04) and the statistics (PUR-03), as the web app uses them. */
import type {
  ComplianceOwner,
  Dashboard,
  FederalUseGate,
  ImportNormSet,
  NormSet,
  NormSetList,
  RecordRestoreTest,
  RecordSecurityPlanReview,
  RestoreTestList,
  SecurityPlanReviewList,
  SetControlStatus,
} from '../../../contracts/compliance.js';
import type { FrameworkStatistics, StatisticsFrameworkList } from '../../../contracts/statistics.js';
import { api } from '../../app/api.js';

const BASE = '/api/compliance';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const id = (value: string): string => encodeURIComponent(value);

export const fetchDashboard = (signal?: AbortSignal): Promise<Dashboard> =>
  api<Dashboard>('GET', `${BASE}/dashboard`, withSignal(signal));

export const designateOwner = (userId: string): Promise<ComplianceOwner> =>
  api<ComplianceOwner>('PUT', `${BASE}/owner`, { body: { userId } });

export const fetchPlanReviews = (signal?: AbortSignal): Promise<SecurityPlanReviewList> =>
  api<SecurityPlanReviewList>('GET', `${BASE}/security-plan-reviews`, withSignal(signal));

export const recordPlanReview = (body: RecordSecurityPlanReview): Promise<SecurityPlanReviewList> =>
  api<SecurityPlanReviewList>('POST', `${BASE}/security-plan-reviews`, { body });

export const fetchRestoreTests = (signal?: AbortSignal): Promise<RestoreTestList> =>
  api<RestoreTestList>('GET', `${BASE}/restore-tests`, withSignal(signal));

export const recordRestoreTest = (body: RecordRestoreTest): Promise<RestoreTestList> =>
  api<RestoreTestList>('POST', `${BASE}/restore-tests`, { body });

export const fetchFederalUseGate = (signal?: AbortSignal): Promise<FederalUseGate> =>
  api<FederalUseGate>('GET', `${BASE}/federal-use-gate`, withSignal(signal));

export const fetchNormSets = (signal?: AbortSignal): Promise<NormSetList> =>
  api<NormSetList>('GET', `${BASE}/norm-sets`, withSignal(signal));

export const importNormSet = (body: ImportNormSet): Promise<NormSet> =>
  api<NormSet>('POST', `${BASE}/norm-sets`, { body });

export const assessControl = (
  normSetId: string,
  controlId: string,
  body: SetControlStatus,
): Promise<NormSet> =>
  api<NormSet>('PUT', `${BASE}/norm-sets/${id(normSetId)}/controls/${id(controlId)}/status`, { body });

export const fetchStatisticsFrameworks = (signal?: AbortSignal): Promise<StatisticsFrameworkList> =>
  api<StatisticsFrameworkList>('GET', '/api/statistics/frameworks', withSignal(signal));

export const fetchFrameworkStatistics = (
  frameworkId: string,
  signal?: AbortSignal,
): Promise<FrameworkStatistics> =>
  api<FrameworkStatistics>('GET', `/api/statistics/frameworks/${id(frameworkId)}`, withSignal(signal));
