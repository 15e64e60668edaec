/**
 * SPEC SEC-04 over HTTP (L2007 art. 16 §4 al. 3): a controller imports an applicable IT-security
 * norm set as a checklist (the sample of docs/norm-sets/, with its source), and tracks the status
 * of each control; its dashboard shows what is left to assess or not implemented.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { countRows } from '../support/test-database.js';

const SAMPLE = JSON.parse(
  readFileSync(
    path.resolve(import.meta.dirname, '..', '..', 'docs', 'norm-sets', 'cpvp-reference-measures-1.0.json'),
    'utf8',
  ),
) as { code: string; version: string; source: string; controls: { code: string }[] };

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

interface NormSetBody {
  id: string;
  summary: Record<string, number>;
  controls: { id: string; code: string; status: string; note: string | null; changedBy: string | null }[];
}

const checklistOf = async (who = world.people.policeDpo) =>
  (await world.request(who, 'GET', '/api/compliance/dashboard'))
    .json()
    .indicators.find((indicator: { key: string }) => indicator.key === 'norm_checklist');

describe('IT-security norm checklists (SPEC SEC-04)', () => {
  let normSet: NormSetBody;

  it('SEC-04 importing a sample norm set creates controls with status to assess', async () => {
    expect(SAMPLE.source).toContain('Commission de la protection de la vie privée');
    const imported = await world.request(world.people.policeDpo, 'POST', '/api/compliance/norm-sets', SAMPLE);
    expect(imported.statusCode, imported.body).toBe(201);
    normSet = imported.json();
    expect(normSet).toMatchObject({
      code: 'CPVP-MR',
      version: '1.0',
      source: SAMPLE.source,
      importedBy: 'An Peeters',
    });
    expect(normSet.controls.map((control) => control.code)).toEqual(
      SAMPLE.controls.map((control) => control.code),
    );
    expect(normSet.controls.every((control) => control.status === 'to_assess' && control.note === null)).toBe(
      true,
    );
    expect(normSet.summary).toMatchObject({ to_assess: SAMPLE.controls.length, implemented: 0 });
    expect(await checklistOf()).toMatchObject({ status: 'amber', figures: { normSets: 1, to_assess: 10 } });
    const listed = await world.request(world.people.policeDpo, 'GET', '/api/compliance/norm-sets');
    expect(listed.json().normSets.map((set: { id: string }) => set.id)).toEqual([normSet.id]);
  });

  it('SEC-04 tracks the status of each control with how it is met; a control not implemented turns the checklist red', async () => {
    const [first, second] = normSet.controls;
    const url = (control: { id: string }) =>
      `/api/compliance/norm-sets/${normSet.id}/controls/${control.id}/status`;
    const met = await world.request(world.people.policeDpo, 'PUT', url(first!), {
      status: 'implemented',
      note: 'Security policy adopted by the college on 2026-01-15, reviewed yearly.',
    });
    expect(met.statusCode, met.body).toBe(200);
    expect(met.json().controls[0]).toMatchObject({ status: 'implemented', changedBy: 'An Peeters' });
    expect(met.json().summary).toMatchObject({ implemented: 1, to_assess: 9 });

    // Back to "to assess", or an assessment without its note, is refused and changes nothing.
    const before = await world.db.adminDb
      .selectFrom('norm_controls')
      .selectAll()
      .where('id', '=', first!.id)
      .executeTakeFirstOrThrow();
    const reset = await world.request(world.people.policeDpo, 'PUT', url(first!), {
      status: 'to_assess',
      note: 'again',
    });
    expect(reset.statusCode).toBe(400);
    const bare = await world.request(world.people.policeDpo, 'PUT', url(first!), {
      status: 'not_applicable',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((e: { field: string }) => e.field)).toEqual(['/body/note']);
    expect(
      await world.db.adminDb
        .selectFrom('norm_controls')
        .selectAll()
        .where('id', '=', first!.id)
        .executeTakeFirstOrThrow(),
    ).toEqual(before);

    const gap = await world.request(world.people.policeDpo, 'PUT', url(second!), {
      status: 'not_implemented',
      note: 'No security adviser designated yet; planned for Q3.',
    });
    expect(gap.statusCode).toBe(200);
    expect(await checklistOf()).toMatchObject({
      status: 'red',
      figures: { implemented: 1, not_implemented: 1, to_assess: 8 },
    });
  });

  it('SEC-04 refuses a norm set that repeats a control, or a version imported already, naming the rule and changing nothing', async () => {
    const before = await countRows(world.db.adminDb, 'norm_controls');
    const repeated = await world.request(world.people.policeDpo, 'POST', '/api/compliance/norm-sets', {
      ...SAMPLE,
      version: '1.1',
      controls: [SAMPLE.controls[0], SAMPLE.controls[1], SAMPLE.controls[0]],
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().errors).toEqual([
      { field: '/body/controls/2/code', message: 'repeats the code of control 0' },
    ]);
    const again = await world.request(world.people.policeDpo, 'POST', '/api/compliance/norm-sets', SAMPLE);
    expect(again.statusCode).toBe(409);
    expect(again.json().rule).toContain('SEC-04');
    expect(await countRows(world.db.adminDb, 'norm_controls')).toBe(before);
  });

  it('SEC-04 a controller’s checklist is its own: another DPO does not find it, a member without the role is refused', async () => {
    const { cpasDpo, socialWorker, operator } = world.people;
    const control = normSet.controls[2]!;
    const url = `/api/compliance/norm-sets/${normSet.id}/controls/${control.id}/status`;
    const other = await world.request(cpasDpo, 'PUT', url, {
      status: 'implemented',
      note: 'Not ours to say.',
    });
    expect(other.statusCode).toBe(404);
    expect((await world.request(cpasDpo, 'GET', '/api/compliance/norm-sets')).json().normSets).toEqual([]);
    expect((await world.request(socialWorker, 'GET', '/api/compliance/norm-sets')).statusCode).toBe(403);
    expect((await world.request(operator, 'POST', '/api/compliance/norm-sets', SAMPLE)).statusCode).toBe(403);
    // The CPAS imports the same published set for itself: each controller has its own checklist.
    const own = await world.request(cpasDpo, 'POST', '/api/compliance/norm-sets', SAMPLE);
    expect(own.statusCode).toBe(201);
    expect(await checklistOf(cpasDpo)).toMatchObject({
      status: 'amber',
      figures: { to_assess: 10, not_implemented: 0 },
    });
  });
});
