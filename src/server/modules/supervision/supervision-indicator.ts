/**
 * SUP-01 on the compliance dashboard (SPEC SCO-12): a recommendation, opinion or settlement recorded
 * with an action and a due date shows until the action is done; the Commission's deadline for the
 * controller's position (SUP-02) shows until the position is submitted. Green: nothing to do; amber:
 * something to do, nothing late; red: an action or a position past its date. Read through the
 * SECURITY DEFINER function of migration 0035 (ids and dates only), so that the controller's
 * compliance owner sees it as its DPO does.
 */
import type { Indicator } from '../../../contracts/compliance.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import type { IndicatorSource } from '../compliance/indicator-source.js';
import { overdueOn } from './supervision-rules.js';
import type { SupervisionRepository } from './supervision.repository.js';

export function supervisionIndicator({
  supervision,
}: {
  supervision: SupervisionRepository;
}): IndicatorSource {
  return {
    key: 'supervisory_recommendations',
    async read(tx, { controllerId, now }): Promise<Indicator> {
      const today = brusselsDateOf(now);
      const items = await supervision.openItems(tx, controllerId);
      const actions = items.filter((item) => item.item === 'action');
      const positions = items.filter((item) => item.item === 'position');
      const overdueActions = actions.filter((item) => overdueOn(item.due_on, today)).length;
      const overduePositions = positions.filter((item) => overdueOn(item.due_on, today)).length;
      return {
        key: 'supervisory_recommendations',
        status: overdueActions + overduePositions > 0 ? 'red' : items.length > 0 ? 'amber' : 'green',
        figures: {
          open_actions: actions.length,
          overdue_actions: overdueActions,
          awaited_positions: positions.length,
          overdue_positions: overduePositions,
          next_due_on: items[0]?.due_on ?? null,
        },
        link: '/api/supervision/open-items',
        rule: 'L1992 arts 30-31 (SPEC SUP-01, SUP-02)',
      };
    },
  };
}
