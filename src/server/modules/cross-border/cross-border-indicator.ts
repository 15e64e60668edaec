/**
 * The transfers abroad of the controller's compliance dashboard (SPEC SCO-12, TRF-01..03, PEN-03;
 * issue 6 scopes 5 and 8; compliance/indicator-source.ts), from its transfer register:
 * - red: a destination in force has no standing basis any more (its adequacy assessment was
 *   withdrawn, a deny rule of a royal decree now covers it, or it sits outside the Community
 *   without one): the register says data go where the law no longer lets them go (L2007 arts
 *   21-22), so the DPO ends it or records a basis. The same rules as every transfer decide it
 *   (cross-border-rules.ts `transferIssues`, as the register's own standing);
 * - amber: a transfer was refused in the recent window (the blocked-transfer log, PEN-03):
 *   someone tried to send data where the register does not allow it, which the DPO looks into;
 * - green otherwise.
 */
import type { Indicator } from '../../../contracts/compliance.js';
import { countryZone } from '../../kernel/legal-rules/countries.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import type { IndicatorSource } from '../compliance/indicator-source.js';
import { transferIssues } from './cross-border-rules.js';
import type { CrossBorderRepository } from './cross-border.repository.js';
import { denyRuleFacts, destinationFacts } from './transfer-check.js';

/**
 * How far back the dashboard counts refused transfers. Not a legal period (the law sets none): the
 * window of a monthly look at the blocked-transfer log, which itself keeps every refusal.
 */
const RECENT_REFUSALS_DAYS = 30;
const DAY_MS = 86_400_000;

export function crossBorderIndicator({
  crossBorder,
}: {
  crossBorder: CrossBorderRepository;
}): IndicatorSource {
  return {
    key: 'cross_border_transfers',
    async read(tx, { controllerId, now }): Promise<Indicator> {
      const destinations = (await crossBorder.destinationsOf(tx, controllerId)).filter(
        (row) => row.ended_at === null,
      );
      const [assessments, denyRules, refused] = await Promise.all([
        crossBorder.assessmentsOf(tx, controllerId),
        crossBorder.denyRules(tx, true),
        crossBorder.refusedSince(tx, controllerId, new Date(now.getTime() - RECENT_REFUSALS_DAYS * DAY_MS)),
      ]);
      const byId = new Map(assessments.map((row) => [row.id, row]));
      const deny = denyRuleFacts(denyRules);
      const withoutBasis = destinations.filter(
        (row) =>
          transferIssues(
            { kind: row.kind, country: row.country, categories: row.categories },
            destinationFacts(row, byId),
            deny,
            { country: '/country', categories: '/categories', items: '/items' },
          ).length > 0,
      ).length;
      return {
        key: 'cross_border_transfers',
        status: withoutBasis > 0 ? 'red' : refused.count > 0 ? 'amber' : 'green',
        figures: {
          destinations: destinations.length,
          abroad: destinations.filter((row) => countryZone(row.country) !== 'domestic').length,
          without_standing_basis: withoutBasis,
          refused_recently: refused.count,
          recent_days: RECENT_REFUSALS_DAYS,
          last_refused_on: refused.lastAt ? brusselsDateOf(refused.lastAt) : null,
        },
        link: '/api/cross-border/register',
        rule: 'L2007 arts 21-22; L1992 art. 22 (SPEC SCO-12, TRF-01, TRF-03, PEN-03)',
      };
    },
  };
}
