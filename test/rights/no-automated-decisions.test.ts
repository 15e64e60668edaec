/**
 * No automated decisions (L2007 art. 12bis; art. 10 §1 al. 1 c); SPEC ADM-01..03). Concerto has no
 * score, ranking or rule that changes a state by itself: every state-changing route needs a
 * signed-in human user, every change in the audit log names one, no framework can hold a rule, and
 * the access answer says so in the four languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameworkSchema, UpdateFrameworkSchema } from '../../src/contracts/frameworks.js';
import { LANGUAGES } from '../../src/contracts/language.js';
import { AUTOMATED_LOGIC_STATEMENT } from '../../src/server/modules/information-notices/automated-decisions.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, riskItem } from '../support/case-steps.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

/** The routes by which a human signs in or proves a secret: they open the session the others need. */
const SIGN_IN = new Set([
  'login',
  'startPasskeyLogin',
  'loginWithPasskey',
  'redeemInvitation',
  'finishSso',
  'startSso',
]);
/**
 * A connected system's delivery (SPEC INT-02) is signed by that system, not by a session: without a
 * valid signature it is refused (403, and a security event); with one, its records are made in the
 * name of the member who linked the case, a named user (the second test below checks the journey).
 */
const SIGNED_BY_CONNECTED_SYSTEM = new Set(['deliverThroughInterconnection']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const AUTOMATION = /score|rank|threshold|automat|trigger/i;

describe('no automated decisions (L2007 art. 12bis)', () => {
  it('ADM-01 every state-changing route refuses a caller without a signed-in user', async () => {
    const routes = world.app.routeTable.filter(
      (route) =>
        STATE_CHANGING.has(route.method) &&
        !route.url.startsWith('/api/test/') &&
        !SIGN_IN.has(route.operationId ?? ''),
    );
    expect(routes.length).toBeGreaterThan(50);
    const accepted: string[] = [];
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await world.request(null, route.method as 'POST', url, {});
      const refused = SIGNED_BY_CONNECTED_SYSTEM.has(route.operationId ?? '') ? 403 : 401;
      if (res.statusCode !== refused) accepted.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(accepted).toEqual([]);
  });

  it('ADM-01 every change in a case journey is recorded with a named user as its actor', async () => {
    const position = await auditPosition(world);
    const kase = await newCase(world, { items: 2, to: 'accepted', admit: ['cpas'] });
    const added = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Vaststelling van het OCMW.'),
      provenance: { kind: 'already_held', sourceReference: 'dossier OCMW 2026/4' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const events = (await auditEventsSince(world, position)).filter(
      (event) => event.outcome === 'success' && !event.action.startsWith('auth.'),
    );
    expect(events.length).toBeGreaterThan(5);
    expect(events.filter((event) => !event.actor?.userId)).toEqual([]);
    expect(events.some((event) => event.action === 'organise' || event.action === 'disclose')).toBe(true);
  });

  it('ADM-01 no framework holds a rule that turns a score into a state change: the contract has no such field and refuses one', async () => {
    expect(Object.keys(FrameworkSchema.properties).filter((key) => AUTOMATION.test(key))).toEqual([]);
    expect(Object.keys(UpdateFrameworkSchema.properties).filter((key) => AUTOMATION.test(key))).toEqual([]);
    const columns = await world.db.adminDb
      .selectFrom('information_schema.columns' as never)
      .select('column_name' as never)
      .where('table_name' as never, 'in', ['frameworks', 'cases', 'items'] as never)
      .execute();
    expect(
      (columns as { column_name: string }[])
        .map((c) => c.column_name)
        .filter((name) => AUTOMATION.test(name)),
    ).toEqual([]);
    const create = await world.request(world.people.operator, 'POST', '/api/frameworks', {
      name: 'Kader met regel',
      statusRules: [{ when: { score: { gte: 7 } }, setState: 'accepted' }],
    });
    expect(create.statusCode).toBe(400);
  });

  it('ADM-03 the access answer states that no automated decision is taken, in the four languages', () => {
    expect(Object.keys(AUTOMATED_LOGIC_STATEMENT).sort()).toEqual([...LANGUAGES].sort());
    for (const language of LANGUAGES) expect(AUTOMATED_LOGIC_STATEMENT[language]).toContain('12bis');
  });
});
