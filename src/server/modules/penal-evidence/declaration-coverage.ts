/**
 * Declared before the start (L1992 art. 39 7°: starting, managing, continuing or ending an
 * automated processing without meeting art. 17; SPEC DCL-01, DCL-21, PEN-08): for every active
 * framework the controller organises or takes part in, the first submission of a declaration
 * covering it, against the day its processing there could start (the framework's activation, or
 * the day the controller joined it if later). A pair conforms when that submission came on or
 * before that day and a declaration still covers it (its end was not declared while the
 * framework runs). Pure: the facts come from the frameworks and the declaration history.
 */
import type { DeclarationCoverageReport } from '../../../contracts/penal-evidence.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';

export const COVERAGE_RULE =
  'L1992 art. 39 7° and art. 17 §1; L2007 art. 17 §1 (SPEC DCL-01, DCL-21, PEN-08)';

/** L2007 art. 3 §4 disapplies art. 17 to the intelligence and security services (SPEC SCO-15). */
export const NOT_BOUND_TO_DECLARE: readonly string[] = ['intelligence'];

export interface CoverageFacts {
  dpRegime: string;
  frameworks: readonly { id: string; name: string; activated_at: Date; joined_at: Date | null }[];
  versions: readonly {
    declaration_id: string;
    number: number;
    kind: string;
    framework_ids: readonly string[];
    submitted_on: string;
  }[];
  firstRecords: ReadonlyMap<string, Date>;
}

export function declarationCoverage(
  facts: CoverageFacts,
): Pick<DeclarationCoverageReport, 'exempt' | 'pairs' | 'nonConforming'> {
  const exempt = NOT_BOUND_TO_DECLARE.includes(facts.dpRegime);
  const latest = new Map<string, CoverageFacts['versions'][number]>();
  for (const version of facts.versions) {
    const current = latest.get(version.declaration_id);
    if (!current || version.number > current.number) latest.set(version.declaration_id, version);
  }
  const pairs = facts.frameworks.map((framework) => {
    const start =
      framework.joined_at && framework.joined_at > framework.activated_at
        ? framework.joined_at
        : framework.activated_at;
    const activatedOn = brusselsDateOf(start);
    const first = facts.versions
      .filter((v) => v.kind !== 'cessation' && v.framework_ids.includes(framework.id))
      .sort((a, b) => a.submitted_on.localeCompare(b.submitted_on) || a.number - b.number)[0];
    const covered = [...latest.values()].some(
      (v) => v.kind !== 'cessation' && v.framework_ids.includes(framework.id),
    );
    const declaredOn = first?.submitted_on ?? null;
    const firstRecord = facts.firstRecords.get(framework.id);
    return {
      frameworkId: framework.id,
      frameworkName: framework.name,
      activatedOn,
      declarationId: first?.declaration_id ?? null,
      declaredOn,
      ceased: declaredOn !== null && !covered,
      firstRecordOn: firstRecord ? brusselsDateOf(firstRecord) : null,
      conforms: exempt || (covered && declaredOn !== null && declaredOn <= activatedOn),
    };
  });
  return { exempt, pairs, nonConforming: pairs.filter((pair) => !pair.conforms).length };
}
