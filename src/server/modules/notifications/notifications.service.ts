/**
 * What is waiting for the user's organisation (issue 4 scope 9: "my tasks"): notifications of its
 * members, and for a DPO those addressed to the DPOs (SPEC SEC-07 alerts). Kinds and ids only.
 */
import { IdSchema } from '../../../contracts/identity.js';
import type { NotificationList } from '../../../contracts/notifications.js';
import type { Db } from '../../db/database.js';
import type { AuditLog } from '../../kernel/audit/index.js';
import type { Clock } from '../../kernel/clock.js';
import { DomainError } from '../../kernel/errors.js';
import { refusable } from '../../kernel/refusal.js';
import type { Access, AccessContext } from '../access/access.service.js';
import { refuseIfAny, shapeIssues } from '../identity/input.js';
import type { Actor } from '../identity/platform-access.js';
import type { NotificationsRepository } from './notifications.repository.js';

export interface NotificationServiceDeps {
  db: Db;
  notifications: NotificationsRepository;
  access: Access;
  audit: AuditLog;
  clock: Clock;
}

const LIMIT = 100;

export function createNotificationService({ db, notifications, access, audit, clock }: NotificationServiceDeps) {
  /** The organisations whose member notifications the user reads, and those whose DPO alerts. */
  function audiences(context: AccessContext) {
    const dpo = context.facts.roles.includes('dpo') ? [context.facts.organisationId] : [];
    return { members: context.acting, dpo };
  }

  return {
    listNotifications(actor: Actor): Promise<NotificationList> {
      return refusable(db, audit, async (tx) => {
        const context = await access.enter(tx, actor);
        access.require(context, { action: 'notification.read' }, 'consult');
        const { members, dpo } = audiences(context);
        const rows = [
          ...(await notifications.openFor(tx, members, 'members', LIMIT)),
          ...(await notifications.openFor(tx, dpo, 'dpo', LIMIT)),
        ].sort((a, b) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime());
        return {
          notifications: rows.map((row) => ({
            id: row.id,
            kind: row.kind,
            caseId: row.case_id,
            subjectId: row.subject_id,
            audience: row.audience,
            createdAt: new Date(row.created_at).toISOString(),
          })),
        };
      });
    },

    acknowledge(actor: Actor, notificationId: string): Promise<void> {
      return refusable(db, audit, async (tx) => {
        refuseIfAny(shapeIssues(IdSchema, notificationId, 'params/notificationId'));
        const context = await access.enter(tx, actor);
        access.require(context, { action: 'notification.read' }, 'consult');
        const { members, dpo } = audiences(context);
        const now = clock.now();
        const done =
          (await notifications.acknowledge(tx, notificationId, members, 'members', actor.userId, now)) ||
          (await notifications.acknowledge(tx, notificationId, dpo, 'dpo', actor.userId, now));
        if (!done) throw new DomainError('not_found', { detail: 'No such notification for you' });
      });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
