/**
 * Notifications (migration 0014): "there is something for you in Concerto" for an organisation,
 * as a kind and ids, never content (ARCHITECTURE §2). Services write them in the transaction of
 * the change that causes them.
 */
import type { Selectable } from 'kysely';
import type { NotificationKind } from '../../../contracts/notifications.js';
import type { Tx } from '../../db/database.js';
import type { NotificationsTable } from '../../db/schema.js';

export type NotificationRow = Selectable<NotificationsTable>;

export interface NewNotification {
  organisationId: string;
  kind: NotificationKind;
  caseId?: string;
  subjectId?: string;
  /** `dpo`: for the organisation's DPOs only (SPEC SEC-07 alerts). */
  audience?: 'members' | 'dpo';
}

function rowOf(n: NewNotification, at: Date) {
  return {
    organisation_id: n.organisationId,
    kind: n.kind,
    case_id: n.caseId ?? null,
    subject_id: n.subjectId ?? null,
    audience: n.audience ?? 'members',
    created_at: at,
  };
}

async function notifyReturningIds(
  tx: Tx,
  at: Date,
  notifications: readonly NewNotification[],
): Promise<string[]> {
  if (notifications.length === 0) return [];
  const rows = await tx
    .insertInto('notifications')
    .values(notifications.map((n) => rowOf(n, at)))
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

async function notifyOnceReturning(
  tx: Tx,
  notifications: readonly (NewNotification & { at: Date })[],
): Promise<Pick<NotificationRow, 'organisation_id' | 'kind' | 'subject_id'>[]> {
  if (notifications.length === 0) return [];
  return tx
    .insertInto('notifications')
    .values(notifications.map((n) => rowOf(n, n.at)))
    .onConflict((conflict) => conflict.doNothing())
    .returning(['organisation_id', 'kind', 'subject_id'])
    .execute();
}

export function createNotificationsRepository() {
  return {
    async notify(tx: Tx, at: Date, notifications: readonly NewNotification[]): Promise<void> {
      await notifyReturningIds(tx, at, notifications);
    },

    /** As `notify`, with the ids of the notifications written (SPEC FIL-08). */
    notifyReturningIds,

    /**
     * Writes each notification unless a unique index of migration 0021 holds it already (the
     * erasure-review alert of SPEC SEC-11, dated at its deadline, raised again at every read).
     */
    async notifyOnce(tx: Tx, notifications: readonly (NewNotification & { at: Date })[]): Promise<void> {
      await notifyOnceReturning(tx, notifications);
    },

    /** As `notifyOnce`, with those written (the others a unique index held already; SPEC FIL-09). */
    notifyOnceReturning,

    /** Closes the open notifications of `kind` about `subjectId` for `organisationId`: their task was done. */
    async acknowledgeAbout(
      tx: Tx,
      about: { organisationId: string; kind: NotificationKind; subjectId: string },
      by: string,
      at: Date,
    ): Promise<void> {
      await tx
        .updateTable('notifications')
        .set({ acknowledged_at: at, acknowledged_by: by })
        .where('organisation_id', '=', about.organisationId)
        .where('kind', '=', about.kind)
        .where('subject_id', '=', about.subjectId)
        .where('acknowledged_at', 'is', null)
        .execute();
    },

    /** The open notifications of `organisations` for `audience`, newest first. */
    openFor: (tx: Tx, organisations: readonly string[], audience: 'members' | 'dpo', limit: number) => {
      if (organisations.length === 0) return Promise.resolve([] as NotificationRow[]);
      return tx
        .selectFrom('notifications')
        .selectAll()
        .where('organisation_id', 'in', organisations)
        .where('audience', '=', audience)
        .where('acknowledged_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },

    /** True when it was open and addressed to one of `organisations` and `audience`. */
    async acknowledge(
      tx: Tx,
      id: string,
      organisations: readonly string[],
      audience: 'members' | 'dpo',
      by: string,
      at: Date,
    ): Promise<boolean> {
      if (organisations.length === 0) return false;
      const result = await tx
        .updateTable('notifications')
        .set({ acknowledged_at: at, acknowledged_by: by })
        .where('id', '=', id)
        .where('organisation_id', 'in', organisations)
        .where('audience', '=', audience)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
