/**
 * The declaration indicator of the controller's compliance dashboard (SPEC SCO-12, issue 6 scope 8;
 * compliance/indicator-source.ts): red while a framework it takes part in is undeclared (no data
 * may be entered, DCL-01), an acknowledgement of the Commission is overdue (DCL-03) or a
 * modification awaits its declaration (DCL-21); amber while a condition of a royal decree on
 * specific-risk processing is open (DCL-28) or a contribution is unrecorded (DCL-23).
 */
import type { Indicator } from '../../../contracts/compliance.js';
import { COMPLIANCE_ITEM_KINDS } from '../../../contracts/declarations.js';
import type { LegalRules } from '../../kernel/legal-rules/index.js';
import type { IndicatorSource } from '../compliance/indicator-source.js';
import { declarationComplianceItems } from './declaration-compliance.js';
import type { DeclarationsRepository } from './declarations.repository.js';

const RED = new Set(['framework_undeclared', 'acknowledgement_overdue', 'update_due']);

export function declarationIndicator(deps: {
  declarations: DeclarationsRepository;
  rules: LegalRules;
}): IndicatorSource {
  return {
    key: 'declaration_status',
    async read(tx, { controllerId }): Promise<Indicator> {
      const items = await declarationComplianceItems(deps, tx, controllerId);
      const figures = Object.fromEntries(
        COMPLIANCE_ITEM_KINDS.map((kind) => [kind, items.filter((item) => item.kind === kind).length]),
      );
      return {
        key: 'declaration_status',
        status: items.some((item) => RED.has(item.kind)) ? 'red' : items.length > 0 ? 'amber' : 'green',
        figures,
        link: '/api/declarations',
        rule: 'L2007 arts 17 and 17bis (SPEC SCO-12, DCL-01, DCL-03, DCL-21, DCL-23, DCL-28)',
      };
    },
  };
}
