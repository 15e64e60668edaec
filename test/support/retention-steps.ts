/**
 * Steps the retention tests share (SPEC RET; ADR 0016): cases taken through the workflow and closed
 * at a chosen instant of the injected clock, sessions opened at the clock's "now" (the world's own
 * sessions idle out when time travels), the retention engine's dependencies as the daily job builds
 * them, and readings of what is left of a case in the database.
 */
import { expect } from 'vitest';
import { createAuditLog } from '../../src/server/kernel/audit/index.js';
import type { KeyProvider } from '../../src/server/kernel/crypto/key-provider.js';
import { createLegalRules } from '../../src/server/kernel/legal-rules/index.js';
import { createNotificationsRepository } from '../../src/server/modules/notifications/notifications.repository.js';
import type { RetentionDeps } from '../../src/server/modules/retention/retention-deps.js';
import {
  type RetentionRun,
  runRetentionJob,
} from '../../src/server/modules/retention/retention-job.service.js';
import { createRetentionRepository } from '../../src/server/modules/retention/retention.repository.js';
import type { AccessWorld, OrganisationName, PersonName, Signed } from './access-world.js';
import { riskItem } from './case-steps.js';
import { freshSession } from './item-steps.js';

/** The app's audit origin (config default): the name of the key its proofs are signed with. */
export const AUDIT_ORIGIN = 'concerto.local/audit';

/** A session of `person` opened now (on the injected clock). */
export const sessionOf = (world: AccessWorld, person: PersonName): Promise<Signed> =>
  freshSession(world, world.people[person].actor.userId, { justification: 'retention tests' });

/** The retention engine's dependencies as the daily job builds them (`keys` may wrap the world's). */
export function retentionDeps(world: AccessWorld, keys: KeyProvider = world.keys): RetentionDeps {
  return {
    db: world.db.appDb,
    retention: createRetentionRepository(),
    notifications: createNotificationsRepository(),
    audit: createAuditLog({ clock: world.clock }),
    clock: world.clock,
    rules: createLegalRules({ clock: world.clock }),
    keys,
    auditOrigin: AUDIT_ORIGIN,
  };
}

/** One run of the retention job as of the clock's now. */
export const runRetention = (
  world: AccessWorld,
  deps: RetentionDeps = retentionDeps(world),
): Promise<RetentionRun> => runRetentionJob(deps, world.clock.now());

export interface RetentionCase {
  id: string;
  subjectId: string;
  itemIds: string[];
}

async function ok(res: { statusCode: number; body: string }, status = 200): Promise<void> {
  expect(res.statusCode, res.body).toBe(status);
}

/**
 * A police draft with a subject and `items` risk items, created at `at` (the clock is moved there);
 * `to: 'not_signalled'` closes it as a draft, `to: 'refused'` signals it and the coordinator refuses.
 */
export async function policeDraft(
  world: AccessWorld,
  at: string,
  options: { items?: number; to?: 'not_signalled' | 'refused' | 'accepted' } = {},
): Promise<RetentionCase> {
  world.clock.set(at);
  const police = await sessionOf(world, 'policeOfficer');
  const created = await world.request(police, 'POST', '/api/cases', {
    frameworkId: world.frameworkId,
    title: 'Gezin D., dreigend gedrag',
    purposes: ['P1'],
  });
  await ok(created, 201);
  const id: string = created.json().id;
  const subject = await world.request(police, 'POST', `/api/cases/${id}/persons`, {
    role: 'subject',
    identity: {
      surname: 'Dewaele',
      firstNames: 'Kevin',
      birthDate: '1990-04-12',
      nationalRegisterNumber: '90.04.12-123.77',
    },
  });
  await ok(subject, 201);
  const subjectId: string = subject.json().id;
  const itemIds: string[] = [];
  for (let n = 0; n < (options.items ?? 1); n++) {
    const item = await world.request(
      police,
      'POST',
      `/api/cases/${id}/items`,
      riskItem(subjectId, `Vaststelling ${n + 1}.`),
    );
    await ok(item, 201);
    itemIds.push(item.json().id);
  }
  if (options.to === 'not_signalled') {
    await ok(
      await world.request(police, 'POST', `/api/cases/${id}/not-signalled`, {
        reason: 'Geen aanmelding nodig.',
      }),
    );
  } else if (options.to) {
    await ok(
      await world.request(police, 'POST', `/api/cases/${id}/signal`, {
        selection: { personIds: [subjectId], itemIds },
        necessityConfirmed: true,
      }),
    );
    const coordinator = await sessionOf(world, 'coordinator');
    await ok(
      await world.request(coordinator, 'POST', `/api/cases/${id}/signal-decision`, {
        decision: options.to === 'refused' ? 'refuse' : 'accept',
        reason: 'Beslissing van de coördinator over de aanmelding.',
      }),
    );
  }
  return { id, subjectId, itemIds };
}

