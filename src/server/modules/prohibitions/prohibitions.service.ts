/**
 * Prohibitions from managing a processing (L1992 art. 41 §2-3; SPEC PEN-17, PEN-18). The platform
 * operator records the court's prohibition with its judgment, its period (at most two years, the
 * legal-rules module's bound) and the person's accounts on the platform, which the operator picks:
 * Concerto holds no national number of its users and a name is shared by several people, so the
 * match is a recorded human decision. While the period runs:
 * - no account of the person holds a role that manages a processing: those held are withdrawn when
 *   the prohibition is recorded or linked (if it already runs), or on its first day by the daily
 *   job; an account left with no role is deactivated;
 * - assigning one is refused where roles are assigned (identity.service.ts, via
 *   active-prohibition.ts), and the refusal is in the audit log;
 * - `roleAssignmentAttempts` is the audit query of PEN-18: every attempt since the recording to give
 *   the person's accounts such a role, which enforcement shows as refused attempts only.
 * Each use case is one transaction with its audit events; the operator's actions go through the
 * access module (`platform.administer`).
 */
import { randomUUID } from 'node:crypto';
import { IdSchema } from '../../../contracts/identity.js';
import {
  type LinkProhibitedAccount,
  LinkProhibitedAccountSchema,
  type Prohibition,
  type ProhibitionList,
  type RecordProhibition,
  RecordProhibitionSchema,
  type RoleAssignmentAttempts,
} from '../../../contracts/prohibitions.js';
import type { Db, Tx } from '../../db/database.js';
import type {
  AuditAction,
  AuditActor,
  AuditEvent,
  AuditLog,
  AuditRecordRef,
} from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import type { Envelope } from '../../kernel/crypto/envelope.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import {
  brusselsDateOf,
  type CivilDate,
  endOfBrusselsDay,
  type LegalRules,
  parseCivilDate,
} from '../../kernel/legal-rules/index.js';
import { compareCivilDates } from '../../kernel/legal-rules/civil-date.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, auditActorOf } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import {
  managingRolesIn,
  notEndedOn,
  PROHIBITION_RULE,
  prohibitionIssues,
  rolesWithoutManaging,
  runsOn,
} from './prohibition-rules.js';
import type { LinkedAccountRow, ProhibitionRow, ProhibitionsRepository } from './prohibitions.repository.js';

export interface ProhibitionServiceDeps {
  db: Db;
  prohibitions: ProhibitionsRepository;
  access: Access;
  audit: AuditLog;
  envelope: Envelope;
  clock: Clock;
  rules: LegalRules;
}

/** The person's name is judicial data (L1992 art. 8): encrypted under the prohibition's own key. */
const nameField = (id: string) => ({ scope: `prohibition:${id}`, record: `prohibition:${id}`, version: 1 });
const prohibitionRef = (id: string): AuditRecordRef => ({ type: 'management_prohibition', id });

/**
 * Withdraws the managing roles the accounts of a running prohibition hold (PEN-17), in the caller's
 * transaction; returns the events to record. The account that is left without a role is deactivated.
 */
async function withdrawManagingRoles(
  prohibitions: ProhibitionsRepository,
  tx: Tx,
  prohibitionId: string,
  userIds: readonly string[],
  at: Date,
  actor: AuditActor,
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  const system = 'system' in actor;
  for (const userId of userIds) {
    const user = await prohibitions.userForUpdate(tx, userId);
    if (!user?.active || managingRolesIn(user.roles).length === 0) continue;
    const kept = rolesWithoutManaging(user.roles);
    const records = [{ type: 'user', id: userId }, prohibitionRef(prohibitionId)];
    if (kept.length === 0) {
      await prohibitions.updateUserEndingSessions(tx, userId, {
        active: false,
        deactivated_at: at,
        updated_at: at,
      });
      events.push({
        actor,
        action: system ? 'system.prohibited_account_deactivated' : 'admin.user_deactivated',
        outcome: 'success',
        records,
        reason: 'management_prohibition',
      });
    } else {
      await prohibitions.updateUserEndingSessions(tx, userId, { roles: kept, updated_at: at });
      // As every role change: the roles the account now holds (no managing one).
      events.push({
        actor,
        action: system ? 'system.prohibited_roles_withdrawn' : 'admin.user_roles_changed',
        outcome: 'success',
        records: [...records, ...kept.map((role) => ({ type: 'role', id: role }))],
        reason: 'management_prohibition',
      });
    }
  }
  return events;
}

/**
 * The daily job (PEN-17): on each day a prohibition runs, none of its accounts holds a managing
 * role, including one recorded before its start. Idempotent: nothing is withdrawn twice.
 */
