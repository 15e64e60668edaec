/**
 * Prior written notices (L1992 art. 8 §5; SPEC DAT-32): an organisation that processes judicial
 * data under a royal decree designating it records the notice it gave a person of a case, which
 * closes that person's task and opens category 9 for information about them; and the dashboard
 * lists the persons still to notify. Each use case is one transaction with its audit event.
 */
import { randomUUID } from 'node:crypto';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type DuePriorNoticeList,
  type PriorNotice,
  type RecordPriorNotice,
  RecordPriorNoticeSchema,
} from '../../../contracts/prior-notices.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { auditActorOf } from '../access/access.service.js';
import { CASE_ACTION_RULES } from '../access/case-actions.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { isCivilDate, PRIOR_NOTICE_RULE } from '../identity/royal-decree-rules.js';
import { isoOf } from './case-presenter.js';
import type { CaseRecordsDeps } from './case-records.service.js';
import { caseOpener } from './open-case.js';
import { decreeFactsOf } from './royal-decree-facts.js';

/** Largest page of the dashboard's list. */
const LIST_LIMIT = 200;

export function createCasePriorNotices(deps: CaseRecordsDeps) {
  const { db, records, access, audit, clock } = deps;
  const openCase = caseOpener(deps);

  return {
    /**
     * The notice the acting organisation gave the person, sent at the latest today: recorded once,
     * by a member who may add information to the case, while a decree calls for it.
     */
    recordPriorNotice(
      actor: Actor,
      caseId: string,
      personId: string,
      input: RecordPriorNotice,
    ): Promise<PriorNotice> {
      return refusable(db, audit, async (tx) => {
        const open = await openCase(tx, actor, caseId, 'case.contribute', 'record');
        refuseIfAny(shapeIssues(IdSchema, personId, 'params/personId'));
        const person = (await records.personsOf(tx, caseId, open.sharedOnly)).find((p) => p.id === personId);
        if (!person) throw new DomainError('not_found', { detail: 'No such person' });
        refuseIfAny(shapeIssues(RecordPriorNoticeSchema, input));
        const now = clock.now();
        const today = brusselsDateOf(now);
        const issues: FieldIssue[] = [];
        if (!isCivilDate(input.sentOn)) issues.push({ field: '/body/sentOn', message: 'is not a date' });
        else if (input.sentOn > today)
          issues.push({
            field: '/body/sentOn',
            message: 'is after today: record the notice once it is sent',
          });
        refuseIfAny(issues, PRIOR_NOTICE_RULE);
        const facts = await decreeFactsOf(tx, records, caseId, open.actingFor, today);
        if (!facts.noticeDecree) {
          throw new DomainError('conflict', {
            detail:
              'Your organisation processes no judicial data under a royal decree that calls for prior written notice',
            rule: PRIOR_NOTICE_RULE,
          });
        }
        if (facts.notices.has(personId)) {
          throw new DomainError('conflict', {
            detail: "Your organisation's prior written notice to this person is recorded already",
            rule: PRIOR_NOTICE_RULE,
          });
        }
        const row = await records.insertPriorNotice(tx, {
          id: randomUUID(),
          case_id: caseId,
          person_id: personId,
          organisation_id: open.actingFor,
          authorisation_id: facts.noticeDecree.id,
          sent_on: input.sentOn,
          method: input.method,
          recorded_by: actor.userId,
          recorded_at: now,
        });
        await audit.record(tx, {
          actor: open.who,
          action: 'record',
          outcome: 'success',
          caseId,
          records: [
            { type: 'prior_written_notice', id: row.id },
            { type: 'person', id: personId, category: 1 },
          ],
        });
        return {
          id: row.id,
          caseId,
          personId,
          organisationId: row.organisation_id,
          sentOn: row.sent_on,
          method: row.method,
          recordedAt: isoOf(row.recorded_at),
        };
      });
    },

    /** The dashboard's tasks: how many persons of each case the actor's organisations have still to notify. */
    listDuePriorNotices(actor: Actor): Promise<DuePriorNoticeList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(context, { action: 'case.list' }, 'consult');
        const rows = await records.duePriorNotices(
          tx,
          context.acting,
          CASE_ACTION_RULES['case.contribute'].grants,
          brusselsDateOf(clock.now()),
          LIST_LIMIT,
        );
        if (rows.length > 0) {
          await audit.record(tx, {
            actor: auditActorOf(context, decision),
            action: 'consult',
            outcome: 'success',
            records: rows.map((row) => ({ type: 'case', id: row.case_id })),
            justification: actor.justification!,
            reason: 'prior_notices_due',
          });
        }
        return {
          due: rows.map((row) => ({
            caseId: row.case_id,
            organisationId: row.organisation_id,
            persons: row.persons,
          })),
        };
      });
    },
  };
}
