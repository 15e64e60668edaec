/**
 * Statistics per framework (issue 6 scope 9; SPEC PUR-03, RET-05): anonymised aggregates only,
 * for the DPOs of the framework's parties and for its organiser's members with the organiser role
 * (compliance-decisions.ts); never for the host, never a list of cases or persons. Each read is
 * one transaction with its audit event; a refusal leaves its denied event only.
 */
import { IdSchema } from '../../../contracts/identity.js';
import type { FrameworkStatistics, StatisticsFrameworkList } from '../../../contracts/statistics.js';
import type { Db } from '../../db/database.js';
import type { AuditLog } from '../../kernel/audit/index.js';
import { STATISTICS_SMALL_COUNT } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, auditActorOf } from '../access/access.service.js';
import { decide } from '../access/decide.js';
import type { FrameworksRepository } from '../frameworks/frameworks.repository.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { frameworkAggregates } from './statistics-rules.js';
import type { StatisticsRepository } from './statistics.repository.js';

export interface StatisticsServiceDeps {
  db: Db;
  statistics: StatisticsRepository;
  frameworks: FrameworksRepository;
  access: Access;
  audit: AuditLog;
}

export function createStatisticsService({
  db,
  statistics,
  frameworks,
  access,
  audit,
}: StatisticsServiceDeps) {
  return {
    /** The frameworks the reader has statistics of: its controller's (a DPO), those it organises (an organiser). */
    listStatisticsFrameworks(actor: Actor): Promise<StatisticsFrameworkList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const action = 'admin.statistics_frameworks_listed';
        const decision = access.require(context, { action: 'statistics.list' }, action);
        const rows = await frameworks.activeFor(tx, [actor.organisationId]);
        const participants = await frameworks.participants(
          tx,
          rows.map((row) => row.id),
        );
        const readable = rows.filter(
          (row) =>
            decide(context.facts, {
              action: 'statistics.read',
              framework: {
                state: row.state,
                organiserOrganisationId: row.organiser_organisation_id,
                participantIds: participants
                  .filter((p) => p.framework_id === row.id)
                  .map((p) => p.organisation_id),
              },
            }).allowed,
        );
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action,
          outcome: 'success',
          records: readable.map((row) => ({ type: 'framework', id: row.id })),
        });
        return { frameworks: readable.map((row) => ({ id: row.id, name: row.name })) };
      });
    },

    /** PUR-03: the framework's cases by state and purpose, and its durations, small counts suppressed. */
    frameworkStatistics(actor: Actor, frameworkId: string): Promise<FrameworkStatistics> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        refuseIfAny(shapeIssues(IdSchema, frameworkId, 'params/frameworkId'));
        const action = 'admin.framework_statistics_viewed';
        const row = await frameworks.byId(tx, frameworkId);
        const participants = row ? await frameworks.participants(tx, [row.id]) : [];
        const decision = access.require(
          context,
          {
            action: 'statistics.read',
            framework: row && {
              state: row.state,
              organiserOrganisationId: row.organiser_organisation_id,
              participantIds: participants.map((p) => p.organisation_id),
            },
          },
          action,
        );
        const { minimum, rule } = STATISTICS_SMALL_COUNT;
        const aggregates = frameworkAggregates(await statistics.caseFacts(tx, frameworkId), minimum);
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action,
          outcome: 'success',
          records: [{ type: 'framework', id: frameworkId }],
        });
        return {
          framework: { id: row!.id, name: row!.name },
          smallCountThreshold: minimum,
          rule,
          ...aggregates,
        };
      });
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
