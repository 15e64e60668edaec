/**
 * Interconnections for the tests (SPEC INT-01..04, PEN-12; ADR 0017): a connected system with its
 * own Ed25519 key pair, the registration its owner's DPO sends, a case linked to one of its files,
 * and deliveries signed as a real connected system signs them (the private key never reaches the
 * app: only the public key is registered).
 */
import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Delivery, LinkCase, RegisterInterconnection } from '../../src/contracts/interconnections.js';
import { signedContent } from '../../src/server/modules/interconnections/request-signature.js';
import type { AccessWorld, Signed } from './access-world.js';

/** A connected system, e.g. the police's Focus, as the test drives it. */
export interface ConnectedSystem {
  publicKeyPem: string;
  privateKey: KeyObject;
}

export function connectedSystem(): ConnectedSystem {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), privateKey };
}

/** Focus delivering into the Veilig Huis framework: a situation report (C06) and a risk assessment (C11). */
export function focusRegistration(
  world: AccessWorld,
  system: ConnectedSystem,
  overrides: Partial<RegisterInterconnection> = {},
): RegisterInterconnection {
  return {
    name: `Focus → gezamenlijke dossieromgeving ${randomUUID().slice(0, 8)}`,
    frameworkId: world.frameworkId,
    counterpart: { system: 'Focus', operator: 'Geïntegreerde politie, DRI' },
    direction: 'inbound',
    partyIds: [world.org.cpas],
    legalBasis:
      'Decreet van 30 juni 2023 tot oprichting en regeling van de Veilige Huizen, art. 5; WPA art. 44/11/9',
    royalDecree: {
      reference: 'KB 12 januari 2026 betreffende de koppeling van Focus (BS 2026-01-20)',
      conditions: 'Alleen situatieschetsen en risico-inschattingen; enkel voor gekoppelde dossiers.',
    },
    securityMeasures:
      'Ondertekende verzoeken (Ed25519) per koppeling, TLS 1.3, verkeer enkel vanaf het politienetwerk, rate limit.',
    fieldMapping: [
      { field: 'situationReport', category: 'C06' },
      { field: 'riskAssessment', category: 'C11' },
    ],
    personMatching: { rule: 'off' },
    rateLimitPerMinute: 30,
    publicKey: system.publicKeyPem,
    ...overrides,
  };
}

/** Registers `body` as `who` (the police DPO by default); returns the interconnection. */
export async function registerInterconnection(
  world: AccessWorld,
  body: RegisterInterconnection,
  who: Signed = world.people.policeDpo,
): Promise<{ id: string; state: string }> {
  const res = await world.request(who, 'POST', '/api/interconnections', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A police-owned interconnection whose parties all approved: it exchanges. */
export async function activeInterconnection(
  world: AccessWorld,
  system: ConnectedSystem,
  overrides: Partial<RegisterInterconnection> = {},
): Promise<string> {
  const { id } = await registerInterconnection(world, focusRegistration(world, system, overrides));
  const parties = overrides.partyIds ?? [world.org.cpas];
  if (parties.includes(world.org.cpas)) {
    const approved = await world.request(
      world.people.cpasDpo,
      'POST',
      `/api/interconnections/${id}/approval`,
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe('active');
  }
  return id;
}

/** The police officer links `caseId` to the Focus file `reference`, about `personIds`. */
export async function linkFile(
  world: AccessWorld,
  caseId: string,
  body: Partial<LinkCase> & Pick<LinkCase, 'interconnectionId' | 'personIds'>,
  who: Signed = world.people.policeOfficer,
): Promise<LightMyRequestResponse> {
  return world.request(who, 'POST', `/api/cases/${caseId}/interconnection-links`, {
    reference: `PZ Gent 2026/${randomUUID().slice(0, 6)}`,
    relevance: 'De risico-inschatting van de politie is nodig voor het veiligheidsplan.',
    missionConfirmed: true,
    ...body,
  });
}

export interface DeliveryOptions {
  /** The signing moment; the world's clock by default. */
  timestamp?: string;
  nonce?: string;
  /** Another key than the registered one. */
  signWith?: KeyObject;
  /** Leave a header out. */
  unsigned?: boolean;
  /** The body as sent, when it must differ from JSON.stringify(body) (e.g. tampered after signing). */
  sentBody?: string;
  address?: string;
}

/** A delivery signed as the connected system signs it (ADR 0017). */
export function deliver(
  world: AccessWorld,
  system: ConnectedSystem,
  interconnectionId: string,
  body: Delivery | Record<string, unknown>,
  options: DeliveryOptions = {},
): Promise<LightMyRequestResponse> {
  const url = `/api/interconnections/${interconnectionId}/deliveries`;
  const raw = JSON.stringify(body);
  const timestamp = options.timestamp ?? world.clock.now().toISOString();
  const nonce = options.nonce ?? randomUUID();
  const signature = sign(
    null,
    signedContent({ method: 'POST', path: url, timestamp, nonce, body: raw }),
    options.signWith ?? system.privateKey,
  ).toString('base64');
  return world.app.inject({
    method: 'POST',
    url,
    remoteAddress: options.address ?? '203.0.113.7',
    headers: {
      'content-type': 'application/json',
      ...(options.unsigned
        ? {}
        : { 'concerto-timestamp': timestamp, 'concerto-nonce': nonce, 'concerto-signature': signature }),
    },
    payload: options.sentBody ?? raw,
  });
}

/** A Focus file's records: a situation report and a risk assessment, plus fields the mapping lacks. */
export function focusDelivery(reference: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    reference,
    sentBy: 'focus-user-81234',
    records: [
      {
        fields: {
          situationReport: 'Interventie na melding van partnergeweld; twee minderjarige kinderen aanwezig.',
          riskAssessment: 'Verhoogd risico op herhaling volgens de politionele risicotaxatie.',
          internalNote: 'Collega X had eerder contact met de buren.',
        },
        sourceReference: 'PV GE.55.L1.004321/2026',
      },
    ],
    ...overrides,
  };
}
