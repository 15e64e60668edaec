/**
 * The dashboard indicators whose data the compliance module reads (SPEC SCO-12, SEC-03, SEC-04,
 * SCO-08): purposes, lawful grounds and the agreed retention from the controller's active
 * frameworks; its open and overdue rights requests with the clocks of the rights module
 * (rights-clocks.ts); the instance's security plan review, restore test and federal-use gate; its
 * norm checklist. Each is an IndicatorSource (indicator-source.ts); app.ts registers them beside
 * the other modules' indicators.
 */
import type { Tx } from '../../db/database.js';
import type { LegalRules, Regime } from '../../kernel/legal-rules/index.js';
import type { FrameworksRepository } from '../frameworks/frameworks.repository.js';
import { partClocks } from '../rights/rights-clocks.js';
import type { ComplianceRepository } from './compliance.repository.js';
import { frameworkRetentionProblem, readFederalUseGate } from './federal-use-gate.js';
import type { IndicatorSource } from './indicator-source.js';
import {
  type ControllerFramework,
  controlCounts,
  federalGateIndicator,
  lawfulGroundsIndicator,
  normChecklistIndicator,
  purposesIndicator,
  restoreTestIndicator,
  retentionAgreementIndicator,
  rightsRequestsIndicator,
  securityPlanIndicator,
} from './indicator-rules.js';
import { evidenceStatus } from './security-evidence-rules.js';

export interface ComplianceIndicatorDeps {
  compliance: ComplianceRepository;
  frameworks: FrameworksRepository;
  rules: LegalRules;
}

export function complianceIndicators({
  compliance,
  frameworks,
  rules,
}: ComplianceIndicatorDeps): IndicatorSource[] {
  /** The active frameworks the controller organises or takes part in (SPEC ROL-01). */
  async function controllerFrameworks(tx: Tx, controllerId: string): Promise<ControllerFramework[]> {
    const rows = await frameworks.activeFor(tx, [controllerId]);
    return rows.map((row) => ({
      purposes: row.purposes,
      processingBasisKind: row.processing_basis_kind,
      retentionProblem: frameworkRetentionProblem(rules, row),
    }));
  }

  return [
    {
      key: 'purposes',
      read: async (tx, { controllerId }) => purposesIndicator(await controllerFrameworks(tx, controllerId)),
    },
    {
      key: 'lawful_grounds',
      async read(tx, { controllerId }) {
        const organisation = (await compliance.organisation(tx, controllerId))!;
        return lawfulGroundsIndicator(
          {
            lawfulGround: organisation.lawful_ground,
            missionBasis: organisation.mission_basis,
            dpRegime: organisation.dp_regime,
          },
          await controllerFrameworks(tx, controllerId),
        );
      },
    },
    {
      key: 'retention_agreement',
      read: async (tx, { controllerId }) =>
        retentionAgreementIndicator(await controllerFrameworks(tx, controllerId)),
    },
    {
      key: 'rights_requests',
      async read(tx, { controllerId, now }) {
        const parts = await compliance.openRightsClockFacts(tx, controllerId);
        return rightsRequestsIndicator(
          parts.map((part) => {
            const clocks = partClocks(
              rules,
              {
                kind: part.kind,
                route: part.route,
                regime: part.regime as Regime,
                receivedAt: new Date(part.received_at),
                datedOn: part.dated_on,
                answeredAt: null,
                rejected: false,
              },
              now,
            );
            // The office answers on the prosecutor's clock (bill art. 7 al. 2), the controller on its own.
            const clock = part.as_office ? clocks.prosecutorClock : clocks.clock;
            return { overdue: clock?.overdue ?? false, reminderDue: clock?.reminder != null };
          }),
        );
      },
    },
    {
      key: 'security_plan',
      async read(tx) {
        const latest = await compliance.latestPlanReview(tx);
        return securityPlanIndicator(
          evidenceStatus(rules, 'plan_review', latest?.reviewed_on),
          latest && {
            planVersion: latest.plan_version,
            reviewedOn: latest.reviewed_on,
          },
        );
      },
    },
    {
      key: 'restore_test',
      async read(tx) {
        const { latest, latestSuccess } = await compliance.latestRestoreTests(tx);
        return restoreTestIndicator(
          evidenceStatus(rules, 'restore_test', latestSuccess?.tested_on),
          latestSuccess?.tested_on,
          latest && { testedOn: latest.tested_on, outcome: latest.outcome },
        );
      },
    },
    {
      key: 'norm_checklist',
      async read(tx, { controllerId }) {
        const { normSets, statuses } = await compliance.controlStatuses(tx, controllerId);
        return normChecklistIndicator(normSets, controlCounts(statuses));
      },
    },
    {
      key: 'federal_use_gate',
      read: async (tx) => federalGateIndicator(await readFederalUseGate(tx, { compliance, rules })),
    },
  ];
}
