/**
 * Court actions for the tests (L2007 art. 14; SPEC RGT-CRT-01): the body of a notified action on
 * items of the police, and one recorded through the API by the police officer, who controls them.
 */
import { expect } from 'vitest';
import type { AccessWorld } from './access-world.js';

/** A rectification claim before the president of the court of Ghent, notified at `notifiedAt`. */
export function courtAction(itemId: string, notifiedAt = new Date('2026-03-01T08:00:00Z')) {
  return {
    claim: 'rectification',
    court: 'Voorzitter van de rechtbank van eerste aanleg Oost-Vlaanderen, afdeling Gent',
    rollNumber: '26/1234/C',
    notifiedAt: notifiedAt.toISOString(),
    itemIds: [itemId],
  };
}

/** A court action on `kase`'s item, recorded by the police officer; returns its id. */
export async function recordCourtActionOn(
  world: AccessWorld,
  kase: { id: string; itemId: string },
): Promise<string> {
  const res = await world.request(
    world.people.policeOfficer,
    'POST',
    `/api/cases/${kase.id}/court-actions`,
    courtAction(kase.itemId),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
