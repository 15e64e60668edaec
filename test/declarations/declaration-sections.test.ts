/**
 * The declaration's §3 3° and §6 over HTTP on a real database (L1992 art. 17 §3 3°, §6 and §7;
 * L2007 art. 17 §6-§7; SPEC DCL-06, PRC-09, DCL-18..21, TRF-11): the host named from the
 * processor registry, and per category transmitted abroad its countries of destination from the
 * transfer register, foreign sub-processors included; a destination added after the submission
 * fails the conformity check and opens an "update the declaration" item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { PLATFORM_HOST } from '../../src/server/modules/identity/identity-fixtures.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { completeFramework } from '../support/consultation-steps.js';
import { registerDestination, transferDestination } from '../support/cross-border-steps.js';
import { pdfText } from '../support/pdf-text.js';

let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld();
});
afterAll(async () => {
  await world?.close();
});

const NAMES = { fr: 'Concertation de cas – test', nl: 'Casusoverleg – test' };

/** A framework the operator activates and a draft declaration of the police DPO covering it. */
async function policeDeclaration(): Promise<string> {
  const created = await world.request(
    world.people.operator,
    'POST',
    '/api/frameworks',
    completeFramework(world),
  );
  expect(created.statusCode, created.body).toBe(201);
  const frameworkId: string = created.json().id;
  const activated = await world.request(
    world.people.operator,
    'POST',
    `/api/frameworks/${frameworkId}/activation`,
  );
  expect(activated.statusCode, activated.body).toBe(200);
  const res = await world.request(world.people.policeDpo, 'POST', '/api/declarations', {
    purposes: ['P1'],
    language: 'fr',
    frameworks: [{ frameworkId, processingName: NAMES }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const preview = async (id: string, format: 'json' | 'pdf') => {
  const res = await world.request(
    world.people.policeDpo,
    'GET',
    `/api/declarations/${id}/preview?format=${format}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
type Abroad = { code: string; countries: string[] }[];
const abroadOf = async (id: string): Promise<Abroad> =>
  (await preview(id, 'json')).json().sections.transfers.categories;

describe('§3 3° of the 1992 text: the processor of the processing', () => {
  it('DCL-06 PRC-09 the declaration names the host of the processor registry with its name and address, as JSON and as PDF', async () => {
    const id = await policeDeclaration();
    const content = (await preview(id, 'json')).json();
    expect(content.sections.processor.host).toMatchObject({
      legalName: PLATFORM_HOST.legalName,
      address: PLATFORM_HOST.address,
    });
    const text = pdfText((await preview(id, 'pdf')).rawPayload);
    expect(text).toContain('3° Gestionnaire du traitement automatisé');
    expect(text).toContain(PLATFORM_HOST.legalName);
  });
});

describe('§6: transmission abroad (L1992/L2007 art. 17 §6)', () => {
  it('DCL-18 DCL-19 a transfer of category 2 to France puts category 2 → FR in §6', async () => {
    const id = await policeDeclaration();
    expect((await abroadOf(id)).find((a) => a.code === 'C02')?.countries ?? []).not.toContain('FR');
    await registerDestination(
      world,
      transferDestination({
        kind: 'export_system',
        name: 'Parquet de Lille',
        country: 'FR',
        categories: ['C02'],
      }),
    );
    expect((await abroadOf(id)).find((a) => a.code === 'C02')?.countries).toContain('FR');
    const text = pdfText((await preview(id, 'pdf')).rawPayload);
    expect(text).toContain('§ 6. Transmission à l’étranger');
    expect(text.slice(text.indexOf('§ 6'))).toMatch(/C02 – [^\n]*: [A-Z, ]*FR/);
  });

  it('TRF-11 an intra-EU transfer appears in the register and in §6 of the declaration', async () => {
    const id = await policeDeclaration();
    const destinationId = await registerDestination(
      world,
      transferDestination({ kind: 'backup', name: 'Back-up Luxembourg', country: 'LU', categories: ['C05'] }),
    );
    const register = await world.request(world.people.policeDpo, 'GET', '/api/cross-border/register');
    expect(register.json().destinations.find((d: { id: string }) => d.id === destinationId)).toMatchObject({
      country: 'LU',
    });
    expect((await abroadOf(id)).find((a) => a.code === 'C05')?.countries).toContain('LU');
  });

  it('DCL-20 a foreign sub-processor adds its country to §6 even with Belgian hosting', async () => {
    const id = await policeDeclaration();
    const hostId = await registerDestination(
      world,
      transferDestination({ kind: 'hosting', name: 'Hosting Mechelen', country: 'BE', categories: ['C07'] }),
    );
    // Hosting in Belgium alone sends nothing abroad.
    expect((await abroadOf(id)).find((a) => a.code === 'C07')).toBeUndefined();
    await registerDestination(
      world,
      transferDestination({
        kind: 'support_access',
        name: 'Ondersteuning Porto',
        country: 'PT',
        categories: ['C07'],
        viaDestinationId: hostId,
        operations: 'Toegang op afstand voor incidenten, op verzoek van de host.',
      }),
    );
    expect((await abroadOf(id)).find((a) => a.code === 'C07')).toEqual(
      expect.objectContaining({ code: 'C07', countries: ['PT'] }),
    );
  });

  it('DCL-21 adding a transfer destination after the submission opens an update the declaration item naming §6', async () => {
    const id = await policeDeclaration();
    const submitted = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${id}/versions`,
      {
        submittedOn: brusselsDateOf(world.clock.now()),
      },
    );
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json().conformity.conforms).toBe(true);
    await registerDestination(
      world,
      transferDestination({ kind: 'backup', name: 'Back-up Amsterdam', country: 'NL', categories: ['C08'] }),
    );
    const check = await world.request(
      world.people.policeDpo,
      'POST',
      `/api/declarations/${id}/conformity-check`,
    );
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({
      conformity: {
        conforms: false,
        differences: [{ section: 'transfers', item: '§6', label: 'transfers abroad' }],
      },
      updateItem: { cause: 'configuration_changed', differences: ['transfers'], resolvedAt: null },
    });
    // The modification submitted, the declaration says the new country and conforms again.
    const modified = await world.request(world.people.policeDpo, 'POST', `/api/declarations/${id}/versions`, {
      submittedOn: brusselsDateOf(world.clock.now()),
    });
    expect(modified.statusCode, modified.body).toBe(201);
    expect(modified.json().conformity.conforms).toBe(true);
    expect(modified.json().updateItems[0].resolvedByVersionId).toBe(modified.json().versions[0].id);
  });
});
