/**
 * Bill art. 4 al. 5 (SPEC FIL-09, RET-03): the retention job reminds the participant that exported an
 * own-file copy before the copy falls due, and every month tells a participant holding copies past
 * their due date to read its report. Through the daily job and the notifications API, on a real
 * database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../src/contracts/notifications.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition } from '../support/case-steps.js';
import { closedCase, runRetention, sessionOf } from '../support/retention-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

async function exportedCopy(kase: { id: string; subjectId: string; itemIds: string[] }): Promise<string> {
  const fixture = { id: kase.id, personId: kase.subjectId, itemId: kase.itemIds[0]!, attachmentId: '' };
  const transferId = await world.transferOf(fixture, 'cpas');
  await world.db.adminDb
    .insertInto('own_file_exports')
    .values({
      transfer_id: transferId,
      format: 'json',
      item_ids: [kase.itemIds[0]!],
      exported_by: world.people.socialWorker.actor.userId,
      exported_at: world.clock.now(),
      sha256: 'a'.repeat(64),
    })
    .execute();
  return transferId;
}

const notificationsOf = async (person: 'socialWorker' | 'policeOfficer', kind: Notification['kind']) =>
  (
    (await world.request(await sessionOf(world, person), 'GET', '/api/notifications')).json() as {
      notifications: Notification[];
    }
  ).notifications.filter((n) => n.kind === kind);

describe('own-file copy reminders (bill art. 4 al. 5)', () => {
  it('FIL-09 reminds the exporting participant 30 days before its copy falls due, once, and no other participant', async () => {
    const kase = await closedCase(world, '2027-01-10T10:00:00Z', { months: 12, admit: ['cpas'] });
    const copy = await exportedCopy(kase);
    // Due on 2028-01-10: the reminder day is 30 days before, 2027-12-11.
    world.clock.set('2027-12-10T20:00:00Z');
    await runRetention(world);
    expect(
      (await notificationsOf('socialWorker', 'own_file_copy_due_soon')).map((n) => n.subjectId),
    ).not.toContain(copy);

    const before = await auditPosition(world);
    world.clock.set('2027-12-11T06:00:00Z');
    const run = await runRetention(world);
    expect(run.reminders.dueSoon).toEqual([copy]);
    expect(await notificationsOf('socialWorker', 'own_file_copy_due_soon')).toEqual([
      expect.objectContaining({ subjectId: copy, caseId: kase.id }),
    ]);
    expect((await notificationsOf('policeOfficer', 'own_file_copy_due_soon')).length).toBe(0);
    const events = await auditEventsSince(world, before);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'system.own_file_copy_reminders',
          records: [{ type: 'own_file_transfer', id: copy }],
        }),
      ]),
    );

    // A rerun the same day, and the next day, remind no more.
    world.clock.set('2027-12-12T06:00:00Z');
    expect((await runRetention(world)).reminders.dueSoon).toEqual([]);
    expect((await notificationsOf('socialWorker', 'own_file_copy_due_soon')).length).toBe(1);
  });

  it('RET-03 announces the report of overdue copies once a month to the participant holding them', async () => {
    world.clock.set('2028-02-03T10:00:00Z');
    const first = await runRetention(world);
    const cpas = world.people.socialWorker.actor.organisationId;
    // The copy of the first test fell due on 2028-01-10: the CPAS holds one overdue copy.
    expect(first.reminders.monthlyReports).toContain(cpas);
    expect(first.reminders.monthlyReports).not.toContain(world.people.policeOfficer.actor.organisationId);
    const february = await notificationsOf('socialWorker', 'own_file_copies_overdue');
    expect(february.map((n) => n.createdAt)).toEqual(['2028-01-31T23:00:00.000Z']);

    world.clock.set('2028-02-20T10:00:00Z');
    expect((await runRetention(world)).reminders.monthlyReports).toEqual([]);
    world.clock.set('2028-03-01T08:00:00Z');
    expect((await runRetention(world)).reminders.monthlyReports).toContain(cpas);
    expect((await notificationsOf('socialWorker', 'own_file_copies_overdue')).length).toBe(2);
  });
});
