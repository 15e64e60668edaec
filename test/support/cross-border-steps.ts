/**
 * Transfers abroad for the tests (L2007 arts 21-22; SPEC TRF): bodies of register entries,
 * adequacy assessments and deny rules, and the same recorded through the API by the police's DPO
 * or the platform operator.
 */
import { expect } from 'vitest';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import type { AccessWorld, Signed } from './access-world.js';

let serial = 0;
const unique = () => `${Date.now().toString(36)}-${serial++}`;

/** A small PDF, as the contractual clauses of a D7 destination. */
export const CLAUSES_PDF = Buffer.from('%PDF-1.4\n% Standaardcontractbepalingen\n%%EOF\n');

/** A backup in another member state: recorded, no basis needed (SPEC TRF-11). */
export function transferDestination(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'backup',
    name: `Back-up ${unique()}, regio Frankfurt`,
    country: 'DE',
    categories: ['C02', 'C06'],
    basis: { kind: 'none' },
    ...overrides,
  };
}

/** An export system in the United States resting on a royal decree and contractual clauses (D7). */
export function royalDecreeDestination(overrides: Record<string, unknown> = {}) {
  return transferDestination({
    kind: 'export_system',
    name: `Analyseplatform ${unique()}`,
    country: 'US',
    basis: {
      kind: 'derogation',
      derogation: 'D7',
      royalDecreeReference: 'KB van 14 april 2026 tot machtiging van doorgifte, art. 2',
      clauses: { mediaType: 'application/pdf', contentBase64: CLAUSES_PDF.toString('base64') },
    },
    ...overrides,
  });
}

/** An adequacy assessment of transfers to Switzerland, concluding to adequate protection (SPEC TRF-02). */
export function adequacyAssessment(overrides: Record<string, unknown> = {}) {
  return {
    dataNature: 'Identificatie- en contactgegevens van betrokkenen, geen bijzondere categorieën.',
    purpose: 'Externe back-up van de contactgegevens.',
    duration: 'Zolang het contract loopt, uiterlijk tot de vernietiging van het dossier.',
    originCountry: 'BE',
    finalDestinationCountry: 'CH',
    legalFramework: 'Zwitserse federale wet op de gegevensbescherming; adequaatheidsbeschikking 2000/518/EG.',
    professionalRules:
      'Beroepsgeheim van de medewerkers van de dienstverlener (art. 321 Zwitsers Strafwetboek).',
    securityMeasures: 'Versleuteling in rust en tijdens transport; sleutels blijven in België.',
    conclusion: 'adequate',
    reviewer: 'An Peeters, DPO',
    reviewedOn: '2026-02-20',
    ...overrides,
  };
}

/** A royal decree forbidding transfers of some data to a country (SPEC TRF-03). */
export function denyRule(overrides: Record<string, unknown> = {}) {
  return {
    royalDecreeReference: `KB ${unique()} tot verbod van doorgifte, art. 1`,
    country: 'KP',
    categories: [],
    kinds: [],
    circumstance: 'Elke doorgifte naar dit land.',
    ...overrides,
  };
}

async function created(res: { statusCode: number; body: string; json(): { id: string } }): Promise<string> {
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A destination registered by `who` (the police's DPO by default); returns its id. */
export async function registerDestination(
  world: AccessWorld,
  body: Record<string, unknown> = transferDestination(),
  who: Signed = world.people.policeDpo,
): Promise<string> {
  return created(await world.request(who, 'POST', '/api/cross-border/destinations', body));
}

/** An assessment recorded by `who` (the police's DPO by default); returns its id. */
export async function recordAssessment(
  world: AccessWorld,
  body: Record<string, unknown> = adequacyAssessment(),
  who: Signed = world.people.policeDpo,
): Promise<string> {
  return created(await world.request(who, 'POST', '/api/cross-border/adequacy-assessments', body));
}

/** A deny rule recorded by the operator; returns its id. */
export async function addDenyRule(
  world: AccessWorld,
  body: Record<string, unknown> = denyRule(),
): Promise<string> {
  return created(await world.request(world.people.operator, 'POST', '/api/cross-border/deny-rules', body));
}

/**
 * DCL-21 (L1992 art. 17 §7, "préalable"): a destination registered abroad carries data once the
 * declaration lists it. `who`, a DPO, submits today the modification of each of its organisation's
 * declared declarations the configuration changed, generated from the configuration as it stands.
 */
export async function declareTransfers(world: AccessWorld, who: Signed = world.people.policeDpo): Promise<void> {
  const listed = await world.request(who, 'GET', '/api/declarations');
  expect(listed.statusCode, listed.body).toBe(200);
  const submittedOn = brusselsDateOf(world.clock.now());
  for (const declaration of listed.json().declarations as { id: string; lifecycle: string }[]) {
    if (declaration.lifecycle !== 'declared') continue;
    const res = await world.request(who, 'POST', `/api/declarations/${declaration.id}/versions`, { submittedOn });
    // A declaration the change does not touch has nothing to declare (409 naming it).
    if (res.statusCode === 409 && res.json().detail.includes('no modification to declare')) continue;
    expect(res.statusCode, res.body).toBe(201);
  }
}
