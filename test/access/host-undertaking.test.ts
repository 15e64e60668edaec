/** The undertaking gate for the host's staff (bill art. 3 §1 al. 2: the host is not a participant). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

it("ROL-07 SEC-09 asks the host's staff for the secrecy undertaking only: the host keeps no controller awareness module", async () => {
  // Both accepted the secrecy text and, the participant, its controller's awareness module.
  const operator = await world.request(world.people.operator, 'GET', '/api/undertaking?language=fr');
  expect(operator.statusCode).toBe(200);
  expect(operator.json().mustAccept).toBe(false);
  expect(operator.json().undertakings.map((u: { kind: string }) => u.kind)).toEqual(['consultation_secrecy']);
  const participant = await world.request(world.people.socialWorker, 'GET', '/api/undertaking?language=fr');
  expect(participant.json().undertakings.map((u: { kind: string }) => u.kind)).toEqual([
    'consultation_secrecy',
    'controller_awareness',
  ]);
  // And the secrecy text is still due from an operator who has not accepted it.
  const newOperator = await world.newcomer('operator');
  await world.db.adminDb
    .deleteFrom('undertaking_acceptances')
    .where('user_id', '=', newOperator.actor.userId)
    .execute();
  const due = await world.request(newOperator, 'GET', '/api/undertaking?language=fr');
  expect(due.json().mustAccept).toBe(true);
});