/** The coordinator proposes `months` and every other party (`parties`, the police first) approves. */
export async function agreeRetention(
  world: AccessWorld,
  caseId: string,
  months: number,
  parties: PersonName[] = ['policeOfficer'],
): Promise<void> {
  const coordinator = await sessionOf(world, 'coordinator');
  await ok(await world.request(coordinator, 'PUT', `/api/cases/${caseId}/retention`, { months }));
  const proposal = (await world.request(coordinator, 'GET', `/api/cases/${caseId}`)).json().retention
    .proposal;
  for (const party of parties) {
    await ok(
      await world.request(await sessionOf(world, party), 'POST', `/api/cases/${caseId}/retention/approvals`, {
        proposal,
      }),
    );
  }
}

/**
 * A police case signalled and accepted at `at`, `admit` organisations admitted, `months` agreed by
 * every party, then closed by the coordinator at that instant: its retention runs from `at`.
 */
export async function closedCase(
  world: AccessWorld,
  at: string,
  options: {
    months: number;
    items?: number;
    admit?: OrganisationName[];
    beforeClosure?: (kase: RetentionCase) => Promise<void>;
  },
): Promise<RetentionCase> {
  const kase = await policeDraft(world, at, { items: options.items ?? 2, to: 'accepted' });
  const coordinator = await sessionOf(world, 'coordinator');
  const admitted: PersonName[] = [];
  for (const name of options.admit ?? []) {
    await ok(
      await world.request(coordinator, 'POST', `/api/cases/${kase.id}/participants`, {
        organisationId: world.org[name],
        ground: 'expertise',
        justification: 'Kan bijdragen aan de opvolging van het gezin.',
      }),
    );
    admitted.push(name === 'cpas' ? 'socialWorker' : 'youthWorker');
  }
  await agreeRetention(world, kase.id, options.months, ['policeOfficer', ...admitted]);
  await options.beforeClosure?.(kase);
  await ok(
    await world.request(coordinator, 'POST', `/api/cases/${kase.id}/closure`, {
      reason: 'De opvolging is afgerond.',
    }),
  );
  return kase;
}

/** Rows of the case left in the tables that hold case content (read as the owner). */
export async function caseRowsLeft(world: AccessWorld, caseId: string): Promise<Record<string, number>> {
  const db = world.db.adminDb;
  const count = async (query: Promise<{ n: number | string | bigint }>) => Number((await query).n);
  return {
    cases: await count(
      db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    persons: await count(
      db
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    items: await count(
      db
        .selectFrom('items')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    item_versions: await count(
      db
        .selectFrom('item_versions')
        .innerJoin('items', 'items.id', 'item_versions.item_id')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('items.case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    case_history: await count(
      db
        .selectFrom('case_history')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    case_audience: await count(
      db
        .selectFrom('case_audience')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    paper_parts: await count(
      db
        .selectFrom('paper_parts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow(),
    ),
    data_keys: await count(
      db
        .selectFrom('data_keys')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('scope', '=', `case:${caseId}`)
        .executeTakeFirstOrThrow(),
    ),
  };
}

/** Whether the case's tombstone exists, and whether its key destruction is still pending. */
export async function tombstoneOf(world: AccessWorld, caseId: string) {
  return world.db.adminDb
    .selectFrom('case_tombstones')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** The pending (or last) destruction list entry of a case. */
export async function listOf(world: AccessWorld, caseId: string): Promise<string | undefined> {
  const row = await world.db.adminDb
    .selectFrom('destruction_list_entries')
    .select('list_id')
    .where('case_id', '=', caseId)
    .orderBy('listed_at', 'desc')
    .executeTakeFirst();
  return row?.list_id;
}

/** `who` approves the list in `capacity`; returns the response. */
export async function approve(
  world: AccessWorld,
  who: PersonName | Signed,
  listId: string,
  capacity: 'keeper' | 'dpo',
) {
  const session = typeof who === 'string' ? await sessionOf(world, who) : who;
  return world.request(session, 'POST', `/api/retention/destruction-lists/${listId}/approvals`, { capacity });
}
