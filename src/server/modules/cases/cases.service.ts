/**
 * The case service: the use cases of the shared file, grouped by what they do (lifecycle,
 * reading, persons and items, attachments). Each function is one transaction that enters the
 * access module first and records its audit event (ARCHITECTURE §3.1).
 */
import { createCaseAttachments } from './case-attachments.service.js';
import { createCaseItemReviews } from './case-item-reviews.service.js';
import { createCaseLifecycle } from './case-lifecycle.service.js';
import { createCaseMinimisation } from './case-minimisation.service.js';
import { createCasePriorNotices } from './case-prior-notices.service.js';
import { createCaseReading } from './case-reading.service.js';
import { type CaseRecordsDeps, createCaseRecords } from './case-records.service.js';

export type CaseServiceDeps = CaseRecordsDeps;

export function createCaseService(deps: CaseServiceDeps) {
  return {
    ...createCaseLifecycle(deps),
    ...createCaseReading(deps),
    ...createCaseRecords(deps),
    ...createCaseAttachments(deps),
    ...createCasePriorNotices(deps),
    ...createCaseItemReviews(deps),
    ...createCaseMinimisation(deps),
  };
}

export type CaseService = ReturnType<typeof createCaseService>;
