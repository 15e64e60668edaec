/**
 * Platform administration of organisations and users (issue 3, scope 1–2). Each use case is
 * one transaction (ARCHITECTURE §3.1): the access decision, the validation of the whole input,
 * the write, then its audit event. A refused actor leaves only a `denied` audit event.
 */
import {
  type ChangeUserPermissions,
  ChangeUserPermissionsSchema,
  type ChangeUserRoles,
  ChangeUserRolesSchema,
  type CreateOrganisation,
  CreateOrganisationSchema,
  type CreateRoyalDecree,
  CreateRoyalDecreeSchema,
  type CreateUser,
  CreateUserSchema,
  IdSchema,
  INSPECTOR_ROLE,
  type Organisation,
  type OrganisationKind,
  type UpdateOrganisation,
  UpdateOrganisationSchema,
  type UpdateRoyalDecree,
  UpdateRoyalDecreeSchema,
  type User,
  type UserListQuery,
  UserListQuerySchema,
  type UserRole,
} from '../../../contracts/identity.js';
import { type Db, inTransaction, type Tx } from '../../db/database.js';
import type { AuditLog, AuditRecordRef } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import { brusselsDateOf } from '../../kernel/legal-rules/index.js';
import { refusable, refuse, refuseWith } from '../../kernel/refusal.js';
import { prohibitionBlocking } from '../prohibitions/active-prohibition.js';
import { PROHIBITION_RULE } from '../prohibitions/prohibition-rules.js';
import type { IdentityRepository } from './identity.repository.js';
import {
  normaliseOrganisation,
  organisationColumns,
  organisationRecord,
  toOrganisation,
  toUser,
} from './identity.records.js';
import { refuseIfAny, shapeIssues } from './input.js';
import type { OnboardingGate } from './onboarding-gate.js';
import { organisationIssues } from './organisation-rules.js';
import { type Actor, canAdministerPlatform } from './platform-access.js';
import { decreeRule, ended, royalDecreeIssues } from './royal-decree-rules.js';
import { accountIssues, normaliseEmail, roleProblem } from './user-rules.js';

export interface IdentityServiceDeps {
  db: Db;
  identity: IdentityRepository;
  audit: AuditLog;
  clock: Clock;
  /**
   * SPEC SCO-08: the federal-use compliance gate the operator console asks before it onboards a
   * federal participant (app.ts wires the compliance module's). Without it, as when the demo
   * command or a test fixture sets up a platform's first organisations, nothing is held back.
   */
  onboardingGate?: OnboardingGate;
}

type AdminAction =
  | 'admin.organisations_listed'
  | 'admin.organisation_viewed'
  | 'admin.users_listed'
  | 'admin.user_viewed'
  | 'admin.organisation_created'
  | 'admin.organisation_updated'
  | 'admin.user_created'
  | 'admin.user_roles_changed'
  | 'admin.user_permissions_changed'
  | 'admin.user_deactivated'
  | 'admin.royal_decree_recorded'
  | 'admin.royal_decree_changed';

