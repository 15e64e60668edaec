import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ApiAccount,
  type ApiTestApp,
  createApiTestApp,
  type Session,
} from '../../../../test/support/api-test-app.js';
import type { Representation } from '../../../contracts/representation.js';
import type { DB } from '../../db/schema.js';
import { CONSULTATION_SECRECY_TEXTS, REPRESENTATIVE_TEXTS } from '../undertakings/undertaking-texts.js';

let t: ApiTestApp;
let secrecyVersionId: string;
let representativeVersionId: string;
/** People of the police zone: an organiser who designates, the representative, a represented agent, a colleague. */
let head: ApiAccount;
let representative: ApiAccount;
let agent: ApiAccount;
let colleague: ApiAccount;
/** An organiser of the welfare agency: no party to the police zone's representations. */
let outsider: ApiAccount;
const as: Record<string, Session> = {};

const TABLES: (keyof DB)[] = [
  'representations',
  'represented_persons',
  'undertaking_acceptances',
  'representation_briefings',
  'representation_briefing_recipients',
];
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/** Fresh sessions for everybody (a test may move the clock past their lifetime). */
async function signInAll(): Promise<void> {
  for (const [name, account] of Object.entries({ head, representative, agent, colleague, outsider })) {
    as[name] = await t.signIn(account);
  }
}

