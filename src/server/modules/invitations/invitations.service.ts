/**
 * Invitations (issue 3 scope 2): the operator invites an existing user by a single-use link that
 * expires; the invitee redeems it by choosing a password. Each use case is one transaction
 * (ARCHITECTURE §3.1): access decision, whole-input validation, the write, its audit event.
 * The mail leaves after the commit, so that no mail announces an invitation that does not exist.
 */
import { type Db, inTransaction, type Tx } from '../../db/database.js';
import type { AuditLog, UserActor } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import type { Mailer } from '../../kernel/mail/mailer.js';
import { hashPassword } from '../auth/credentials/password-hash.js';
import { checkPassword } from '../auth/credentials/password-policy.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import { type Actor, canAdministerPlatform } from '../identity/platform-access.js';
import { type InviteUser, InviteUserSchema, type RedeemInvitation } from './invitation-input.js';
import { invitationLink, invitationMail } from './invitation-mail.js';
import { hashInvitationToken, MAX_TOKEN_LENGTH, newInvitationToken } from './invitation-token.js';
import type { InvitationRepository, InvitationRow, Invitee } from './invitations.repository.js';

/**
 * How long an invitation link stays valid. Not a legal period: ASVS 5.0 V6.4.1 asks that an
 * activation secret be single-use and short-lived; 72 hours (issue 3) leave a weekend to
 * answer without leaving a usable link lying in a mailbox for weeks.
 */
export const INVITATION_LIFETIME_MS = 72 * 60 * 60 * 1000;

export interface InvitationServiceDeps {
  db: Db;
  invitations: InvitationRepository;
  audit: AuditLog;
  clock: Clock;
  /** Undefined when no mail server is configured: the link is then returned to the operator. */
  mailer: Mailer | undefined;
  /** CONCERTO_PUBLIC_URL: the base of the link. */
  publicUrl: string;
}

/** What the operator learns: the link itself only when no mail could carry it. */
export type IssuedInvitation = { invitationId: string; expiresAt: Date } & (
  | { delivery: 'mail' }
  | { delivery: 'operator'; link: string }
);

type RefusalReason = 'unknown_token' | 'expired' | 'redeemed' | 'revoked' | 'user_inactive';

const PLATFORM_RULE = 'ARCHITECTURE §3.6; bill art. 3 §1 al. 2';
/** Who redeems an unknown token: nobody the log can name (as for a failed login). */
const NOBODY: UserActor = { userId: 'unknown', organisationId: 'unknown', role: 'anonymous' };

/** One answer for every refused token, so that a token cannot be probed (ASVS V6.4.1). */
function refused(): DomainError {
  return new DomainError('not_found', {
    detail: 'This invitation link is not valid or has expired; ask the operator for a new invitation',
  });
}

function refusalReason(
  found: { invitation: InvitationRow; invitee: Invitee } | undefined,
  now: Date,
): RefusalReason | undefined {
  if (!found) return 'unknown_token';
  const { invitation, invitee } = found;
  if (invitation.redeemed_at) return 'redeemed';
  if (invitation.revoked_at) return 'revoked';
  if (invitation.expires_at.getTime() <= now.getTime()) return 'expired';
  if (!invitee.active) return 'user_inactive';
  return undefined;
}

function inviteeActor(invitee: Invitee): UserActor {
  return { userId: invitee.id, organisationId: invitee.organisation_id, role: 'invitee' };
}

/** Words a guesser would try first for this account (password-policy.ts). */
function contextWords(invitee: Invitee): string[] {
  return [invitee.email.split('@')[0] ?? '', ...invitee.display_name.split(/\s+/)];
}

