/**
 * Inspector accounts for the Commission (L1992 art. 32 §1; SPEC SUP-03, PEN-14, PEN-22). For an
 * on-site examination the Commission's members and experts may demand any useful document; the
 * controller must not hinder them (art. 39 13°). Its DPO therefore grants, the day the Commission
 * asks, a named inspector account of the controller holding the inspector role only, for a number
 * of days; the inspector sets a password through a single-use link, enrols a second factor like
 * every account, and is shown the confidentiality duty of art. 33 before reading anything.
 *
 * What the inspector reads (its reach): the granting controller's configuration, declarations,
 * registers (supervisory cases, rights requests by date and outcome, repeat instructions, inspector
 * grants) and the metadata of its audit log, read-only. Not the content of the shared files: art. 32
 * §1 al. 3 lets the Commission *demand communication* of documents, which the controller answers
 * with the samples asked for (communicated by its own members, recorded as correspondence of the
 * supervisory case), not a standing right to browse files covered by the secrecy of CP art.
 * 458ter §2; and the need-to-know of L1992 art. 16 §1 4° gives an account no more than its task
 * needs. The access module decides each read against the grant's period with the injected clock;
 * every read is an audit event; the daily job closes the account once the period is over.
 */
import { randomUUID } from 'node:crypto';
import { IdSchema, INSPECTOR_ROLE } from '../../../contracts/identity.js';
import type { Language } from '../../../contracts/language.js';
import {
  type GrantedInspectorAccess,
  type GrantInspectorAccess,
  GrantInspectorAccessSchema,
  type InspectionAuditPage,
  type InspectionAuditQuery,
  InspectionAuditQuerySchema,
  type InspectionExport,
  type InspectionOverview,
  type InspectorGrant,
  type InspectorGrantList,
} from '../../../contracts/supervision.js';
import type { Db, Tx } from '../../db/database.js';
import type { AuditAction, AuditEvent, AuditLog, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError, type FieldIssue } from '../../kernel/errors.js';
import type { Mailer } from '../../kernel/mail/mailer.js';
import { refusable } from '../../kernel/refusal.js';
import { type Access, type AccessContext, auditActorOf } from '../access/access.service.js';
import type { InspectorGrantFacts } from '../access/supervision-decisions.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import { accountIssues, normaliseEmail } from '../identity/user-rules.js';
import { invitationLink, invitationMail } from '../invitations/invitation-mail.js';
import { newInvitationToken } from '../invitations/invitation-token.js';
import type { InvitationRepository } from '../invitations/invitations.repository.js';
import { INVITATION_LIFETIME_MS } from '../invitations/invitations.service.js';
import { confidentialityNotice } from './confidentiality-notice.js';
import { buildInspectionExport, presentAuditPage } from './inspection-export.js';
import type { InspectionRepository } from './inspection.repository.js';
import { presentGrant } from './supervision-presenter.js';
import { grantEnd, grantStatus, requestIssues, SUPERVISION_RULES } from './supervision-rules.js';
import type { InspectorGrantRow, SupervisionRepository, UserRow } from './supervision.repository.js';

export interface InspectorAccessServiceDeps {
  db: Db;
  supervision: SupervisionRepository;
  inspection: InspectionRepository;
  invitations: InvitationRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
  /** Undefined when no mail server is configured: the DPO then hands the link over. */
  mailer: Mailer | undefined;
  /** CONCERTO_PUBLIC_URL: the base of the link. */
  publicUrl: string;
}

const grantRef = (id: string) => ({ type: 'inspector_grant', id });

/** The account's own fields are checked as the operator's (SPEC SEC-01), named in the inspector's object. */
const underInspector = (issue: FieldIssue): FieldIssue =>
  issue.field === '/body/email' || issue.field === '/body/displayName'
    ? { ...issue, field: issue.field.replace('/body/', '/body/inspector/') }
    : issue;

const DEFAULT_PAGE = 200;

const factsOf = (row: InspectorGrantRow): InspectorGrantFacts => ({
  controllerId: row.controller_organisation_id,
  inspectorUserId: row.inspector_user_id,
  validUntil: new Date(row.valid_until),
  revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
  noticeAcknowledged: row.notice_acknowledged_at !== null,
});

/** The grant that lets the account in now, else its latest (whose refusal then names why). */
function currentGrant(rows: readonly InspectorGrantRow[], now: Date): InspectorGrantRow | undefined {
  return rows.find((row) => grantStatus(factsOf(row), now) === 'running') ?? rows[0];
}

/**
 * SUP-03: closes the grants whose period is over (or that were revoked) and deactivates the accounts
 * left without a running grant, which ends their sessions. Run daily (modules/jobs); idempotent.
 */
