/**
 * The processor reviews of the controller's compliance dashboard (SPEC SCO-12, PRC-02; issue 6
 * scope 8; compliance/indicator-source.ts): the worst status of its processors (processor-rules.ts
 * `processorStatus`): red while one is not approved or was found non-compliant, amber when a
 * compliance review or the host's security plan review is overdue, the plan is missing or a
 * certificate lapsed (L2007 art. 16 §1 and §4), green otherwise. An empty registry is amber: the
 * host is a processor of every controller (bill art. 3 §1 al. 2; SPEC PRC-06), so its record is
 * missing. Figures: how many records, how many carry each reason, the next compliance review due.
 */
import type { Indicator } from '../../../contracts/compliance.js';
import { PROCESSOR_STATUS_REASONS } from '../../../contracts/processors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import type { IndicatorSource } from '../compliance/indicator-source.js';
import { processorRegistryStatus } from './processor-facts.js';

export function processorIndicator(): IndicatorSource {
  return {
    key: 'processor_reviews',
    async read(tx, { controllerId, now }): Promise<Indicator> {
      const { level, processors } = await processorRegistryStatus(tx, controllerId, brusselsDateOf(now));
      const nextDue = processors
        .flatMap((p) => (p.status.nextComplianceReviewDue ? [p.status.nextComplianceReviewDue] : []))
        .sort()[0];
      return {
        key: 'processor_reviews',
        status: processors.length === 0 ? 'amber' : level,
        figures: {
          processors: processors.length,
          ...Object.fromEntries(
            PROCESSOR_STATUS_REASONS.map((reason) => [
              reason,
              processors.filter((p) => p.status.reasons.includes(reason)).length,
            ]),
          ),
          next_due_on: nextDue ?? null,
        },
        link: '/api/processors',
        rule: 'L2007 art. 16 §1 and §4 (SPEC SCO-12, PRC-02, PRC-07)',
      };
    },
  };
}