export function createInvitationService({
  db,
  invitations,
  audit,
  clock,
  mailer,
  publicUrl,
}: InvitationServiceDeps) {
  async function refuseNonOperator(actor: Actor): Promise<void> {
    await inTransaction(db, (tx) =>
      audit.record(tx, {
        actor: { userId: actor.userId, organisationId: actor.organisationId, role: actor.roles[0] ?? 'none' },
        action: 'admin.user_invited',
        outcome: 'denied',
        reason: 'not_platform_operator',
      }),
    );
    throw new DomainError('forbidden', {
      detail: 'Only the platform operator invites users',
      rule: PLATFORM_RULE,
    });
  }

  async function issue(tx: Tx, actor: Actor, input: InviteUser) {
    refuseIfAny(shapeIssues(InviteUserSchema, input));
    const invitee = await invitations.inviteeForUpdate(tx, input.userId);
    if (!invitee) throw new DomainError('not_found', { detail: 'No such user' });
    if (!invitee.active) throw new DomainError('conflict', { detail: 'The user is deactivated' });
    const now = clock.now();
    const revoked = await invitations.revokeOpen(tx, invitee.id, now);
    const { token, hash } = newInvitationToken();
    const invitation = await invitations.insert(tx, {
      user_id: invitee.id,
      token_hash: hash,
      created_by: actor.userId,
      created_at: now,
      expires_at: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    });
    await audit.record(tx, {
      actor: { userId: actor.userId, organisationId: actor.organisationId, role: 'operator' },
      action: 'admin.user_invited',
      outcome: 'success',
      records: [
        { type: 'user', id: invitee.id },
        { type: 'invitation', id: invitation.id },
        ...revoked.map((id) => ({ type: 'invitation_revoked', id })),
      ],
    });
    return { invitee, invitation, token };
  }

  /** The mail did not leave: the link must not stay valid unseen (scope 2, ASVS V6.4.1). */
  async function withdraw(actor: Actor, invitation: InvitationRow): Promise<never> {
    await inTransaction(db, async (tx) => {
      await invitations.revoke(tx, invitation.id, clock.now());
      await audit.record(tx, {
        actor: { userId: actor.userId, organisationId: actor.organisationId, role: 'operator' },
        action: 'admin.user_invited',
        outcome: 'failure',
        reason: 'mail_not_sent',
        records: [{ type: 'invitation', id: invitation.id }],
      });
    });
    throw new DomainError('not_ready', {
      detail:
        'The invitation mail could not be sent, so the invitation was withdrawn; check the mail server (SMTP_URL) and invite again',
    });
  }

  return {
    /** Revokes the user's earlier open invitations; mails the new link after the commit. */
    async inviteUser(actor: Actor, input: InviteUser): Promise<IssuedInvitation> {
      if (!canAdministerPlatform(actor)) await refuseNonOperator(actor);
      const { invitee, invitation, token } = await inTransaction(db, (tx) => issue(tx, actor, input));
      const link = invitationLink(publicUrl, token);
      const issued = { invitationId: invitation.id, expiresAt: invitation.expires_at };
      if (!mailer) return { ...issued, delivery: 'operator', link };
      const mail = invitationMail(input.language, link, invitation.expires_at);
      try {
        await mailer.send({ to: invitee.email, ...mail });
      } catch {
        // The SMTP error may quote addresses: it is not passed on.
        return withdraw(actor, invitation);
      }
      return { ...issued, delivery: 'mail' };
    },

    /**
     * Sets the account's password and ends the invitation (single use). Unknown, expired,
     * redeemed and revoked tokens all get the same refusal; the audit log keeps the reason.
     */
    async redeemInvitation({ token, password }: RedeemInvitation): Promise<{ userId: string }> {
      const tokenHash =
        typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH
          ? hashInvitationToken(token)
          : undefined;
      const result = await inTransaction(db, async (tx) => {
        const found = tokenHash && (await invitations.byTokenHashForUpdate(tx, tokenHash));
        const now = clock.now();
        const reason = refusalReason(found, now);
        if (reason || !found) {
          // Committed before the refusal is thrown: every refused attempt stays on record.
          await audit.record(tx, {
            actor: found ? inviteeActor(found.invitee) : NOBODY,
            action: 'auth.invitation_refused',
            outcome: 'denied',
            reason: reason ?? 'unknown_token',
            ...(found && { records: [{ type: 'invitation', id: found.invitation.id }] }),
          });
          return undefined;
        }
        const { invitation, invitee } = found;
        refuseIfAny(
          typeof password === 'string'
            ? checkPassword(password, { contextWords: contextWords(invitee) })
            : [{ field: '/body/password', message: 'is required' }],
        );
        await invitations.storePasswordHash(tx, invitee.id, await hashPassword(password), now);
        // A re-invited user gets a new password: sessions opened with the old one end (ASVS V7.4.3).
        await invitations.endSessions(tx, invitee.id, now);
        await invitations.markRedeemed(tx, invitation.id, now);
        await audit.record(tx, {
          actor: inviteeActor(invitee),
          action: 'auth.invitation_redeemed',
          outcome: 'success',
          records: [
            { type: 'user', id: invitee.id },
            { type: 'invitation', id: invitation.id },
          ],
        });
        return { userId: invitee.id };
      });
      if (!result) throw refused();
      return result;
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