const PLATFORM_RULE = 'ARCHITECTURE §3.6; bill art. 3 §1 al. 2';

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function createIdentityService({ db, identity, audit, clock, onboardingGate }: IdentityServiceDeps) {
  /** Runs `work` for an operator; anyone else gets `forbidden` and a committed denied event. */
  async function administer<T>(
    actor: Actor,
    action: AdminAction,
    work: (tx: Tx, record: (records: AuditRecordRef[]) => Promise<number>) => Promise<T>,
  ): Promise<T> {
    if (!canAdministerPlatform(actor)) {
      await inTransaction(db, (tx) =>
        audit.record(tx, {
          actor: {
            userId: actor.userId,
            organisationId: actor.organisationId,
            role: actor.roles[0] ?? 'none',
          },
          action,
          outcome: 'denied',
          reason: 'not_platform_operator',
        }),
      );
      // The caller knows the platform exists: 403, not 404 (ARCHITECTURE §3.7).
      throw new DomainError('forbidden', {
        detail: 'Only the platform operator administers',
        rule: PLATFORM_RULE,
      });
    }
    const auditActor = { userId: actor.userId, organisationId: actor.organisationId, role: 'operator' };
    // A `refuse` inside `work` leaves its denied event behind (SPEC PEN-18: refused role assignments).
    return refusable(db, audit, (tx) =>
      work(tx, (records) => audit.record(tx, { actor: auditActor, action, outcome: 'success', records })),
    );
  }

  async function organisationOrFail(tx: Tx, id: string) {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/organisationId'));
    const row = await identity.organisationForUpdate(tx, id);
    if (!row) throw new DomainError('not_found', { detail: 'No such organisation' });
    return row;
  }

  async function userOrFail(tx: Tx, id: string) {
    refuseIfAny(shapeIssues(IdSchema, id, 'params/userId'));
    const row = await identity.userForUpdate(tx, id);
    if (!row) throw new DomainError('not_found', { detail: 'No such user' });
    if (!row.active) throw new DomainError('conflict', { detail: 'The user is deactivated' });
    return row;
  }

  /**
   * SPEC SCO-08: onboarding a federal participant while the federal-use gate is red is refused (409,
   * each unmet condition named) and the refusal stays in the audit log as denied.
   */
  async function refuseWhileGateRed(
    tx: Tx,
    actor: Actor,
    action: AdminAction,
    kind: string,
    records: AuditRecordRef[],
  ): Promise<void> {
    const refusal = await onboardingGate?.refusalFor(tx, kind);
    if (!refusal) return;
    refuseWith(refusal, {
      actor: { userId: actor.userId, organisationId: actor.organisationId, role: 'operator' },
      action,
      outcome: 'denied',
      reason: 'federal_use_gate_red',
      records,
    });
  }

  function roleIssues(kind: OrganisationKind, roles: readonly UserRole[]): FieldIssue[] {
    const problem = roleProblem(kind, roles);
    return problem ? [{ field: '/body/roles', message: problem }] : [];
  }

  return {
    /** Reading the platform's directory is a privileged action, so it is audited (ARCHITECTURE §3.6). */
    listOrganisations(actor: Actor): Promise<Organisation[]> {
      return administer(actor, 'admin.organisations_listed', async (tx, record) => {
        const [rows, decrees] = await Promise.all([identity.organisations(tx), identity.royalDecrees(tx)]);
        await record([]);
        return rows.map((row) => toOrganisation(row, decrees));
      });
    },

    getOrganisation(actor: Actor, organisationId: string): Promise<Organisation> {
      return administer(actor, 'admin.organisation_viewed', async (tx, record) => {
        refuseIfAny(shapeIssues(IdSchema, organisationId, 'params/organisationId'));
        const row = await identity.organisation(tx, organisationId);
        if (!row) throw new DomainError('not_found', { detail: 'No such organisation' });
        await record([{ type: 'organisation', id: row.id }]);
        return toOrganisation(row, await identity.royalDecrees(tx, row.id));
      });
    },

    /** The users of one organisation, or of all; deactivated users too (they stay attributable). */
    listUsers(actor: Actor, query: UserListQuery): Promise<User[]> {
      return administer(actor, 'admin.users_listed', async (tx, record) => {
        refuseIfAny(shapeIssues(UserListQuerySchema, query, 'querystring'));
        const rows = await identity.users(tx, query.organisationId);
        await record(query.organisationId ? [{ type: 'organisation', id: query.organisationId }] : []);
        return rows.map(toUser);
      });
    },

    getUser(actor: Actor, userId: string): Promise<User> {
      return administer(actor, 'admin.user_viewed', async (tx, record) => {
        refuseIfAny(shapeIssues(IdSchema, userId, 'params/userId'));
        const row = await identity.user(tx, userId);
        if (!row) throw new DomainError('not_found', { detail: 'No such user' });
        await record([{ type: 'user', id: row.id }]);
        return toUser(row);
      });
    },

    /** SPEC SCO-01, SCO-05, SCO-07, SCO-11, SCO-12, SCO-13, ROL-10, ROL-12. */
    createOrganisation(actor: Actor, input: CreateOrganisation): Promise<Organisation> {
      return administer(actor, 'admin.organisation_created', async (tx, record) => {
        refuseIfAny(shapeIssues(CreateOrganisationSchema, input));
        const organisation = normaliseOrganisation(input);
        refuseIfAny(organisationIssues(organisation));
        await refuseWhileGateRed(tx, actor, 'admin.organisation_created', organisation.kind, []);
        const now = clock.now();
        const row = await identity.insertOrganisation(tx, {
          ...organisationColumns(organisation),
          created_at: now,
          updated_at: now,
        });
        await record([{ type: 'organisation', id: row.id }]);
        return toOrganisation(row, []);
      });
    },

    /** The audit event names the changed fields, never their values (ARCHITECTURE §3.4). */
    updateOrganisation(
      actor: Actor,
      organisationId: string,
      patch: UpdateOrganisation,
    ): Promise<Organisation> {
      return administer(actor, 'admin.organisation_updated', async (tx, record) => {
        const current = await organisationOrFail(tx, organisationId);
        refuseIfAny(shapeIssues(UpdateOrganisationSchema, patch));
        const before = organisationRecord(current);
        const after = normaliseOrganisation({ ...before, ...patch });
        const issues = organisationIssues(after);
        if ((before.kind === 'platform_operator') !== (after.kind === 'platform_operator')) {
          issues.push({ field: '/body/kind', message: 'cannot turn a participant into the host or back' });
        }
        refuseIfAny(issues);
        // SCO-08: turning an organisation into a federal participant onboards one.
        if (after.kind !== before.kind) {
          await refuseWhileGateRed(tx, actor, 'admin.organisation_updated', after.kind, [
            { type: 'organisation', id: current.id },
          ]);
        }
        const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
          (name) => !sameValue(before[name], after[name]),
        );
        const decrees = await identity.royalDecrees(tx, current.id);
        if (changed.length === 0) return toOrganisation(current, decrees);
        const row = await identity.updateOrganisation(tx, current.id, {
          ...organisationColumns(after),
          updated_at: clock.now(),
        });
        await record([
          { type: 'organisation', id: row.id },
          ...changed.map((name) => ({ type: 'changed_field', id: name })),
        ]);
        return toOrganisation(row, decrees);
      });
    },

    /**
     * SPEC DAT-32, DAT-33: the operator records an individual royal decree the organisation
     * processes data under (L1992 art. 8 §5, L2007 art. 6 §3), with its reference and validity.
     */
    recordRoyalDecree(actor: Actor, organisationId: string, input: CreateRoyalDecree): Promise<Organisation> {
      return administer(actor, 'admin.royal_decree_recorded', async (tx, record) => {
        const organisation = await organisationOrFail(tx, organisationId);
        refuseIfAny(shapeIssues(CreateRoyalDecreeSchema, input));
        const decree = { ...input, reference: input.reference.trim(), validUntil: input.validUntil ?? null };
        const issues = royalDecreeIssues(organisation.kind as OrganisationKind, decree);
        if (await identity.royalDecreeReferenceInUse(tx, organisation.id, decree.kind, decree.reference)) {
          issues.push({ field: '/body/reference', message: 'this decree is recorded already' });
        }
        refuseIfAny(issues, decreeRule(decree.kind));
        const now = clock.now();
        const row = await identity.insertRoyalDecree(tx, {
          organisation_id: organisation.id,
          kind: decree.kind,
          reference: decree.reference,
          valid_from: decree.validFrom,
          valid_until: decree.validUntil,
          recorded_by: actor.userId,
          recorded_at: now,
          updated_by: actor.userId,
          updated_at: now,
        });
        await record([
          { type: 'organisation', id: organisation.id },
          { type: 'royal_decree', id: row.id },
        ]);
        return toOrganisation(organisation, await identity.royalDecrees(tx, organisation.id));
      });
    },

    /**
     * A correction of a decree still running, the changed fields named in the audit event. A decree
     * that has ended is kept as it was: extending it would silently lift the block of its items
     * (SPEC DAT-33); the decree that renews it is recorded as a decree of its own.
     */
    updateRoyalDecree(
      actor: Actor,
      organisationId: string,
      royalDecreeId: string,
      patch: UpdateRoyalDecree,
    ): Promise<Organisation> {
      return administer(actor, 'admin.royal_decree_changed', async (tx, record) => {
        const organisation = await organisationOrFail(tx, organisationId);
        refuseIfAny(shapeIssues(IdSchema, royalDecreeId, 'params/royalDecreeId'));
        const current = await identity.royalDecreeForUpdate(tx, organisation.id, royalDecreeId);
        if (!current) throw new DomainError('not_found', { detail: 'No such royal decree' });
        const rule = decreeRule(current.kind);
        if (ended({ validUntil: current.valid_until }, brusselsDateOf(clock.now()))) {
          throw new DomainError('conflict', {
            detail: 'This royal decree has ended and is kept as it was: record the decree that renews it',
            rule,
          });
        }
        refuseIfAny(shapeIssues(UpdateRoyalDecreeSchema, patch));
        const before = { kind: current.kind, reference: current.reference, validFrom: current.valid_from, validUntil: current.valid_until };
        const after = { ...before, ...patch, reference: (patch.reference ?? before.reference).trim() };
        const issues = royalDecreeIssues(organisation.kind as OrganisationKind, after);
        if (await identity.royalDecreeReferenceInUse(tx, organisation.id, after.kind, after.reference, current.id)) {
          issues.push({ field: '/body/reference', message: 'this decree is recorded already' });
        }
        refuseIfAny(issues, rule);
        const changed = (['reference', 'validFrom', 'validUntil'] as const).filter((name) => before[name] !== after[name]);
        if (changed.length > 0) {
          await identity.updateRoyalDecree(tx, current.id, {
            reference: after.reference,
            valid_from: after.validFrom,
            valid_until: after.validUntil,
            updated_by: actor.userId,
            updated_at: clock.now(),
          });
          await record([
            { type: 'organisation', id: organisation.id },
            { type: 'royal_decree', id: current.id },
            ...changed.map((name) => ({ type: 'changed_field', id: name })),
          ]);
        }
        return toOrganisation(organisation, await identity.royalDecrees(tx, organisation.id));
      });
    },

    /** SPEC SEC-01: a named person of one organisation, with roles that fit it. */
    createUser(actor: Actor, input: CreateUser): Promise<User> {
      return administer(actor, 'admin.user_created', async (tx, record) => {
        refuseIfAny(shapeIssues(CreateUserSchema, input));
        const email = normaliseEmail(input.email);
        const issues = accountIssues(email, input.displayName);
        const organisation = await identity.organisationForUpdate(tx, input.organisationId);
        if (!organisation?.active) {
          issues.push({ field: '/body/organisationId', message: 'is not an active organisation' });
        } else {
          issues.push(...roleIssues(organisation.kind as OrganisationKind, input.roles));
        }
        if (await identity.emailInUse(tx, email))
          issues.push({ field: '/body/email', message: 'is already in use' });
        refuseIfAny(issues, 'bill art. 3 §2 al. 1');
        // SCO-08: a member of a federal participant is onboarded only while the gate is green.
        await refuseWhileGateRed(tx, actor, 'admin.user_created', organisation!.kind, [
          { type: 'organisation', id: input.organisationId },
        ]);
        const now = clock.now();
        const row = await identity.insertUser(tx, {
          organisation_id: input.organisationId,
          email,
          display_name: input.displayName.trim(),
          roles: [...input.roles],
          health_professional: input.healthProfessional ?? false,
          created_at: now,
          updated_at: now,
        });
        await record([
          { type: 'user', id: row.id },
          { type: 'organisation', id: row.organisation_id },
        ]);
        return toUser(row);
      });
    },

    /** A privilege change ends the user's sessions (ASVS V7, issue 3 scope 4). */
    changeUserRoles(actor: Actor, userId: string, input: ChangeUserRoles): Promise<User> {
      return administer(actor, 'admin.user_roles_changed', async (tx, record) => {
        const current = await userOrFail(tx, userId);
        refuseIfAny(shapeIssues(ChangeUserRolesSchema, input));
        // The foreign key guarantees the organisation.
        const organisation = (await identity.organisationForUpdate(tx, current.organisation_id))!;
        refuseIfAny(roleIssues(organisation.kind as OrganisationKind, input.roles), PLATFORM_RULE);
        // SPEC SUP-03: an inspector's account is the Commission's, granted by a DPO for a period.
        if (current.roles.includes(INSPECTOR_ROLE)) {
          refuseIfAny(
            [{ field: '/body/roles', message: "an inspector's account holds the inspector role only, and ends with its grant" }],
            'L1992 art. 32 §1 (SPEC SUP-03)',
          );
        }
        // SPEC PEN-17 (L1992 art. 41 §2): no role that manages a processing for a person the court
        // prohibited; the refused attempt stays in the audit log (PEN-18).
        const prohibited = await prohibitionBlocking(tx, current.id, input.roles, brusselsDateOf(clock.now()));
        if (prohibited) {
          refuse(
            'conflict',
            PROHIBITION_RULE,
            `The account's holder is prohibited from managing a processing until ${prohibited.endsOn} (judgment ${prohibited.judgmentReference})`,
            {
              actor: { userId: actor.userId, organisationId: actor.organisationId, role: 'operator' },
              action: 'admin.user_roles_changed',
              outcome: 'denied',
              reason: 'management_prohibited',
              records: [
                { type: 'user', id: current.id },
                { type: 'management_prohibition', id: prohibited.prohibitionId },
                ...input.roles.map((role) => ({ type: 'role', id: role })),
              ],
            },
          );
        }
        if (sameValue([...current.roles].sort(), [...input.roles].sort())) return toUser(current);
        const row = await identity.updateUserEndingSessions(tx, current.id, {
          roles: [...input.roles],
          updated_at: clock.now(),
        });
        // Role codes are not personal data: the log says which privileges the user now holds.
        await record([
          { type: 'user', id: row.id },
          ...input.roles.map((role) => ({ type: 'role', id: role })),
        ]);
        return toUser(row);
      });
    },

    /**
     * SEC-07 (L1992 art. 16 §1 4°): matching across cases is granted to named users separately.
     * A privilege change: the user's sessions end, like a change of roles.
     */
    changeUserPermissions(actor: Actor, userId: string, input: ChangeUserPermissions): Promise<User> {
      return administer(actor, 'admin.user_permissions_changed', async (tx, record) => {
        const current = await userOrFail(tx, userId);
        refuseIfAny(shapeIssues(ChangeUserPermissionsSchema, input));
        if (current.cross_case_search === input.crossCaseSearch) return toUser(current);
        const row = await identity.updateUserEndingSessions(tx, current.id, {
          cross_case_search: input.crossCaseSearch,
          updated_at: clock.now(),
        });
        await record([
          { type: 'user', id: row.id },
          ...(input.crossCaseSearch ? [{ type: 'permission', id: 'cross_case_search' }] : []),
        ]);
        return toUser(row);
      });
    },

    /** Never a delete: the audit log stays attributable (SPEC PEN-19); every session ends. */
    deactivateUser(actor: Actor, userId: string): Promise<User> {
      return administer(actor, 'admin.user_deactivated', async (tx, record) => {
        const current = await userOrFail(tx, userId);
        const now = clock.now();
        const row = await identity.updateUserEndingSessions(tx, current.id, {
          active: false,
          deactivated_at: now,
          updated_at: now,
        });
        await record([{ type: 'user', id: row.id }]);
        return toUser(row);
      });
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
