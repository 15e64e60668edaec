/**
 * What a controller's declarations leave to do, for its DPO's list and the compliance dashboard
 * (issue 6 scope 8): an acknowledgement of the Commission overdue (SPEC DCL-03), a declaration to
 * update (art. 17 §7, DCL-21), a condition of a royal decree on specific-risk processing still
 * open (art. 17bis, DCL-28), a contribution not recorded (art. 17 §9, DCL-23), and a framework the
 * controller takes part in that no declaration covers yet (art. 17 §1, DCL-01).
 */
import type { ComplianceItem } from '../../../contracts/declarations.js';
import type { Tx } from '../../db/database.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import { versionFacts } from './declaration-presenter.js';
import { acknowledgementState, declarationLifecycle } from './declaration-rules.js';
import type { DeclarationsRepository } from './declarations.repository.js';

export async function declarationComplianceItems(
  { declarations, rules }: { declarations: DeclarationsRepository; rules: LegalRules },
  tx: Tx,
  organisationId: string,
): Promise<ComplianceItem[]> {
  const rows = await declarations.ofOrganisation(tx, organisationId);
  const ids = rows.map((row) => row.id);
  const [latest, items, conditions, organisation, frameworks] = await Promise.all([
    declarations.latestVersions(tx, ids),
    declarations.updateItems(tx, ids),
    declarations.riskConditions(tx, ids),
    declarations.organisation(tx, organisationId),
    declarations.frameworksOfParty(tx, organisationId),
  ]);
  const found: ComplianceItem[] = [];
  const covered = new Set<string>();
  for (const row of rows) {
    const last = latest.find((version) => version.declaration_id === row.id);
    if (declarationLifecycle(last) === 'ceased') continue;
    for (const id of last?.framework_ids ?? []) covered.add(id);
    if (last && acknowledgementState(versionFacts(last), row.mode, rules).overdue) {
      found.push({
        kind: 'acknowledgement_overdue',
        declarationId: row.id,
        frameworkId: null,
        subjectId: last.id,
        detail: `The Commission has not acknowledged version ${last.number} within three working days (art. 17 §2)`,
      });
    }
    if (last && last.status === 'acknowledged' && !versionFacts(last).paid) {
      found.push({
        kind: 'payment_missing',
        declarationId: row.id,
        frameworkId: null,
        subjectId: last.id,
        detail: `Record the contribution of version ${last.number}, or that none is required (art. 17 §9)`,
      });
    }
    for (const item of items.filter((i) => i.declaration_id === row.id && i.resolved_at === null)) {
      found.push({
        kind: 'update_due',
        declarationId: row.id,
        frameworkId: null,
        subjectId: item.id,
        detail:
          item.cause === 'commission_incomplete'
            ? 'The Commission found the declaration incomplete: complete it and submit it again (art. 17 §2)'
            : `Declare the modification of ${item.differences.join(', ')} before it takes effect (art. 17 §7)`,
      });
    }
    if (row.specific_risk_royal_decree) {
      for (const condition of conditions.filter(
        (c) => c.declaration_id === row.id && c.fulfilled_at === null,
      )) {
        found.push({
          kind: 'risk_condition_open',
          declarationId: row.id,
          frameworkId: null,
          subjectId: condition.id,
          detail: `${row.specific_risk_royal_decree}: ${condition.condition}`,
        });
      }
    }
  }
  // SCO-15: an intelligence or security service is not bound to declare (L2007 art. 3 §4).
  if (organisation?.dp_regime !== 'intelligence') {
    for (const framework of frameworks.filter((f) => f.state === 'active' && !covered.has(f.id))) {
      found.push({
        kind: 'framework_undeclared',
        declarationId: null,
        frameworkId: framework.id,
        subjectId: null,
        detail: `No declaration submitted covers "${framework.name}": no data may be entered in it yet (art. 17 §1)`,
      });
    }
  }
  return found;
}
