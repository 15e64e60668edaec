/**
 * The federal-use compliance gate read from the instance (SPEC SCO-08): the facts of its four
 * conditions loaded in the caller's transaction, judged by federal-use-gate-rules.ts. The same
 * reading serves the gate's page, the dashboard's indicator and the operator console, which asks
 * it (as identity's OnboardingGate) before it onboards a federal participant.
 */
import type { FederalUseGate } from '../../../contracts/compliance.js';
import type { Tx } from '../../db/database.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import { retentionProblem } from '../frameworks/framework-rules.js';
import type { OnboardingGate } from '../identity/onboarding-gate.js';
import { isGenericMailbox } from '../identity/user-rules.js';
import type { ComplianceRepository } from './compliance.repository.js';
import {
  ATTRIBUTION_TABLES,
  ATTRIBUTION_TRIGGERS,
  federalUseGate,
  federalOnboardingRefusal,
  isFederalKind,
} from './federal-use-gate-rules.js';
import { evidenceStatus } from './security-evidence-rules.js';

export interface FederalUseGateDeps {
  compliance: ComplianceRepository;
  rules: LegalRules;
}

/** FIL-01: why an active framework's default maximum retention cannot be agreed, if it cannot. */
export function frameworkRetentionProblem(
  rules: LegalRules,
  framework: { default_retention_months: number | null; default_retention_other_rule: string | null },
): string | undefined {
  if (framework.default_retention_months === null) return 'no maximum retention';
  return retentionProblem(rules, {
    months: framework.default_retention_months,
    otherRule: framework.default_retention_other_rule,
  });
}

export async function readFederalUseGate(
  tx: Tx,
  { compliance, rules }: FederalUseGateDeps,
): Promise<FederalUseGate> {
  const [frameworks, bypasses, operators, emails, review, triggers, tables] = await Promise.all([
    compliance.activeFrameworkRetentions(tx),
    compliance.runtimeRoleBypassesRls(tx),
    compliance.operatorsWithSecondFactor(tx),
    compliance.activeAccountEmails(tx),
    compliance.latestPlanReview(tx),
    compliance.enabledTriggers(tx, ATTRIBUTION_TRIGGERS),
    compliance.rlsForcedTables(tx, ATTRIBUTION_TABLES),
  ]);
  return federalUseGate({
    activeFrameworks: frameworks.map((framework) => ({
      retentionProblem: frameworkRetentionProblem(rules, framework),
    })),
    runtimeRoleBypassesRls: bypasses,
    operatorsWithSecondFactor: operators,
    sharedMailboxAccounts: emails.filter(isGenericMailbox).length,
    planReview: evidenceStatus(rules, 'plan_review', review?.reviewed_on),
    enabledTriggers: triggers,
    rlsForcedTables: tables,
  });
}

/** The gate as the operator console asks it before onboarding (identity's OnboardingGate). */
export function federalOnboardingGate(deps: FederalUseGateDeps): OnboardingGate {
  return {
    async refusalFor(tx, kind) {
      return isFederalKind(kind)
        ? federalOnboardingRefusal(await readFederalUseGate(tx, deps), kind)
        : undefined;
    },
  };
}
