/**
 * Legal holds for the tests (L2007 art. 14 §7; SPEC RET-08): the body of a hold ordered by the
 * president of the court of Ghent, and one placed through the API by the police officer.
 */
import { expect } from 'vitest';
import type { AccessWorld, Signed } from './access-world.js';

/** A hold on the case, or on the person or item named. */
export function legalHoldOrder(
  target: { personId: string } | { itemId: string } | Record<string, never> = {},
) {
  return {
    scope: 'personId' in target ? 'person' : 'itemId' in target ? 'item' : 'case',
    ...target,
    courtOrderReference: 'Kort Ged. 26/112/C',
    issuer: 'Voorzitter van de rechtbank van eerste aanleg Oost-Vlaanderen, afdeling Gent',
    reason: 'Bewaring van het verslag van het huisbezoek als bewijs in de vordering tot verbetering.',
  };
}

/** A hold placed on `caseId` by `who` (the police officer by default); returns its id. */
export async function placeLegalHoldOn(
  world: AccessWorld,
  caseId: string,
  body: ReturnType<typeof legalHoldOrder> = legalHoldOrder(),
  who: Signed = world.people.policeOfficer,
): Promise<string> {
  const res = await world.request(who, 'POST', `/api/cases/${caseId}/legal-holds`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
