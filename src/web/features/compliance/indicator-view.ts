/**
 * How the dashboard shows an indicator (SPEC SCO-12): where its details are in the web app (the
 * server gives the API resource), and how each figure reads. A figure the page does not know is
 * shown by its name and value, never left out: a module may add figures before the page words them.
 */
import { DP_REGIMES, LAWFUL_GROUNDS } from '../../../contracts/identity.js';
import { FEDERAL_GATE_CONDITIONS, type FederalGateCondition } from '../../../contracts/compliance.js';

/** A section of the compliance page itself, by its heading's id. */
export const COMPLIANCE_SECTIONS = {
  owner: 'compliance-owner',
  planReviews: 'compliance-plan-reviews',
  restoreTests: 'compliance-restore-tests',
  federalGate: 'compliance-federal-gate',
  normSets: 'compliance-norm-sets',
  statistics: 'compliance-statistics',
  penalEvidence: 'compliance-penal-evidence',
} as const;

export type IndicatorTarget = { kind: 'section'; id: string } | { kind: 'page'; to: string };

/** The API resources the indicators name, and the screen that shows them (the longest prefix wins). */
const TARGETS: readonly [string, IndicatorTarget][] = [
  ['/api/statistics/frameworks', { kind: 'section', id: COMPLIANCE_SECTIONS.statistics }],
  ['/api/compliance/security-plan-reviews', { kind: 'section', id: COMPLIANCE_SECTIONS.planReviews }],
  ['/api/compliance/restore-tests', { kind: 'section', id: COMPLIANCE_SECTIONS.restoreTests }],
  ['/api/compliance/norm-sets', { kind: 'section', id: COMPLIANCE_SECTIONS.normSets }],
  ['/api/compliance/federal-use-gate', { kind: 'section', id: COMPLIANCE_SECTIONS.federalGate }],
  ['/api/rights-parts', { kind: 'page', to: '/rights-desk' }],
  ['/api/processors', { kind: 'page', to: '/processors' }],
  ['/api/break-glass', { kind: 'page', to: '/break-glass' }],
  ['/api/interconnections', { kind: 'page', to: '/interconnections' }],
  ['/api/cross-border', { kind: 'page', to: '/transfer-register' }],
  ['/api/declarations', { kind: 'page', to: '/declarations' }],
  ['/api/retention', { kind: 'page', to: '/retention' }],
];

/** Where the details of an indicator are; undefined while no screen of the app shows that resource. */
export function indicatorTarget(link: string): IndicatorTarget | undefined {
  const path = link.split(/[?#]/)[0] ?? '';
  let best: [string, IndicatorTarget] | undefined;
  for (const entry of TARGETS) {
    const [prefix] = entry;
    const matches = path === prefix || path.startsWith(`${prefix}/`);
    if (matches && prefix.length > (best?.[0].length ?? -1)) best = entry;
  }
  return best?.[1];
}

/** The figures the page words (compliance/indicator-rules.ts and the modules' indicator sources). */
export const KNOWN_FIGURES = [
  'frameworks',
  'P1',
  'P2',
  'P3',
  'withoutPurpose',
  'lawfulGround',
  'missionBasis',
  'dpRegime',
  'frameworksWithoutProcessingBasis',
  'withoutMaximumRetention',
  'open',
  'overdue',
  'reminderDue',
  'planVersion',
  'reviewedOn',
  'dueOn',
  'lastSucceededOn',
  'lastTestedOn',
  'lastOutcome',
  'normSets',
  'to_assess',
  'implemented',
  'partially_implemented',
  'not_implemented',
  'not_applicable',
  'conditions',
  'unmet',
  'unmetConditions',
  'acknowledgement_overdue',
  'update_due',
  'risk_condition_open',
  'payment_missing',
  'framework_undeclared',
  'open_actions',
  'overdue_actions',
  'awaited_positions',
  'overdue_positions',
  'next_due_on',
  'processors',
  'not_approved',
  'found_non_compliant',
  'compliance_review_overdue',
  'security_plan_missing',
  'security_plan_review_overdue',
  'guarantee_expired',
  'past_end_unlisted',
  'past_end_on_legal_hold',
  'lists_awaiting_approval',
  'oldest_list_since',
  'paper_tasks_due',
  'necessity_reviews_due',
  'destinations',
  'abroad',
  'without_standing_basis',
  'refused_recently',
  'recent_days',
  'last_refused_on',
] as const;
export type KnownFigure = (typeof KNOWN_FIGURES)[number];

export const isKnownFigure = (name: string): name is KnownFigure =>
  (KNOWN_FIGURES as readonly string[]).includes(name);

/** How one figure's value reads. */
export type FigureValue =
  | { kind: 'none' }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: string }
  | { kind: 'outcome'; value: 'succeeded' | 'failed' }
  | { kind: 'lawfulGround'; value: (typeof LAWFUL_GROUNDS)[number] }
  | { kind: 'dpRegime'; value: (typeof DP_REGIMES)[number] }
  | { kind: 'conditions'; value: FederalGateCondition[] }
  | { kind: 'text'; value: string };

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

export function figureValue(name: string, value: number | string | null): FigureValue {
  if (value === null)
    return name === 'unmetConditions' ? { kind: 'conditions', value: [] } : { kind: 'none' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (name === 'lastOutcome' && (value === 'succeeded' || value === 'failed'))
    return { kind: 'outcome', value };
  if (name === 'lawfulGround' && oneOf(LAWFUL_GROUNDS, value)) return { kind: 'lawfulGround', value };
  if (name === 'dpRegime' && oneOf(DP_REGIMES, value)) return { kind: 'dpRegime', value };
  if (name === 'unmetConditions') {
    const keys = value.split(',').filter((key) => key !== '');
    if (keys.every((key) => oneOf(FEDERAL_GATE_CONDITIONS, key))) {
      return { kind: 'conditions', value: keys as FederalGateCondition[] };
    }
  }
  if (CIVIL_DATE.test(value)) return { kind: 'date', value };
  return { kind: 'text', value };
}

/** The modules that deliver indicators (compliance/indicator-source.ts), as the page names them. */
export const KNOWN_MODULES = [
  'compliance',
  'retention',
  'declarations',
  'processors',
  'supervision',
  'cross-border',
] as const;
export type KnownModule = (typeof KNOWN_MODULES)[number];

export const isKnownModule = (name: string): name is KnownModule =>
  (KNOWN_MODULES as readonly string[]).includes(name);
