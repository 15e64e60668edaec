/** Steps of the prosecutor's list over HTTP (bill art. 8; SPEC LST-01..04): read the office's list, register an entry. */
import { expect } from 'vitest';
import type { AccessWorld, Signed } from './access-world.js';
import { newCase, type TestCase } from './case-steps.js';

export interface ListEntryJson {
  id: string;
  caseId: string;
  personId: string;
  status: string;
  identity: Record<string, string> | null;
  pendingIdentity: Record<string, string> | null;
  updatePending: boolean;
  registeredAt: string | null;
  eraseBy: string | null;
}

/** The entries of the office's list that come from `caseId`, as `who` (by default the prosecutor) reads them. */
export async function listEntriesOf(
  world: AccessWorld,
  caseId: string,
  who: Signed = world.people.prosecutor,
): Promise<ListEntryJson[]> {
  const res = await world.request(who, 'GET', '/api/prosecutor-list');
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().entries as ListEntryJson[]).filter((entry) => entry.caseId === caseId);
}

/** A case under `frameworkId` (a motivated authorisation) whose subject the prosecutor validates: registered now. */
export async function registeredListEntry(
  world: AccessWorld,
  frameworkId: string,
): Promise<{ kase: TestCase; entry: ListEntryJson }> {
  const kase = await newCase(world, { items: 1, to: 'accepted', admit: ['parquet'], frameworkId });
  const [proposal] = await listEntriesOf(world, kase.id);
  const validated = await world.request(
    world.people.prosecutor,
    'POST',
    `/api/prosecutor-list/${proposal!.id}/validation`,
  );
  expect(validated.statusCode, validated.body).toBe(200);
  return { kase, entry: validated.json() };
}
