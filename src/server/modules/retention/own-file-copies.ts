/**
 * The own-file copies a participant exported, each with the day it falls due (bill art. 4 al. 5;
 * SPEC FIL-09, RET-03): from the live transfers while the shared file exists, and from the dues the
 * purge kept once it is gone (ids and dates only). Pure functions over the rows the repository read.
 */
import {
  type CivilDate,
  endOfBrusselsDay,
  type LegalRules,
  parseCivilDate,
} from '../../kernel/legal-rules/index.js';
import type { Insertable } from 'kysely';
import type { OwnFileCopyDuesTable } from '../../db/schema.js';
import type { CopyDueRow, OwnFileCopyRow } from './retention.repository.js';
import { ownFileCopyDue } from './retention-rules.js';

export interface DatedOwnFileCopy {
  transferId: string;
  caseId: string;
  requesterOrganisationId: string;
  exports: number;
  lastExportedAt: Date;
  dueOn: CivilDate;
  rule: string;
  casePurged: boolean;
}

/** Every copy whose due date is known (a case not closed yet has none), earliest first. */
export function datedOwnFileCopies(
  live: readonly OwnFileCopyRow[],
  dues: readonly CopyDueRow[],
  rules: LegalRules,
): DatedOwnFileCopy[] {
  const copies: DatedOwnFileCopy[] = [];
  for (const copy of live) {
    const due = ownFileCopyDue(copy, rules);
    if (!due) continue;
    copies.push({
      transferId: copy.transferId,
      caseId: copy.caseId,
      requesterOrganisationId: copy.requesterOrganisationId,
      exports: copy.exports,
      lastExportedAt: copy.lastExportedAt,
      dueOn: due.deadline.date,
      rule: due.rule,
      casePurged: false,
    });
  }
  for (const row of dues) {
    if (row.due_on === null) continue;
    copies.push({
      transferId: row.transfer_id,
      caseId: row.case_id,
      requesterOrganisationId: row.requester_organisation_id,
      exports: row.exports,
      lastExportedAt: new Date(row.last_exported_at),
      dueOn: parseCivilDate(row.due_on),
      rule: row.rule,
      casePurged: true,
    });
  }
  return copies.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.transferId.localeCompare(b.transferId));
}

/** A copy is overdue once its due day has ended in Brussels: it should have been erased by then. */
export const isOverdue = (copy: Pick<DatedOwnFileCopy, 'dueOn'>, now: Date): boolean =>
  now.getTime() >= endOfBrusselsDay(copy.dueOn).getTime();

/**
 * FIL-09: what a purge keeps of each own-file copy of the case (ids and dates only), for the report
 * of RET-03: a copy in a participant's own file may be kept longer (its organic law) or not; its due
 * date outlives the shared file.
 */
export function copyDueRows(
  copies: readonly OwnFileCopyRow[],
  caseId: string,
  rules: LegalRules,
  now: Date,
): Insertable<OwnFileCopyDuesTable>[] {
  return copies.map((copy) => {
    const due = ownFileCopyDue(copy, rules);
    return {
      transfer_id: copy.transferId,
      case_id: caseId,
      requester_organisation_id: copy.requesterOrganisationId,
      exports: copy.exports,
      last_exported_at: copy.lastExportedAt,
      due_on: due ? due.deadline.date : null,
      rule: due?.rule ?? 'bill art. 4 al. 5; art. 2 §3 4°',
      recorded_at: now,
    };
  });
}
