/**
 * SUP-05 (L1992 art. 10 §2 al. 2): "in exceptional cases or when the data changed", the Commission
 * may impose on a controller a shorter interval than twelve months between the access requests of
 * a person. The controller's DPO records the instruction from a part of that person's request at
 * its desk: the person is then named by the request's blind indexes, never in clear, and the desk's
 * repeat check (SPEC RGT-ACC-06, rights-desk-view.ts) applies the shorter interval to every access
 * request of that person (repeat-instructions.ts). The interval must be shorter than the law's
 * (the legal-rules module's bound). One transaction with its audit event.
 */
import { randomUUID } from 'node:crypto';
import {
  type RecordRepeatInstruction,
  RecordRepeatInstructionSchema,
  type RepeatInstruction,
  type RepeatInstructionList,
} from '../../../contracts/supervision.js';
import type { Db } from '../../db/database.js';
import type { AuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf, type LegalRules } from '../../kernel/legal-rules/index.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { presentInstruction } from './supervision-presenter.js';
import { pastDateIssues, SUPERVISION_RULES } from './supervision-rules.js';
import type { SupervisionRepository } from './supervision.repository.js';

export interface RepeatInstructionServiceDeps {
  db: Db;
  supervision: SupervisionRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  rules: LegalRules;
}

export function createRepeatInstructionService({
  db,
  supervision,
  access,
  audit,
  clock,
  rules,
}: RepeatInstructionServiceDeps) {
  /** The legal bound is the legal-rules module's; its refusal is one more field issue. */
  function intervalIssues(months: number): FieldIssue[] {
    try {
      rules.assertCommissionRepeatInterval(months);
      return [];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return error.details.fields ?? [];
    }
  }

  return {
    recordInstruction(actor: Actor, input: RecordRepeatInstruction): Promise<RepeatInstruction> {
      return refusable(db, audit, async (tx) => {
        // The controller's rights desk shows its parts (migration 0023); the DPO alone records.
        const context = await access.enterControllerDesk(tx, actor, 'record');
        const decision = access.require(context, { action: 'supervision.manage' }, 'record');
        refuseIfAny(shapeIssues(RecordRepeatInstructionSchema, input), SUPERVISION_RULES.repeat);
        const now = clock.now();
        const controllerId = actor.organisationId;
        const part = await supervision.partPerson(tx, input.partId);
        const issues: FieldIssue[] = [
          ...pastDateIssues({ issuedOn: input.issuedOn }, brusselsDateOf(now)),
          ...intervalIssues(input.intervalMonths),
        ];
        if (!part || part.controller_organisation_id !== controllerId) {
          issues.push({ field: '/body/partId', message: 'is not a part of a request at this desk' });
        } else if (part.kind !== 'access') {
          issues.push({ field: '/body/partId', message: 'is not a part of an access request (art. 10)' });
        }
        if (
          input.supervisoryCaseId !== undefined &&
          !(await supervision.caseById(tx, controllerId, input.supervisoryCaseId))
        ) {
          issues.push({
            field: '/body/supervisoryCaseId',
            message: 'is not a supervisory case of this controller',
          });
        }
        refuseIfAny(issues, SUPERVISION_RULES.repeat);
        const id = randomUUID();
        const row = await supervision.insertInstruction(tx, {
          id,
          controller_organisation_id: controllerId,
          nrn_index: part!.nrn_index,
          name_dob_index: part!.name_dob_index,
          commission_reference: input.commissionReference.trim(),
          issued_on: input.issuedOn,
          interval_months: input.intervalMonths,
          part_id: part!.id,
          supervisory_case_id: input.supervisoryCaseId ?? null,
          recorded_by: actor.userId,
          recorded_at: now,
        });
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'record',
          outcome: 'success',
          records: [
            { type: 'repeat_instruction', id },
            { type: 'rights_part', id: part!.id },
          ],
          reason: 'commission_repeat_instruction',
        });
        return presentInstruction(row);
      });
    },

    listInstructions(actor: Actor): Promise<RepeatInstructionList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        const decision = access.require(context, { action: 'supervision.manage' }, 'consult');
        const rows = await supervision.instructionsOf(tx, actor.organisationId);
        await audit.record(tx, {
          actor: auditActorOf(context, decision),
          action: 'consult',
          outcome: 'success',
          records: rows.map((row) => ({ type: 'repeat_instruction', id: row.id })),
          justification: 'supervisory case register of the controller (L1992 art. 10 §2 al. 2)',
          reason: 'repeat_instructions',
        });
        return { instructions: rows.map(presentInstruction) };
      });
    },
  };
}

export type RepeatInstructionService = ReturnType<typeof createRepeatInstructionService>;
