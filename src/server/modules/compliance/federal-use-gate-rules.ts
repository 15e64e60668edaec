/**
 * The federal-use compliance gate (SPEC SCO-08). The bill's Développements: "Les conditions
 * légales à remplir en matière de protection des données à caractère personnel en cas de recours
 * à un dossier commun sont définies. Ce n'est que si ces conditions sont remplies que les instances
 * fédérales peuvent utiliser ce dossier commun." The conditions are those of arts 3-4 as SPEC
 * SCO-08 lists them: a maximum retention set (FIL-01, art. 3 §1 al. 1), user and access management
 * active (SEC-01, art. 3 §2 al. 1), a documented security plan (SEC-03, art. 3 §2; L2007 art. 16
 * §4) and controller attribution active (FIL-02, art. 3 §1 al. 2). Pure: the facts are loaded by
 * the repository in the transaction of the onboarding or of the read.
 */
import type { FederalGateCondition, FederalUseGate } from '../../../contracts/compliance.js';
import type { OrganisationKind } from '../../../contracts/identity.js';
import { DomainError } from '../../kernel/errors.js';
import type { EvidenceStatus } from './security-evidence-rules.js';

export const FEDERAL_USE_GATE_RULE =
  'bill Dév. ("que si ces conditions sont remplies"); bill arts 3-4 (SPEC SCO-08)';

/**
 * The federal participants the bill addresses: "les autorités et services fédéraux ainsi que les
 * services de police" (Dév.), among whom it names "la police et le parquet" (Dév., l. 296-298):
 * the police services, the federal services and the judicial authorities (the public prosecutor's
 * offices are part of the federal judiciary). An administrative authority's kind does not say
 * whether it is federal, so it is not held back by the gate.
 */
export const FEDERAL_KINDS: readonly OrganisationKind[] = [
  'police_service',
  'federal_service',
  'judicial_authority',
];

export const isFederalKind = (kind: string): boolean => (FEDERAL_KINDS as readonly string[]).includes(kind);

/** The triggers that keep the controller of a record immutable (migrations 0016 and 0022). */
export const ATTRIBUTION_TRIGGERS = [
  'items_controller_immutable',
  'persons_controller_immutable',
  'paper_parts_controller_immutable',
] as const;
/** The tables whose rows only their controller writes, under row-level security forced on the owner too. */
export const ATTRIBUTION_TABLES = ['items', 'persons', 'paper_parts'] as const;

export interface GateFacts {
  /** The active frameworks' default maximum retention, and why each cannot be agreed (if so). */
  activeFrameworks: readonly { retentionProblem: string | undefined }[];
  /** The runtime role is a superuser or bypasses row-level security. */
  runtimeRoleBypassesRls: boolean;
  /** Active operator accounts with a second factor enrolled. */
  operatorsWithSecondFactor: number;
  /** Active accounts whose address is a shared mailbox (SEC-01 forbids them). */
  sharedMailboxAccounts: number;
  /** The security plan's latest review (SEC-03). */
  planReview: EvidenceStatus;
  /** Attribution triggers present and enabled, and tables with row-level security forced. */
  enabledTriggers: readonly string[];
  rlsForcedTables: readonly string[];
}

type Condition = FederalUseGate['conditions'][number];

const condition = (
  key: FederalGateCondition,
  rule: string,
  failures: string[],
  success: string,
): Condition => ({
  key,
  met: failures.length === 0,
  rule,
  detail: failures.length === 0 ? success : failures.join('; '),
});

function retentionCondition(facts: GateFacts): Condition {
  const total = facts.activeFrameworks.length;
  const without = facts.activeFrameworks.filter(
    (framework) => framework.retentionProblem !== undefined,
  ).length;
  const failures =
    total === 0
      ? ['no active framework sets a maximum retention for the shared file']
      : without > 0
        ? [`${without} of ${total} active frameworks have no valid maximum retention`]
        : [];
  return condition(
    'max_retention_set',
    'bill art. 3 §1 al. 1 (SPEC FIL-01)',
    failures,
    `each of the ${total} active frameworks sets a maximum retention`,
  );
}

function accessCondition(facts: GateFacts): Condition {
  const failures: string[] = [];
  if (facts.runtimeRoleBypassesRls)
    failures.push('the application connects with a role that bypasses row-level security');
  if (facts.operatorsWithSecondFactor === 0)
    failures.push('no active operator account has a second factor enrolled');
  if (facts.sharedMailboxAccounts > 0)
    failures.push(`${facts.sharedMailboxAccounts} active accounts are shared mailboxes`);
  return condition(
    'access_management_active',
    'bill art. 3 §2 al. 1 (SPEC SEC-01)',
    failures,
    'named accounts only, operators with a second factor, row-level security enforced',
  );
}

function planCondition(facts: GateFacts): Condition {
  const { planReview } = facts;
  const failures = planReview.current
    ? []
    : [
        planReview.dueOn === null
          ? 'no review of the security plan and risk assessment is recorded'
          : `the last review of the security plan was due again on ${planReview.dueOn}`,
      ];
  return condition(
    'security_plan_documented',
    `bill art. 3 §2; ${planReview.rule}`,
    failures,
    `security plan reviewed; next review due by ${planReview.dueOn}`,
  );
}

function attributionCondition(facts: GateFacts): Condition {
  const triggers = ATTRIBUTION_TRIGGERS.filter((name) => !facts.enabledTriggers.includes(name));
  const tables = ATTRIBUTION_TABLES.filter((name) => !facts.rlsForcedTables.includes(name));
  const failures = [
    ...(triggers.length > 0 ? [`missing or disabled: ${triggers.join(', ')}`] : []),
    ...(tables.length > 0 ? [`row-level security not forced on ${tables.join(', ')}`] : []),
  ];
  return condition(
    'controller_attribution_active',
    'bill art. 3 §1 al. 2 (SPEC FIL-02)',
    failures,
    'the controller of every record is fixed and only it writes the record',
  );
}

export function federalUseGate(facts: GateFacts): FederalUseGate {
  const conditions = [
    retentionCondition(facts),
    accessCondition(facts),
    planCondition(facts),
    attributionCondition(facts),
  ];
  return {
    status: conditions.every((c) => c.met) ? 'green' : 'red',
    conditions,
    federalKinds: [...FEDERAL_KINDS],
    rule: FEDERAL_USE_GATE_RULE,
  };
}

/**
 * Onboarding a federal participant while the gate is red is refused (409): the problem names the
 * gate, and lists each unmet condition under /federalUseGate/<condition> with what is missing.
 */
export function federalOnboardingRefusal(gate: FederalUseGate, kind: string): DomainError | undefined {
  if (!isFederalKind(kind) || gate.status === 'green') return undefined;
  const unmet = gate.conditions.filter((c) => !c.met);
  return new DomainError('conflict', {
    detail: `The federal-use compliance gate is red: a ${kind.replaceAll('_', ' ')} is not onboarded until ${unmet
      .map((c) => c.key.replaceAll('_', ' '))
      .join(', ')} ${unmet.length === 1 ? 'is' : 'are'} met`,
    rule: FEDERAL_USE_GATE_RULE,
    fields: unmet.map((c) => ({ field: `/federalUseGate/${c.key}`, message: `${c.detail} (${c.rule})` })),
  });
}
