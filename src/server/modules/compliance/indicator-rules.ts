/**
 * The status of each indicator the compliance module delivers (SPEC SCO-12, SEC-03, SEC-04,
 * SCO-08), as pure functions over figures loaded in the dashboard's transaction. Red: a legal
 * duty is not met now (an overdue request, evidence out of date, a framework without what it
 * must have). Amber: something needs attention before it becomes red (a reminder day reached, a
 * control still to assess, nothing to show yet). Green otherwise.
 */
import type {
  ControlStatus,
  FederalUseGate,
  Indicator,
  IndicatorKey,
  IndicatorStatus,
} from '../../../contracts/compliance.js';
import { CONTROL_STATUSES } from '../../../contracts/compliance.js';
import { PURPOSE_CODES } from '../../../contracts/legal-codes.js';
import { INDICATOR_OWNERS } from './indicator-source.js';
import type { EvidenceStatus } from './security-evidence-rules.js';

/** Where the details of each indicator are served (the web app maps the resource to its screen). */
export const INDICATOR_LINKS = {
  frameworks: '/api/statistics/frameworks',
  rightsParts: '/api/rights-parts',
  securityPlanReviews: '/api/compliance/security-plan-reviews',
  restoreTests: '/api/compliance/restore-tests',
  normSets: '/api/compliance/norm-sets',
  federalUseGate: '/api/compliance/federal-use-gate',
} as const;

type Figures = Indicator['figures'];

const indicator = (
  key: IndicatorKey,
  status: IndicatorStatus,
  figures: Figures,
  link: string,
): Indicator => ({
  key,
  status,
  figures,
  link,
  rule: INDICATOR_OWNERS[key].rule,
});

/** An active framework the controller organises or takes part in, as the indicators read it. */
export interface ControllerFramework {
  purposes: readonly string[];
  processingBasisKind: string | null;
  retentionProblem: string | undefined;
}

/** CP art. 458ter §1 al. 2: each framework serves one or more of the three purposes (PUR-01). */
export function purposesIndicator(frameworks: readonly ControllerFramework[]): Indicator {
  const figures: Figures = { frameworks: frameworks.length };
  for (const code of PURPOSE_CODES)
    figures[code] = frameworks.filter((f) => f.purposes.includes(code)).length;
  const without = frameworks.filter((f) => f.purposes.length === 0).length;
  figures.withoutPurpose = without;
  const status = without > 0 ? 'red' : frameworks.length === 0 ? 'amber' : 'green';
  return indicator('purposes', status, figures, INDICATOR_LINKS.frameworks);
}

/** The controller's own ground (L2007 art. 5), its mission's basis, and each framework's processing basis (SCO-04). */
export function lawfulGroundsIndicator(
  controller: { lawfulGround: string; missionBasis: string | null; dpRegime: string },
  frameworks: readonly ControllerFramework[],
): Indicator {
  const withoutBasis = frameworks.filter((f) => f.processingBasisKind === null).length;
  const status: IndicatorStatus =
    controller.missionBasis === null || withoutBasis > 0
      ? 'red'
      : frameworks.length === 0
        ? 'amber'
        : 'green';
  return indicator(
    'lawful_grounds',
    status,
    {
      lawfulGround: controller.lawfulGround,
      missionBasis: controller.missionBasis,
      dpRegime: controller.dpRegime,
      frameworks: frameworks.length,
      frameworksWithoutProcessingBasis: withoutBasis,
    },
    INDICATOR_LINKS.frameworks,
  );
}

/** bill art. 3 §1 al. 1: a maximum retention agreed before the first consultation (FIL-01). */
export function retentionAgreementIndicator(frameworks: readonly ControllerFramework[]): Indicator {
  const without = frameworks.filter((f) => f.retentionProblem !== undefined).length;
  const status = without > 0 ? 'red' : frameworks.length === 0 ? 'amber' : 'green';
  return indicator(
    'retention_agreement',
    status,
    { frameworks: frameworks.length, withoutMaximumRetention: without },
    INDICATOR_LINKS.frameworks,
  );
}

/** One open part's clock as the dashboard counts it. */
export interface OpenPartClock {
  overdue: boolean;
  /** A reminder day of its clock is reached (RGT-ACC-03, RGT-RST-09). */
  reminderDue: boolean;
}

/** SCO-12: open and overdue requests; an overdue one turns the indicator red (highlighted). */
export function rightsRequestsIndicator(parts: readonly OpenPartClock[]): Indicator {
  const overdue = parts.filter((part) => part.overdue).length;
  const reminders = parts.filter((part) => !part.overdue && part.reminderDue).length;
  const status = overdue > 0 ? 'red' : reminders > 0 ? 'amber' : 'green';
  return indicator(
    'rights_requests',
    status,
    { open: parts.length, overdue, reminderDue: reminders },
    INDICATOR_LINKS.rightsParts,
  );
}

/** SEC-03: a review of the plan and risk assessment within the last 12 months. */
export function securityPlanIndicator(
  status: EvidenceStatus,
  latest: { planVersion: string; reviewedOn: string } | undefined,
): Indicator {
  return indicator(
    'security_plan',
    status.current ? 'green' : 'red',
    { planVersion: latest?.planVersion ?? null, reviewedOn: latest?.reviewedOn ?? null, dueOn: status.dueOn },
    INDICATOR_LINKS.securityPlanReviews,
  );
}

/**
 * SEC-03: a successful restore test within the last 12 months; a later failed test turns it amber
 * (the evidence stands, but the last attempt did not restore).
 */
export function restoreTestIndicator(
  status: EvidenceStatus,
  lastSuccessOn: string | undefined,
  latest: { testedOn: string; outcome: 'succeeded' | 'failed' } | undefined,
): Indicator {
  const value: IndicatorStatus = !status.current ? 'red' : latest?.outcome === 'failed' ? 'amber' : 'green';
  return indicator(
    'restore_test',
    value,
    {
      lastSucceededOn: lastSuccessOn ?? null,
      lastTestedOn: latest?.testedOn ?? null,
      lastOutcome: latest?.outcome ?? null,
      dueOn: status.dueOn,
    },
    INDICATOR_LINKS.restoreTests,
  );
}

/** SEC-04: every control of the imported norm sets assessed; a control not implemented is red. */
export function normChecklistIndicator(
  normSets: number,
  counts: Readonly<Record<ControlStatus, number>>,
): Indicator {
  const status: IndicatorStatus =
    counts.not_implemented > 0
      ? 'red'
      : normSets === 0 || counts.to_assess > 0 || counts.partially_implemented > 0
        ? 'amber'
        : 'green';
  const figures: Figures = { normSets };
  for (const value of CONTROL_STATUSES) figures[value] = counts[value];
  return indicator('norm_checklist', status, figures, INDICATOR_LINKS.normSets);
}

/** SCO-08: the instance's gate, with the conditions not met. */
export function federalGateIndicator(gate: FederalUseGate): Indicator {
  const unmet = gate.conditions.filter((c) => !c.met).map((c) => c.key);
  return indicator(
    'federal_use_gate',
    gate.status,
    { conditions: gate.conditions.length, unmet: unmet.length, unmetConditions: unmet.join(',') || null },
    INDICATOR_LINKS.federalUseGate,
  );
}

/** How many controls have each status. */
export function controlCounts(statuses: readonly ControlStatus[]): Record<ControlStatus, number> {
  const counts = Object.fromEntries(CONTROL_STATUSES.map((value) => [value, 0])) as Record<
    ControlStatus,
    number
  >;
  for (const value of statuses) counts[value]++;
  return counts;
}
