/**
 * The retention desk's use cases (ADR 0016), one transaction each: the schedule and the own-file
 * report, the destruction lists with their four-eyes approval and signed proof, the paper
 * destruction tasks and the necessity reviews. The unattended side (listing, purge, key destruction,
 * proof) is the daily job's: retention-job.service.ts. The DPO approves a maximum beyond 30 years
 * here too (RET-01, retention-overrides.service.ts).
 */
import { createDestructionListService } from './destruction-lists.service.js';
import type { RetentionDeskDeps } from './retention-deps.js';
import { createRetentionOverrideService } from './retention-overrides.service.js';
import { createRetentionScheduleService } from './retention-schedule.service.js';
import { createRetentionTaskService } from './retention-tasks.service.js';

export function createRetentionService(deps: RetentionDeskDeps) {
  return {
    ...createRetentionScheduleService(deps),
    ...createDestructionListService(deps),
    ...createRetentionTaskService(deps),
    ...createRetentionOverrideService(deps),
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