async function designate(validTo = '2025-12-31', persons: ApiAccount[] = [agent]): Promise<Representation> {
  const res = await t.call(as.head, 'POST', '/api/representations', {
    representativeId: representative.userId,
    validFrom: '2025-06-02',
    validTo,
    representedPersonIds: persons.map((p) => p.userId),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function accept(id: string): Promise<void> {
  const res = await t.call(as.representative, 'POST', `/api/representations/${id}/acceptance`, {
    versionId: representativeVersionId,
    language: 'nl',
  });
  expect(res.statusCode, res.body).toBe(201);
}

beforeAll(async () => {
  t = await createApiTestApp();
  const operator = await t.signedIn(t.hostId, ['operator']);
  for (const [kind, texts] of [
    ['consultation_secrecy', CONSULTATION_SECRECY_TEXTS],
    ['representative', REPRESENTATIVE_TEXTS],
  ] as const) {
    const res = await t.call(operator, 'POST', '/api/admin/undertakings', { kind, texts });
    if (kind === 'consultation_secrecy') secrecyVersionId = res.json().id;
    else representativeVersionId = res.json().id;
  }
  head = await t.account(t.policeId, ['organiser']);
  representative = await t.account(t.policeId, ['representative']);
  agent = await t.account(t.policeId, ['participant']);
  colleague = await t.account(t.policeId, ['participant']);
  outsider = await t.account(t.agencyId, ['organiser']);
});
afterAll(async () => {
  await t.close();
});
// Fresh sessions for each test; the clock only moves forward (a TOTP code is never accepted twice).
beforeEach(async () => {
  await signInAll();
});

describe('designation over HTTP (bill art. 5 al. 1)', () => {
  it('ROL-04 an authority designates its representative; each party sees it, an outsider gets 404, audited', async () => {
    const designated = await designate();
    expect(designated).toMatchObject({
      authorityId: t.policeId,
      representativeId: representative.userId,
      designatedBy: head.userId,
      validFrom: '2025-06-02',
      validTo: '2025-12-31',
      representedPersonIds: [agent.userId],
      endedAt: null,
      // Not before the representative accepts the undertaking of art. 5 al. 2.
      active: false,
      undertakingAcceptedAt: null,
      secrecyAcknowledgedIds: [],
    });
    for (const party of ['head', 'representative', 'agent', 'colleague']) {
      const one = await t.call(as[party], 'GET', `/api/representations/${designated.id}`);
      expect(one.statusCode, party).toBe(200);
      expect(one.json(), party).toEqual(designated);
    }
    for (const party of ['head', 'representative', 'agent']) {
      const list = await t.call(as[party], 'GET', '/api/representations');
      expect(list.statusCode).toBe(200);
      expect(
        list.json().representations.map((r: Representation) => r.id),
        party,
      ).toContain(designated.id);
    }

    const from = await t.auditCount();
    const hidden = await t.call(as.outsider, 'GET', `/api/representations/${designated.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('not_found');
    expect(await t.eventsSince(from)).toMatchObject([
      { action: 'admin.representation_viewed', outcome: 'denied', reason: 'not_a_party' },
    ]);
    const theirs = await t.call(as.outsider, 'GET', '/api/representations');
    expect(theirs.json().representations.map((r: Representation) => r.id)).not.toContain(designated.id);
  });

  it('ROL-04 lets only a member of an authority of art. 5 designate: 403, audited, nothing written', async () => {
    const agencyAgent = await t.account(t.agencyId, ['participant']);
    for (const [who, persons, reason] of [
      ['outsider', [agencyAgent], 'authority_not_representable'],
      ['representative', [agent], 'no_designating_role'],
    ] as const) {
      const before = await t.snapshot(TABLES);
      const from = await t.auditCount();
      const res = await t.call(as[who], 'POST', '/api/representations', {
        representativeId: representative.userId,
        validFrom: '2025-06-02',
        validTo: '2025-12-31',
        representedPersonIds: persons.map((p) => p.userId),
      });
      expect(res.statusCode, who).toBe(403);
      expect(res.json().rule).toBe('bill art. 5 al. 1');
      expect(await t.snapshot(TABLES)).toBe(before);
      expect(await t.eventsSince(from)).toMatchObject([
        { action: 'admin.representation_designated', outcome: 'denied', reason },
      ]);
    }
  });

  it('ROL-04 refuses a bad designation whole, naming each field, and changes nothing', async () => {
    const agencyAgent = await t.account(t.agencyId, ['participant']);
    const before = await t.snapshot(TABLES);
    for (const [body, expected] of [
      [
        {
          representativeId: head.userId,
          validFrom: '2025-02-30',
          validTo: '2025-12-31',
          representedPersonIds: [agencyAgent.userId],
        },
        ['/body/validFrom', '/body/representativeId', '/body/representedPersonIds/0'],
      ],
      [
        { representativeId: representative.userId, validFrom: '2025-06-02', representedPersonIds: [] },
        ['/body/representedPersonIds', '/body/validTo'],
      ],
      [
        {
          representativeId: representative.userId,
          validFrom: '2025-06-02',
          validTo: '2025-06-01',
          representedPersonIds: [agent.userId],
        },
        ['/body/validTo'],
      ],
    ] as const) {
      const res = await t.call(as.head, 'POST', '/api/representations', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fields(res.json()).sort(), JSON.stringify(body)).toEqual([...expected].sort());
    }
    expect(await t.snapshot(TABLES)).toBe(before);
  });

  it('ROL-04 the authority ends a designation before its term; no one else can, and not twice', async () => {
    const { id } = await designate();
    await accept(id);
    const before = await t.snapshot(TABLES);
    for (const who of ['representative', 'outsider']) {
      const res = await t.call(as[who], 'POST', `/api/representations/${id}/end`);
      expect(res.statusCode, who).toBe(404);
    }
    expect(await t.snapshot(TABLES)).toBe(before);
    const ended = await t.call(as.head, 'POST', `/api/representations/${id}/end`);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id, endedAt: t.clock.now().toISOString(), active: false });
    expect((await t.call(as.head, 'POST', `/api/representations/${id}/end`)).statusCode).toBe(409);
  });
});

describe('the representative’s undertaking and briefings over HTTP (bill art. 5 al. 2)', () => {
  it('ROL-05 the representative accepts the undertaking of art. 5 al. 2, then a represented person briefs them', async () => {
    const { id } = await designate();
    const consultationId = randomUUID();
    const contentSha256 = createHash('sha256').update('notes for the consultation').digest('hex');
    const early = await t.call(as.agent, 'POST', `/api/representations/${id}/briefings`, { consultationId });
    expect(early.statusCode).toBe(403);

    const before = await t.snapshot(TABLES);
    const notTheirs = await t.call(as.agent, 'POST', `/api/representations/${id}/acceptance`, {
      versionId: representativeVersionId,
      language: 'nl',
    });
    expect(notTheirs.statusCode).toBe(404);
    const wrongText = await t.call(as.representative, 'POST', `/api/representations/${id}/acceptance`, {
      versionId: secrecyVersionId,
      language: 'nl',
    });
    expect(wrongText.statusCode).toBe(404);
    expect(await t.snapshot(TABLES)).toBe(before);

    const accepted = await t.call(as.representative, 'POST', `/api/representations/${id}/acceptance`, {
      versionId: representativeVersionId,
      language: 'nl',
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({
      representationId: id,
      versionId: representativeVersionId,
      language: 'nl',
    });
    expect((await t.call(as.representative, 'GET', `/api/representations/${id}`)).json()).toMatchObject({
      active: true,
      undertakingAcceptedAt: accepted.json().acceptedAt,
    });

    const from = await t.auditCount();
    const briefing = await t.call(as.agent, 'POST', `/api/representations/${id}/briefings`, {
      consultationId,
      contentSha256,
    });
    expect(briefing.statusCode).toBe(201);
    expect(briefing.json()).toMatchObject({
      kind: 'briefing',
      representationId: id,
      consultationId,
      senderId: agent.userId,
      recipientIds: [representative.userId],
      contentSha256,
    });
    expect(await t.eventsSince(from)).toMatchObject([
      {
        action: 'disclose',
        outcome: 'success',
        actor: { userId: agent.userId },
        recipients: [{ organisationId: t.policeId, userId: representative.userId }],
      },
    ]);
  });

  it('ROL-05 refuses a briefing by a colleague who is not represented (403) and by an outsider (404), audited', async () => {
    const { id } = await designate();
    await accept(id);
    const before = await t.snapshot(TABLES);
    for (const [who, status] of [
      ['colleague', 403],
      ['representative', 403],
      ['outsider', 404],
    ] as const) {
      const from = await t.auditCount();
      const res = await t.call(as[who], 'POST', `/api/representations/${id}/briefings`, {
        consultationId: randomUUID(),
      });
      expect(res.statusCode, who).toBe(status);
      expect(await t.eventsSince(from)).toMatchObject([
        { action: 'disclose', outcome: 'denied', reason: 'not_represented' },
      ]);
    }
    const bad = await t.call(as.agent, 'POST', `/api/representations/${id}/briefings`, {
      consultationId: 'c1',
      contentSha256: 'ABC',
      content: 'the notes themselves',
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json()).sort()).toEqual([
      '/body/consultationId',
      '/body/content',
      '/body/contentSha256',
    ]);
    expect(await t.snapshot(TABLES)).toBe(before);
  });
});

describe('debriefing over HTTP (bill art. 5 al. 3)', () => {
  it('ROL-06 debriefs only represented persons, each after acknowledging the secrecy of CP art. 458ter §2', async () => {
    const { id } = await designate('2025-12-31', [agent]);
    await accept(id);
    const consultationId = randomUUID();
    const before = await t.snapshot(TABLES);
    const unacknowledged = await t.call(as.representative, 'POST', `/api/representations/${id}/debriefings`, {
      consultationId,
      recipientIds: [agent.userId],
    });
    expect(unacknowledged.statusCode).toBe(403);
    expect(unacknowledged.json().rule).toBe('bill art. 5 al. 3');
    // Only a represented person acknowledges for this representation.
    const byColleague = await t.call(
      as.colleague,
      'POST',
      `/api/representations/${id}/secrecy-acknowledgement`,
      {
        versionId: secrecyVersionId,
        language: 'fr',
      },
    );
    expect(byColleague.statusCode).toBe(404);
    expect(await t.snapshot(TABLES)).toBe(before);

    const acknowledged = await t.call(
      as.agent,
      'POST',
      `/api/representations/${id}/secrecy-acknowledgement`,
      {
        versionId: secrecyVersionId,
        language: 'fr',
      },
    );
    expect(acknowledged.statusCode).toBe(201);
    expect(acknowledged.json()).toMatchObject({ representationId: id, userId: agent.userId, language: 'fr' });
    expect(
      (await t.call(as.representative, 'GET', `/api/representations/${id}`)).json().secrecyAcknowledgedIds,
    ).toEqual([agent.userId]);

    const afterAck = await t.snapshot(TABLES);
    for (const [who, recipients, status] of [
      ['representative', [agent, colleague], 403],
      ['agent', [agent], 403],
      ['outsider', [agent], 404],
    ] as const) {
      const res = await t.call(as[who], 'POST', `/api/representations/${id}/debriefings`, {
        consultationId,
        recipientIds: recipients.map((r) => r.userId),
      });
      expect(res.statusCode, who).toBe(status);
    }
    expect(await t.snapshot(TABLES)).toBe(afterAck);

    const debriefing = await t.call(as.representative, 'POST', `/api/representations/${id}/debriefings`, {
      consultationId,
      recipientIds: [agent.userId],
    });
    expect(debriefing.statusCode).toBe(201);
    expect(debriefing.json()).toMatchObject({
      kind: 'debriefing',
      senderId: representative.userId,
      recipientIds: [agent.userId],
    });
  });
});

describe('every representation route', () => {
  it('answers 401 without a session, 403 to a change without the CSRF token, 404 to an unknown id and 400 to a malformed one', async () => {
    const { id } = await designate();
    const acceptance = { versionId: secrecyVersionId, language: 'fr' };
    const routes = (target: string) =>
      [
        [
          'POST',
          '/api/representations',
          {
            representativeId: representative.userId,
            validFrom: '2025-06-02',
            validTo: '2025-12-31',
            representedPersonIds: [agent.userId],
          },
        ],
        ['GET', `/api/representations/${target}`, undefined],
        ['POST', `/api/representations/${target}/acceptance`, acceptance],
        ['POST', `/api/representations/${target}/end`, undefined],
        ['POST', `/api/representations/${target}/briefings`, { consultationId: randomUUID() }],
        [
          'POST',
          `/api/representations/${target}/debriefings`,
          { consultationId: randomUUID(), recipientIds: [agent.userId] },
        ],
        ['POST', `/api/representations/${target}/secrecy-acknowledgement`, acceptance],
      ] as const;
    const before = await t.snapshot(TABLES);
    expect((await t.call(undefined, 'GET', '/api/representations')).statusCode).toBe(401);
    for (const [method, url, body] of routes(id)) {
      expect((await t.call(undefined, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
      if (method === 'POST')
        expect((await t.call(as.head, method, url, body, { csrf: false })).statusCode, url).toBe(403);
    }
    for (const [method, url, body] of routes(randomUUID()).slice(1)) {
      const res = await t.call(as.head, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    for (const [method, url, body] of routes('r1').slice(1)) {
      const res = await t.call(as.head, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(fields(res.json())).toEqual(['/params/representationId']);
    }
    expect(await t.snapshot(TABLES)).toBe(before);
  });
});

describe('the end of the period', () => {
  // Last in the file: it moves the clock past the period of every designation.
  it('ROL-04 a representation designated until 2025-12-31 stops letting the representative act on 2026-01-01', async () => {
    const { id } = await designate('2025-12-31');
    await accept(id);
    // Signing everybody in moves the clock on by 2.5 min (one TOTP step each).
    t.clock.set('2025-12-31T22:50:00Z');
    await signInAll();
    t.clock.set('2025-12-31T22:59:59Z');
    expect((await t.call(as.head, 'GET', `/api/representations/${id}`)).json().active).toBe(true);
    // Midnight in Brussels (UTC+1).
    t.clock.set('2025-12-31T23:00:00Z');
    expect((await t.call(as.head, 'GET', `/api/representations/${id}`)).json().active).toBe(false);
    const before = await t.snapshot(TABLES);
    const briefing = await t.call(as.agent, 'POST', `/api/representations/${id}/briefings`, {
      consultationId: randomUUID(),
    });
    expect(briefing.statusCode).toBe(403);
    expect(briefing.json().rule).toBe('bill art. 5 al. 2');
    expect(await t.snapshot(TABLES)).toBe(before);
  });
});
