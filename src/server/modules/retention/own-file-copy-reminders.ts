/**
 * The retention job's reminders about own-file copies (bill art. 4 al. 5):
 * - FIL-09: the participant that exported a copy is told, the configured lead before its due date
 *   (30 days by default), that the copy must be erased by then — once per copy;
 * - RET-03: every month, each participant holding copies past their due date is told to read its
 *   report of them (`GET /api/retention/own-file-copies`) — once per participant and month.
 * Notifications carry ids only; the unique indexes of migration 0041 make a rerun, or a second
 * instance, add nothing.
 */
import { inTransaction } from '../../db/database.js';
import {
  brusselsDateOf,
  type CivilDate,
  compareCivilDates,
  parseCivilDate,
  startOfBrusselsDay,
} from '../../kernel/legal-rules/index.js';
import type { NewNotification } from '../notifications/notifications.repository.js';
import { datedOwnFileCopies, isOverdue } from './own-file-copies.js';
import { RETENTION_ACTOR, type RetentionDeps } from './retention-deps.js';

export interface ReminderRun {
  /** The copies whose holder was reminded today (transfer ids). */
  dueSoon: string[];
  /** The participants told of their monthly report of overdue copies. */
  monthlyReports: string[];
}

const firstOfMonth = (day: CivilDate): CivilDate => parseCivilDate(`${day.slice(0, 8)}01`);

export async function remindOwnFileCopies(deps: RetentionDeps, at: Date): Promise<ReminderRun> {
  const { db, retention, notifications, audit, rules } = deps;
  const today = brusselsDateOf(at);
  return inTransaction(db, async (tx) => {
    const [live, dues] = await Promise.all([retention.ownFileCopies(tx), retention.copyDues(tx)]);
    const copies = datedOwnFileCopies(live, dues, rules);
    const dueSoon = copies.filter(
      (copy) =>
        !isOverdue(copy, at) && compareCivilDates(rules.ownFileCopyReminderOn(copy.dueOn), today) <= 0,
    );
    const holders = [
      ...new Set(copies.filter((copy) => isOverdue(copy, at)).map((c) => c.requesterOrganisationId)),
    ].sort();
    const toNotify: (NewNotification & { at: Date })[] = [
      ...dueSoon.map((copy) => ({
        organisationId: copy.requesterOrganisationId,
        kind: 'own_file_copy_due_soon' as const,
        caseId: copy.caseId,
        subjectId: copy.transferId,
        at,
      })),
      // Dated on the first of the month, so that the month's report is announced once.
      ...holders.map((organisationId) => ({
        organisationId,
        kind: 'own_file_copies_overdue' as const,
        at: startOfBrusselsDay(firstOfMonth(today)),
      })),
    ];
    const written = await notifications.notifyOnceReturning(tx, toNotify);
    const run: ReminderRun = {
      dueSoon: written.filter((n) => n.kind === 'own_file_copy_due_soon').map((n) => n.subject_id!),
      monthlyReports: written
        .filter((n) => n.kind === 'own_file_copies_overdue')
        .map((n) => n.organisation_id),
    };
    if (written.length > 0) {
      await audit.record(tx, {
        actor: RETENTION_ACTOR,
        action: 'system.own_file_copy_reminders',
        outcome: 'success',
        records: run.dueSoon.map((id) => ({ type: 'own_file_transfer', id })),
        recipients: [...new Set(written.map((n) => n.organisation_id))].map((organisationId) => ({
          organisationId,
        })),
      });
    }
    return run;
  });
}
