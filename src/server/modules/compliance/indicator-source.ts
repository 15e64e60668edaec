/**
 * The small interface every dashboard indicator implements (SPEC SCO-12): a key, a status (green,
 * amber, red), figures and a link, read for one controller in the dashboard's transaction. The
 * compliance module implements the indicators whose data it can read; the modules that own the
 * other data (retention, declarations, processors, supervision, cross-border transfers) implement
 * theirs with this interface and are registered in app.ts. Until a module registers its
 * indicator, the dashboard lists it as pending: never a made-up status.
 */
import type { Indicator, IndicatorKey } from '../../../contracts/compliance.js';
import { INDICATOR_KEYS } from '../../../contracts/compliance.js';
import type { Tx } from '../../db/database.js';

/** The controller whose dashboard is read, and the moment it is read (the injected clock's). */
export interface DashboardScope {
  controllerId: string;
  now: Date;
}

export interface IndicatorSource {
  readonly key: IndicatorKey;
  read(tx: Tx, scope: DashboardScope): Promise<Indicator>;
}

/** Which module delivers each indicator, and the rule it reports on. */
export const INDICATOR_OWNERS: Record<IndicatorKey, { module: string; rule: string }> = {
  purposes: {
    module: 'compliance',
    rule: 'L2007 art. 4 §1 2°; CP art. 458ter §1 al. 2 (SPEC SCO-12, PUR-01)',
  },
  lawful_grounds: { module: 'compliance', rule: 'L2007 art. 4 §1 1° and art. 5 (SPEC SCO-12, SCO-13)' },
  retention_agreement: { module: 'compliance', rule: 'bill art. 3 §1 al. 1 (SPEC FIL-01)' },
  retention_status: {
    module: 'retention',
    rule: 'bill art. 2 §3 4°; L2007 art. 4 §1 5° (SPEC SCO-12, RET-01)',
  },
  rights_requests: { module: 'compliance', rule: 'L2007 arts 10 and 12; bill art. 7 al. 2 (SPEC SCO-12)' },
  declaration_status: { module: 'declarations', rule: 'L2007 art. 17 (SPEC SCO-12, DCL)' },
  security_plan: { module: 'compliance', rule: 'L2007 art. 16 §4 (SPEC SEC-03)' },
  restore_test: { module: 'compliance', rule: 'L2007 art. 16 §4 (SPEC SEC-03)' },
  norm_checklist: { module: 'compliance', rule: 'L2007 art. 16 §4 al. 3 (SPEC SEC-04)' },
  federal_use_gate: { module: 'compliance', rule: 'bill Dév.; bill arts 3-4 (SPEC SCO-08)' },
  processor_reviews: { module: 'processors', rule: 'L2007 art. 16 §1 (SPEC PRC-02)' },
  supervisory_recommendations: { module: 'supervision', rule: 'L1992 art. 31 (SPEC SUP-01)' },
  cross_border_transfers: { module: 'cross-border', rule: 'L2007 arts 21-22 (SPEC TRF)' },
};

/** The indicators no registered source delivers yet, in the dashboard's order. */
export function pendingIndicators(
  sources: readonly IndicatorSource[],
): { key: IndicatorKey; module: string; rule: string }[] {
  const delivered = new Set(sources.map((source) => source.key));
  return INDICATOR_KEYS.filter((key) => !delivered.has(key)).map((key) => ({
    key,
    ...INDICATOR_OWNERS[key],
  }));
}

/** Each indicator once, in the dashboard's order: two sources for one key is a wiring mistake. */
export function orderedSources(sources: readonly IndicatorSource[]): IndicatorSource[] {
  const keys = sources.map((source) => source.key);
  const twice = keys.find((key, i) => keys.indexOf(key) !== i);
  if (twice) throw new Error(`two dashboard indicators for ${twice}`);
  return [...sources].sort((a, b) => INDICATOR_KEYS.indexOf(a.key) - INDICATOR_KEYS.indexOf(b.key));
}
