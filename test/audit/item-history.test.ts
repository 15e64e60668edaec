/**
 * SPEC PEN-20 (L2007 art. 15bis): the history of one item — its creation, its edits, its
 * disclosure in an own-file copy, its deletion with its case at the end of the retention — is
 * reconstructed from the audit log alone, once nothing of the case is left in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHistory, type HistoryEntry, recordHistory } from '../../src/server/kernel/audit/index.js';
import { createDailyJobRunner } from '../../src/server/modules/jobs/daily-jobs.js';
import { RETENTION_JOB } from '../../src/server/modules/retention/retention-deps.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { riskItem } from '../support/case-steps.js';
import { getIn } from '../support/consultation-steps.js';
import {
  AUDIT_ORIGIN,
  approve,
  caseRowsLeft,
  closedCase,
  listOf,
  type RetentionCase,
  sessionOf,
  tombstoneOf,
} from '../support/retention-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

async function ok(res: { statusCode: number; body: string }, status = 200): Promise<void> {
  expect(res.statusCode, res.body).toBe(status);
}

/** The police edit the item, the CPAS asks for it in its own file, gets it approved and exports it. */
async function editAndDisclose(kase: RetentionCase, itemId: string): Promise<string> {
  const police = await sessionOf(world, 'policeOfficer');
  const {
    provenance: _p,
    missionConfirmed: _m,
    ...fields
  } = riskItem(kase.subjectId, 'Vaststelling, aangevuld.');
  await ok(
    await world.request(police, 'PUT', `/api/cases/${kase.id}/items/${itemId}`, {
      ...fields,
      reason: 'Aangevuld na het huisbezoek.',
    }),
  );
  const worker = await sessionOf(world, 'socialWorker');
  const requested = await world.request(worker, 'POST', `/api/cases/${kase.id}/transfers`, {
    itemIds: [itemId],
    purpose: 'P1',
    justification: 'Het OCMW moet de begeleiding in het eigen sociaal dossier motiveren.',
  });
  await ok(requested, 201);
  const transferId: string = requested.json().id;
  await ok(
    await world.request(police, 'POST', `/api/transfers/${transferId}/decisions`, {
      decisions: [{ itemId, decision: 'approved' }],
    }),
  );
  await ok(
    await world.request(worker, 'POST', `/api/transfers/${transferId}/attestation`, {
      accessLimitedToParticipants: true,
    }),
  );
  await ok(await getIn(world, worker, `/api/transfers/${transferId}/export/json`, 'nl'));
  return transferId;
}

describe('the history of one item from the audit log alone (SPEC PEN-20)', () => {
  it('PEN-20 an item created, edited, disclosed in an own-file copy and erased with its case yields that history from the log alone', async () => {
    let itemId = '';
    let transferId = '';
    const kase = await closedCase(world, '2026-03-03T10:00:00Z', {
      months: 1,
      items: 1,
      admit: ['cpas'],
      beforeClosure: async (k) => {
        itemId = k.itemIds[0]!;
        transferId = await editAndDisclose(k, itemId);
      },
    });
    // Past the end of the retention: the daily job lists the case, four eyes approve, it is purged.
    world.clock.set('2026-04-10T08:00:00Z');
    await createDailyJobRunner({
      db: world.db.appDb,
      keys: world.keys,
      clock: world.clock,
      auditOrigin: AUDIT_ORIGIN,
      instanceId: 'history-test',
      leaseMinutes: 15,
    })();
    const listId = (await listOf(world, kase.id))!;
    expect(listId).toBeDefined();
    await ok(await approve(world, 'coordinator', listId, 'keeper'));
    // With the last approval the purge runs (destruction-lists.service.ts), as the retention job.
    await ok(await approve(world, 'policeDpo', listId, 'dpo'));
    expect((await tombstoneOf(world, kase.id))?.key_destroyed_at).not.toBeNull();
    // Nothing of the case is left to reconstruct it from: only the log.
    expect(Object.values(await caseRowsLeft(world, kase.id)).every((n) => n === 0)).toBe(true);

    const history = await recordHistory(world.db.appDb, itemId);
    const { policeOfficer, socialWorker } = world.people;
    const positions = history.map((entry) => entry.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(history.every((entry) => entry.channel !== null && entry.at !== '')).toBe(true);

    const index = (found: (entry: HistoryEntry) => boolean) => history.findIndex(found);
    const created = index((e) => e.action === 'collect' && e.via === 'record');
    const edited = index((e) => e.action === 'adapt');
    const disclosed = index((e) => e.action === 'disclose' && e.reason === 'own_file_export_json');
    const erased = index((e) => e.action === 'erase');
    const destroyed = index((e) => e.action === 'destroy');
    expect(created).toBe(0);
    expect(
      [created, edited, disclosed, erased, destroyed].every(
        (i, n, all) => i >= 0 && (n === 0 || i > all[n - 1]!),
      ),
    ).toBe(true);
    expect(history[created]).toMatchObject({
      actor: { userId: policeOfficer.actor.userId, organisationId: world.org.police, role: 'participant' },
      caseId: kase.id,
      channel: { type: 'web' },
      outcome: 'success',
    });
    expect(history[edited]).toMatchObject({
      actor: { userId: policeOfficer.actor.userId, organisationId: world.org.police },
      outcome: 'success',
    });
    expect(history[disclosed]).toMatchObject({
      actor: { userId: socialWorker.actor.userId, organisationId: world.org.cpas },
      records: expect.arrayContaining([
        { type: 'transfer', id: transferId },
        { type: 'item', id: itemId, category: 11 },
      ]),
      recipients: [{ organisationId: world.org.cpas, userId: socialWorker.actor.userId }],
      justified: true,
    });
    // The purge names the case, not each record: it comes in through the item's case.
    expect(history.slice(erased)).toEqual([
      expect.objectContaining({
        action: 'erase',
        via: 'case',
        caseId: kase.id,
        actor: expect.objectContaining({ system: RETENTION_JOB }),
        reason: 'delete_case',
      }),
      expect.objectContaining({
        action: 'destroy',
        via: 'case',
        caseId: kase.id,
        reason: 'case_key_destroyed',
      }),
    ]);
    // Consultations by the participants come in between, each with who read it and why.
    expect(history.some((e) => e.action === 'consult' && e.justified)).toBe(true);

    const lines: string[] = [];
    expect(
      await auditHistory({ db: world.db.appDb, out: (line) => lines.push(line), recordId: itemId }),
    ).toBe(0);
    expect(lines).toHaveLength(history.length + 1);
    expect(lines[0]).toContain(`#${history[0]!.position} · `);
    expect(lines[0]).toContain(
      `collect success · user ${policeOfficer.actor.userId} of organisation ${world.org.police} as participant · channel web (`,
    );
    expect(lines.at(-1)).toBe(`${history.length} events concern record ${itemId}`);
    expect(lines.join('\n')).not.toContain('Vaststelling');
  });

  it('PEN-20 a record the log never named has no history, and an id that could carry text is refused', async () => {
    const lines: string[] = [];
    const out = (line: string) => lines.push(line);
    expect(await auditHistory({ db: world.db.appDb, out, recordId: crypto.randomUUID() })).toBe(1);
    expect(await auditHistory({ db: world.db.appDb, out, recordId: 'Jonas Verbeke' })).toBe(2);
    expect(lines[1]).toContain('record id must be an id');
  });
});