export async function closeEndedInspections(
  { db, supervision, audit }: Pick<InspectorAccessServiceDeps, 'db' | 'supervision' | 'audit'>,
  at: Date,
): Promise<number> {
  return refusable(db, audit, async (tx) => {
    const closed = await supervision.closeEndedGrants(tx, at);
    const events: AuditEvent[] = [];
    for (const row of closed) {
      const records = [grantRef(row.grant_id), { type: 'user', id: row.inspector_user_id }];
      const [user] = await supervision.users(tx, [row.inspector_user_id]);
      const deactivate = !row.still_running && user?.active === true;
      if (deactivate) {
        await supervision.updateUserEndingSessions(tx, row.inspector_user_id, {
          active: false,
          deactivated_at: at,
          updated_at: at,
        });
      }
      events.push({
        actor: { system: 'inspector-access-expiry' },
        action: 'system.inspector_access_closed',
        outcome: 'success',
        records,
        reason: deactivate ? 'account_deactivated' : 'grant_closed',
      });
    }
    await audit.recordMany(tx, events);
    return closed.length;
  });
}

export function createInspectorAccessService(deps: InspectorAccessServiceDeps) {
  const { db, supervision, inspection, invitations, access, audit, clock, mailer, publicUrl } = deps;

  function asDpo<T>(
    actor: Actor,
    action: AuditAction,
    work: (tx: Tx, who: UserActor, controllerId: string) => Promise<T>,
  ): Promise<T> {
    return refusable(db, audit, async (tx) => {
      const context = await access.enter(tx, actor);
      const decision = access.require(context, { action: 'supervision.manage' }, action);
      return work(tx, auditActorOf(context, decision), decision.via ?? actor.organisationId);
    });
  }

  /** The inspector's grant, allowed by the access module for `action` at the clock's now. */
  async function asInspector(
    tx: Tx,
    actor: Actor,
    action: 'inspection.enter' | 'inspection.read',
    attempted: AuditAction,
  ): Promise<{ context: AccessContext; who: UserActor; grant: InspectorGrantRow; now: Date }> {
    const context = await access.enter(tx, actor);
    const now = clock.now();
    const grant = currentGrant(await supervision.grantsOfInspector(tx, actor.userId), now);
    const decision = access.require(context, { action, grant: grant && factsOf(grant), now }, attempted);
    return { context, who: auditActorOf(context, decision), grant: grant!, now };
  }

  /** Every read of the inspector is logged with the Commission's reference as its why. */
  const why = (grant: InspectorGrantRow) => `inspection ${grant.commission_reference} (L1992 art. 32 §1)`;

  async function presentGrants(
    tx: Tx,
    rows: readonly InspectorGrantRow[],
    now: Date,
  ): Promise<InspectorGrant[]> {
    const users = await supervision.users(
      tx,
      rows.map((row) => row.inspector_user_id),
    );
    return rows.map((row) =>
      presentGrant(
        row,
        users.find((user) => user.id === row.inspector_user_id),
        now,
      ),
    );
  }

  /**
   * Whom the address names: nobody yet (a new account), or the earlier inspector account of this
   * controller, which is reopened (its second factor stays). Any other holder of the address is refused.
   */
  async function addressIssues(
    tx: Tx,
    controllerId: string,
    email: string,
    now: Date,
  ): Promise<{ existing: UserRow | undefined; issues: FieldIssue[] }> {
    const existing = await supervision.userByEmail(tx, email);
    if (!existing) return { existing, issues: [] };
    const inspectorHere =
      existing.organisation_id === controllerId &&
      existing.roles.length === 1 &&
      existing.roles[0] === INSPECTOR_ROLE;
    if (!inspectorHere)
      return { existing, issues: [{ field: '/body/inspector/email', message: 'is already in use' }] };
    const running = (await supervision.grantsOfInspector(tx, existing.id)).some(
      (row) => grantStatus(factsOf(row), now) === 'running',
    );
    return {
      existing,
      issues: running
        ? [{ field: '/body/inspector/email', message: 'has an inspector account running already' }]
        : [],
    };
  }

  /** The inspector's account, made or reopened; older sessions of a reopened one end. */
  async function openAccount(
    tx: Tx,
    controllerId: string,
    existing: UserRow | undefined,
    account: { email: string; displayName: string },
    now: Date,
  ): Promise<string> {
    if (existing) {
      await supervision.updateUserEndingSessions(tx, existing.id, {
        active: true,
        deactivated_at: null,
        display_name: account.displayName,
        updated_at: now,
      });
      return existing.id;
    }
    const row = await supervision.insertUser(tx, {
      organisation_id: controllerId,
      email: account.email,
      display_name: account.displayName,
      roles: [INSPECTOR_ROLE],
      created_at: now,
      updated_at: now,
    });
    return row.id;
  }

  return {
    /** SUP-03, PEN-14: the DPO grants an inspector account for `days`, the day the Commission asks. */
    async grantInspectorAccess(actor: Actor, input: GrantInspectorAccess): Promise<GrantedInspectorAccess> {
      const granted = await asDpo(actor, 'admin.inspector_access_granted', async (tx, who, controllerId) => {
        refuseIfAny(shapeIssues(GrantInspectorAccessSchema, input), SUPERVISION_RULES.inspection);
        const now = clock.now();
        const email = normaliseEmail(input.inspector.email);
        const displayName = input.inspector.displayName.trim();
        const issues = [
          ...accountIssues(email, displayName),
          ...requestIssues(new Date(input.requestedAt), now),
        ];
        if (
          input.supervisoryCaseId !== undefined &&
          !(await supervision.caseById(tx, controllerId, input.supervisoryCaseId))
        ) {
          issues.push({
            field: '/body/supervisoryCaseId',
            message: 'is not a supervisory case of this controller',
          });
        }
        const address = await addressIssues(tx, controllerId, email, now);
        refuseIfAny([...issues.map(underInspector), ...address.issues], SUPERVISION_RULES.inspection);
        const userId = await openAccount(tx, controllerId, address.existing, { email, displayName }, now);
        const id = randomUUID();
        const grant = await supervision.insertGrant(tx, {
          id,
          controller_organisation_id: controllerId,
          inspector_user_id: userId,
          commission_reference: input.commissionReference.trim(),
          supervisory_case_id: input.supervisoryCaseId ?? null,
          requested_at: new Date(input.requestedAt),
          granted_by: actor.userId,
          granted_at: now,
          valid_until: grantEnd(now, input.days),
        });
        // The single-use link that sets the password (issue 3 scope 2), as the operator's invitations.
        const revoked = await invitations.revokeOpen(tx, userId, now);
        const { token, hash } = newInvitationToken();
        const invitation = await invitations.insert(tx, {
          user_id: userId,
          token_hash: hash,
          created_by: actor.userId,
          created_at: now,
          expires_at: new Date(now.getTime() + INVITATION_LIFETIME_MS),
        });
        await audit.recordMany(tx, [
          {
            actor: who,
            action: 'admin.inspector_access_granted',
            outcome: 'success',
            records: [grantRef(id), { type: 'user', id: userId }, { type: 'organisation', id: controllerId }],
          },
          {
            actor: who,
            action: 'admin.user_invited',
            outcome: 'success',
            records: [
              { type: 'user', id: userId },
              { type: 'invitation', id: invitation.id },
              ...revoked.map((revokedId) => ({ type: 'invitation_revoked', id: revokedId })),
            ],
          },
        ]);
        const [presented] = await presentGrants(tx, [grant], now);
        return { grant: presented!, email, token, expiresAt: invitation.expires_at.toISOString() };
      });
      const link = invitationLink(publicUrl, granted.token);
      if (mailer) {
        try {
          await mailer.send({
            to: granted.email,
            ...invitationMail(input.language as Language, link, new Date(granted.expiresAt)),
          });
          return { grant: granted.grant, invitation: { delivery: 'mail', expiresAt: granted.expiresAt } };
        } catch {
          // Not lost: the DPO hands the link over itself (the SMTP error may quote addresses: not passed on).
        }
      }
      return { grant: granted.grant, invitation: { delivery: 'dpo', expiresAt: granted.expiresAt, link } };
    },

    /** SUP-03, PEN-14: every inspector account the controller granted, with its request and grant times. */
    listGrants(actor: Actor): Promise<InspectorGrantList> {
      return asDpo(actor, 'admin.inspector_grants_listed', async (tx, who, controllerId) => {
        const rows = await supervision.grantsOf(tx, controllerId);
        await audit.record(tx, {
          actor: who,
          action: 'admin.inspector_grants_listed',
          outcome: 'success',
          records: rows.map((row) => grantRef(row.id)),
        });
        return { grants: await presentGrants(tx, rows, clock.now()) };
      });
    },

    /** The DPO ends an inspector account before its period is over; its sessions end at once. */
    revokeGrant(actor: Actor, grantId: string): Promise<InspectorGrant> {
      return asDpo(actor, 'admin.inspector_access_revoked', async (tx, who, controllerId) => {
        refuseIfAny(shapeIssues(IdSchema, grantId, 'params/grantId'));
        const row = await supervision.grantForUpdate(tx, controllerId, grantId);
        if (!row) throw new DomainError('not_found', { detail: 'No such inspector grant' });
        const now = clock.now();
        if (grantStatus(factsOf(row), now) !== 'running') {
          throw new DomainError('conflict', {
            detail: 'The inspector account has ended already',
            rule: SUPERVISION_RULES.inspection,
          });
        }
        const revoked = await supervision.updateGrant(tx, row.id, {
          revoked_by: actor.userId,
          revoked_at: now,
          closed_at: now,
        });
        await supervision.updateUserEndingSessions(tx, row.inspector_user_id, {
          active: false,
          deactivated_at: now,
          updated_at: now,
        });
        await audit.record(tx, {
          actor: who,
          action: 'admin.inspector_access_revoked',
          outcome: 'success',
          records: [grantRef(row.id), { type: 'user', id: row.inspector_user_id }],
        });
        const [presented] = await presentGrants(tx, [revoked], now);
        return presented!;
      });
    },

    /** PEN-22: what the inspector sees first: its grant and the confidentiality duty, in its language. */
    overview(actor: Actor, language: Language): Promise<InspectionOverview> {
      return refusable(db, audit, async (tx) => {
        const { who, grant } = await asInspector(tx, actor, 'inspection.enter', 'consult');
        await audit.record(tx, {
          actor: who,
          action: 'consult',
          outcome: 'success',
          records: [grantRef(grant.id)],
          justification: why(grant),
          reason: 'inspection_overview',
        });
        return {
          grantId: grant.id,
          controller: {
            id: grant.controller_organisation_id,
            legalName: await supervision.organisationName(tx, grant.controller_organisation_id),
          },
          commissionReference: grant.commission_reference,
          grantedAt: new Date(grant.granted_at).toISOString(),
          validUntil: new Date(grant.valid_until).toISOString(),
          noticeAcknowledgedAt: grant.notice_acknowledged_at
            ? new Date(grant.notice_acknowledged_at).toISOString()
            : null,
          confidentialityNotice: confidentialityNotice(language),
        };
      });
    },

    /** PEN-22: the inspector acknowledges the confidentiality duty of art. 33; nothing is read before. */
    acknowledgeNotice(actor: Actor, language: Language): Promise<InspectionOverview> {
      return refusable(db, audit, async (tx) => {
        const { who, grant, now } = await asInspector(
          tx,
          actor,
          'inspection.enter',
          'auth.confidentiality_notice_acknowledged',
        );
        const acknowledged =
          grant.notice_acknowledged_at === null
            ? await supervision.updateGrant(tx, grant.id, { notice_acknowledged_at: now })
            : grant;
        await audit.record(tx, {
          actor: who,
          action: 'auth.confidentiality_notice_acknowledged',
          outcome: 'success',
          records: [grantRef(grant.id)],
          reason: language,
        });
        return {
          grantId: grant.id,
          controller: {
            id: grant.controller_organisation_id,
            legalName: await supervision.organisationName(tx, grant.controller_organisation_id),
          },
          commissionReference: grant.commission_reference,
          grantedAt: new Date(grant.granted_at).toISOString(),
          validUntil: new Date(grant.valid_until).toISOString(),
          noticeAcknowledgedAt: new Date(acknowledged.notice_acknowledged_at!).toISOString(),
          confidentialityNotice: confidentialityNotice(language),
        };
      });
    },

    /** SUP-03: the inspection export of the granting controller, read-only and logged. */
    exportInspection(actor: Actor, language: Language): Promise<InspectionExport> {
      return refusable(db, audit, async (tx) => {
        const { who, grant, now } = await asInspector(tx, actor, 'inspection.read', 'retrieve');
        const exported = await buildInspectionExport(
          { inspection, supervision },
          tx,
          grant.controller_organisation_id,
          now,
          confidentialityNotice(language),
        );
        await audit.record(tx, {
          actor: who,
          action: 'retrieve',
          outcome: 'success',
          records: [grantRef(grant.id), { type: 'organisation', id: grant.controller_organisation_id }],
          justification: why(grant),
          reason: 'inspection_export',
        });
        return exported;
      });
    },

    /** SUP-03: the controller's audit log, metadata only, page by page. */
    auditEvents(actor: Actor, query: InspectionAuditQuery): Promise<InspectionAuditPage> {
      return refusable(db, audit, async (tx) => {
        const { who, grant } = await asInspector(tx, actor, 'inspection.read', 'retrieve');
        refuseIfAny(shapeIssues(InspectionAuditQuerySchema, query, 'querystring'));
        const limit = query.limit ?? DEFAULT_PAGE;
        const rows = await inspection.auditEvents(
          tx,
          grant.controller_organisation_id,
          query.after ?? -1,
          limit,
        );
        await audit.record(tx, {
          actor: who,
          action: 'retrieve',
          outcome: 'success',
          records: [grantRef(grant.id)],
          justification: why(grant),
          reason: 'inspection_audit_log',
        });
        return presentAuditPage(rows, limit);
      });
    },
  };
}

export type InspectorAccessService = ReturnType<typeof createInspectorAccessService>;