export async function enforceRunningProhibitions(
  { db, prohibitions, audit }: Pick<ProhibitionServiceDeps, 'db' | 'prohibitions' | 'audit'>,
  at: Date,
): Promise<number> {
  return refusable(db, audit, async (tx) => {
    const running = await prohibitions.runningOn(tx, brusselsDateOf(at));
    const accounts = await prohibitions.accountsOf(
      tx,
      running.map((row) => row.id),
    );
    const events: AuditEvent[] = [];
    for (const row of running) {
      const userIds = accounts
        .filter((account) => account.prohibition_id === row.id)
        .map((account) => account.user_id);
      events.push(
        ...(await withdrawManagingRoles(prohibitions, tx, row.id, userIds, at, {
          system: 'prohibition-enforcement',
        })),
      );
    }
    await audit.recordMany(tx, events);
    return events.length;
  });
}

export function createProhibitionService(deps: ProhibitionServiceDeps) {
  const { db, prohibitions, access, audit, envelope, clock, rules } = deps;

  /** The operator's use case: the access module decides (ARCHITECTURE §3.6); a refusal is audited. */
  function administer<T>(actor: Actor, action: AuditAction, work: (tx: Tx, who: AuditActor) => Promise<T>) {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'platform.administer' }, action);
      return work(tx, auditActorOf(context, decision));
    });
  }

  async function present(tx: Tx, rows: readonly ProhibitionRow[], today: CivilDate): Promise<Prohibition[]> {
    const accounts = await prohibitions.accountsOf(
      tx,
      rows.map((row) => row.id),
    );
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        personName: (await envelope.decrypt(tx, nameField(row.id), row.person_name)).toString('utf8'),
        court: row.court,
        judgmentReference: row.judgment_reference,
        judgmentDate: row.judgment_date,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        running: runsOn({ startsOn: row.starts_on, endsOn: row.ends_on }, today),
        accounts: accounts.filter((account) => account.prohibition_id === row.id).map(presentAccount),
        recordedAt: new Date(row.recorded_at).toISOString(),
      })),
    );
  }

  const presentAccount = (row: LinkedAccountRow): Prohibition['accounts'][number] => ({
    userId: row.user_id,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    roles: row.roles as Prohibition['accounts'][number]['roles'],
    active: row.active,
    linkedAt: new Date(row.linked_at).toISOString(),
  });

  /** The accounts named exist; an unknown id is a field issue, not a 404 (the operator sees every user). */
  async function accountIssues(
    tx: Tx,
    userIds: readonly string[],
    fieldOf: (index: number) => string,
  ): Promise<FieldIssue[]> {
    const issues: FieldIssue[] = [];
    for (const [index, userId] of userIds.entries()) {
      if (!(await prohibitions.userForUpdate(tx, userId)))
        issues.push({ field: fieldOf(index), message: 'is not an account' });
    }
    return issues;
  }

  /** The two-year bound is the legal-rules module's (L1992 art. 41 §2); its field is named in the body. */
  function boundIssues(startsOn: string, endsOn: string): FieldIssue[] {
    try {
      rules.assertManagementProhibition(parseCivilDate(startsOn), parseCivilDate(endsOn));
      return [];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return (error.details.fields ?? []).map((issue) => ({ ...issue, field: '/body/endsOn' }));
    }
  }

  return {
    /** PEN-17: the operator records the judgment's prohibition and the person's accounts. */
    recordProhibition(actor: Actor, input: RecordProhibition): Promise<Prohibition> {
      return administer(actor, 'admin.management_prohibition_recorded', async (tx, who) => {
        refuseIfAny(shapeIssues(RecordProhibitionSchema, input), PROHIBITION_RULE);
        const now = clock.now();
        const today = brusselsDateOf(now);
        const issues = [
          ...boundIssues(input.startsOn, input.endsOn),
          ...prohibitionIssues(input, today),
          ...(await accountIssues(tx, input.userIds, (index) => `/body/userIds/${index}`)),
        ];
        refuseIfAny(issues, PROHIBITION_RULE);
        const id = randomUUID();
        const row = await prohibitions.insert(tx, {
          id,
          person_name: await envelope.encrypt(tx, nameField(id), input.personName.trim()),
          court: input.court.trim(),
          judgment_reference: input.judgmentReference.trim(),
          judgment_date: input.judgmentDate,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          recorded_by: actor.userId,
          recorded_at: now,
        });
        await prohibitions.link(
          tx,
          input.userIds.map((userId) => ({
            prohibition_id: id,
            user_id: userId,
            linked_by: actor.userId,
            linked_at: now,
          })),
        );
        const withdrawn = runsOn({ startsOn: input.startsOn, endsOn: input.endsOn }, today)
          ? await withdrawManagingRoles(prohibitions, tx, id, input.userIds, now, who)
          : [];
        await audit.recordMany(tx, [
          {
            actor: who,
            action: 'admin.management_prohibition_recorded',
            outcome: 'success',
            records: [prohibitionRef(id), ...input.userIds.map((userId) => ({ type: 'user', id: userId }))],
          },
          ...withdrawn,
        ]);
        const [presented] = await present(tx, [row], today);
        return presented!;
      });
    },

    /** A further account of the same person, e.g. one the operator found after the recording. */
    linkAccount(actor: Actor, prohibitionId: string, input: LinkProhibitedAccount): Promise<Prohibition> {
      return administer(actor, 'admin.management_prohibition_account_linked', async (tx, who) => {
        refuseIfAny(shapeIssues(IdSchema, prohibitionId, 'params/prohibitionId'));
        // A prohibition is never changed; the link's primary key keeps an account from being linked twice.
        const row = await prohibitions.byId(tx, prohibitionId);
        if (!row) throw new DomainError('not_found', { detail: 'No such prohibition' });
        refuseIfAny(shapeIssues(LinkProhibitedAccountSchema, input), PROHIBITION_RULE);
        refuseIfAny(await accountIssues(tx, [input.userId], () => '/body/userId'), PROHIBITION_RULE);
        const now = clock.now();
        const today = brusselsDateOf(now);
        if (!notEndedOn({ endsOn: row.ends_on }, today)) {
          throw new DomainError('conflict', { detail: 'The prohibition has ended', rule: PROHIBITION_RULE });
        }
        const linked = await prohibitions.accountsOf(tx, [row.id]);
        if (linked.some((account) => account.user_id === input.userId)) {
          throw new DomainError('conflict', {
            detail: 'The account is linked already',
            rule: PROHIBITION_RULE,
          });
        }
        await prohibitions.link(tx, [
          { prohibition_id: row.id, user_id: input.userId, linked_by: actor.userId, linked_at: now },
        ]);
        const withdrawn = runsOn({ startsOn: row.starts_on, endsOn: row.ends_on }, today)
          ? await withdrawManagingRoles(prohibitions, tx, row.id, [input.userId], now, who)
          : [];
        await audit.recordMany(tx, [
          {
            actor: who,
            action: 'admin.management_prohibition_account_linked',
            outcome: 'success',
            records: [prohibitionRef(row.id), { type: 'user', id: input.userId }],
          },
          ...withdrawn,
        ]);
        const [presented] = await present(tx, [row], today);
        return presented!;
      });
    },

    /** Every prohibition, running, to come and ended, with its accounts. Reading is a privileged act: audited. */
    listProhibitions(actor: Actor): Promise<ProhibitionList> {
      return administer(actor, 'admin.management_prohibitions_listed', async (tx, who) => {
        const rows = await prohibitions.all(tx);
        const list = await present(tx, rows, brusselsDateOf(clock.now()));
        await audit.record(tx, {
          actor: who,
          action: 'admin.management_prohibitions_listed',
          outcome: 'success',
          records: rows.map((row) => prohibitionRef(row.id)),
        });
        return { prohibitions: list };
      });
    },

    /**
     * PEN-18 (L1992 art. 41 §3): the audit query "role assignments to prohibited persons". For each
     * prohibition, the audit log's role changes of its accounts that gave, or tried to give, a
     * managing role from the moment it was recorded (before, the platform could not know it) to the
     * end of its last day. Enforced, it lists refused attempts only.
     */
    roleAssignmentAttempts(actor: Actor): Promise<RoleAssignmentAttempts> {
      return administer(actor, 'admin.prohibited_role_assignments_queried', async (tx, who) => {
        const rows = await prohibitions.all(tx);
        const accounts = await prohibitions.accountsOf(
          tx,
          rows.map((row) => row.id),
        );
        const events = await prohibitions.roleChangesOf(
          tx,
          accounts.map((account) => account.user_id),
        );
        const attempts: RoleAssignmentAttempts['attempts'] = [];
        for (const event of events) {
          const payload = JSON.parse(event.payload) as {
            at: string;
            action: string;
            outcome: string;
            actor: { userId?: string; role?: string; system?: string };
            records?: { type: string; id: string }[];
          };
          const at = new Date(payload.at);
          const records = payload.records ?? [];
          const roles = records.filter((r) => r.type === 'role').map((r) => r.id);
          if (managingRolesIn(roles).length === 0) continue;
          const userId = records.find((r) => r.type === 'user')?.id;
          for (const row of rows) {
            const names = accounts.some(
              (account) => account.prohibition_id === row.id && account.user_id === userId,
            );
            const from = new Date(row.recorded_at).getTime();
            const until = endOfBrusselsDay(row.ends_on as CivilDate).getTime();
            const inPeriod =
              compareCivilDates(row.starts_on as CivilDate, brusselsDateOf(at)) <= 0 &&
              at.getTime() >= from &&
              at.getTime() < until;
            if (!names || !inPeriod) continue;
            attempts.push({
              position: event.position,
              at: payload.at,
              action: payload.action,
              outcome: payload.outcome,
              prohibitionId: row.id,
              userId: userId!,
              roles,
              actor: {
                userId: payload.actor.userId ?? payload.actor.system ?? '',
                role: payload.actor.role ?? 'system',
              },
            });
          }
        }
        await audit.record(tx, {
          actor: who,
          action: 'admin.prohibited_role_assignments_queried',
          outcome: 'success',
          records: rows.map((row) => prohibitionRef(row.id)),
        });
        return { attempts };
      });
    },
  };
}

export type ProhibitionService = ReturnType<typeof createProhibitionService>;
