/**
 * The persons designated for special categories (bill art. 3 §2 al. 2; Law of 30 July 2018 arts 9
 * and 10 §2; SPEC DAT-19, DAT-27): the controller's DPO designates its own staff per category,
 * with their function and bound to confidentiality, withdraws designations, and exports the list
 * for the supervisory authority. Only designated persons see the content of such items.
 */
import {
  type CreateDesignation,
  CreateDesignationSchema,
  type DesignationList,
} from '../../../contracts/designations.js';
import { IdSchema } from '../../../contracts/identity.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { DesignationsRepository } from './designations.repository.js';

export interface DesignationServiceDeps {
  db: Db;
  designations: DesignationsRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
}

const RULE = 'bill art. 3 §2 al. 2; Law of 30 July 2018 arts 9 and 10 §2 (SPEC DAT-19)';

/** One CSV field, quoted (RFC 4180), and never read as a formula by a spreadsheet. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function createDesignationService({ db, designations, access, audit, clock }: DesignationServiceDeps) {
  function manage<T>(actor: Actor, action: AuditAction, work: (tx: Tx, record: (ids: string[]) => Promise<number>) => Promise<T>) {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'designation.manage' }, action);
      return work(tx, (ids) =>
        audit.record(tx, {
          actor: auditActorOf(context, decision),
          action,
          outcome: 'success',
          records: ids.map((id) => ({ type: 'designation', id })),
        }),
      );
    });
  }

  async function list(tx: Tx, organisationId: string): Promise<DesignationList> {
    const rows = await designations.ofOrganisation(tx, organisationId);
    return {
      version: rows.length + rows.filter((row) => row.revoked_at).length,
      designations: rows.map((row) => ({
        id: row.id,
        user: { id: row.user_id, displayName: row.display_name },
        scope: row.scope as DesignationList['designations'][number]['scope'],
        function: row.function,
        designatedAt: new Date(row.designated_at).toISOString(),
        designatedBy: row.designated_by_name,
        revokedAt: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
      })),
    };
  }

  return {
    listDesignations(actor: Actor): Promise<DesignationList> {
      return manage(actor, 'admin.designations_listed', async (tx, record) => {
        const result = await list(tx, actor.organisationId);
        await record(result.designations.map((d) => d.id));
        return result;
      });
    },

    designate(actor: Actor, input: CreateDesignation): Promise<DesignationList> {
      return manage(actor, 'admin.designation_created', async (tx, record) => {
        refuseIfAny(shapeIssues(CreateDesignationSchema, input));
        const issues = [];
        if (!(await designations.memberOf(tx, actor.organisationId, input.userId))) {
          issues.push({ field: '/body/userId', message: 'is not an active member of your organisation' });
        }
        if (!input.confidentialityConfirmed) {
          issues.push({ field: '/body/confidentialityConfirmed', message: 'a designated person is bound to confidentiality' });
        }
        refuseIfAny(issues, RULE);
        const row = await designations.insert(tx, {
          organisation_id: actor.organisationId,
          user_id: input.userId,
          scope: input.scope,
          function: input.function,
          designated_by: actor.userId,
          designated_at: clock.now(),
        });
        if (!row) throw new DomainError('conflict', { detail: 'This person is designated for this category already' });
        await record([row.id]);
        return list(tx, actor.organisationId);
      });
    },

    revoke(actor: Actor, designationId: string): Promise<DesignationList> {
      return manage(actor, 'admin.designation_revoked', async (tx, record) => {
        refuseIfAny(shapeIssues(IdSchema, designationId, 'params/designationId'));
        if (!(await designations.revoke(tx, actor.organisationId, designationId, actor.userId, clock.now()))) {
          throw new DomainError('not_found', { detail: 'No such designation in force' });
        }
        await record([designationId]);
        return list(tx, actor.organisationId);
      });
    },

    /** DAT-19, DAT-27: the list for the supervisory authority: names, functions and dates. */
    exportCsv(actor: Actor): Promise<string> {
      return manage(actor, 'admin.designations_exported', async (tx, record) => {
        const { version, designations: rows } = await list(tx, actor.organisationId);
        await record(rows.map((d) => d.id));
        const header = ['name', 'function', 'category', 'designated_at', 'designated_by', 'revoked_at'];
        const lines = rows.map((d) =>
          [d.user.displayName, d.function, d.scope, d.designatedAt, d.designatedBy, d.revokedAt ?? ''].map(csvField).join(','),
        );
        return `# register version ${version}\n${header.join(',')}\n${lines.join('\n')}\n`;
      });
    },
  };
}

export type DesignationService = ReturnType<typeof createDesignationService>;
