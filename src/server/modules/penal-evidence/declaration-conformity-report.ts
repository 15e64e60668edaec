/**
 * The conformity of the configuration with the latest declaration of each running processing
 * (L1992 art. 39 8°: incomplete or inaccurate information in the art. 17 declarations; art. 16 §1
 * 2°, punished by art. 38; SPEC SEC-10, PEN-09, PEN-01): the check of the declarations module
 * (`conformityOf`, the one SEC-10 runs daily), applied to every declaration of the controller. A
 * draft never submitted and a declared cessation have nothing to compare and are listed as such.
 */
import type { DeclarationConformityReport } from '../../../contracts/penal-evidence.js';
import type { Tx } from '../../db/database.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import { conformityOf } from '../declarations/declaration-review.js';
import type { DeclarationsRepository } from '../declarations/declarations.repository.js';

export const CONFORMITY_EVIDENCE_RULE =
  'L1992 art. 39 8° and art. 16 §1 2°, art. 38; L2007 art. 16 §2 4° (SPEC SEC-10, PEN-09)';

export async function declarationConformityReport(
  deps: { declarations: DeclarationsRepository; rules: LegalRules },
  tx: Tx,
  head: Pick<DeclarationConformityReport, 'controller' | 'generatedAt' | 'registerNumbers'>,
): Promise<DeclarationConformityReport> {
  const rows = await deps.declarations.ofOrganisation(tx, head.controller.id);
  const latest = await deps.declarations.latestVersions(
    tx,
    rows.map((row) => row.id),
  );
  const declarations: DeclarationConformityReport['declarations'] = [];
  for (const row of rows) {
    const last = latest.find((version) => version.declaration_id === row.id);
    const result = await conformityOf(deps, tx, row, last);
    declarations.push({
      declarationId: row.id,
      registerNumber: row.register_number ?? row.sectoral_authorisation_reference,
      comparedWithVersion: result.conformity.comparedWithVersion,
      submittedOn: last && last.kind !== 'cessation' ? last.submitted_on : null,
      conforms: result.conformity.conforms,
      differences: result.conformity.differences,
      // Fields the configuration lost: the declaration can no longer be generated from it.
      missingFields:
        result.conformity.conforms === false && result.conformity.differences.length === 0
          ? result.differences
          : [],
    });
  }
  return {
    format: 'concerto.declaration-conformity/1',
    ...head,
    rule: CONFORMITY_EVIDENCE_RULE,
    declarations,
    mismatches: declarations.filter((entry) => entry.conforms === false).length,
  };
}
