/**
 * The litigation evidence pack of a request and the notices a court order commands, over HTTP on a
 * real database (L2007/L1992 art. 14; SPEC RGT-CRT-01, RGT-CRT-03): the desk that answered a part
 * exports a ZIP whose signed manifest lists every artefact with its SHA-256; the controller of a
 * court action tells every recipient of its items since a day, each notice with the reference of
 * the order to inform third parties.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifierKey } from '../../src/server/kernel/audit/index.js';
import { brusselsDateOf } from '../../src/server/kernel/legal-rules/index.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { newCase, riskItem, type TestCase } from '../support/case-steps.js';
import { courtAction } from '../support/contested-steps.js';
import { intake, PDF_BASE64, verified } from '../support/rights-steps.js';
import { readStoredZip } from '../support/stored-zip.js';

let world: AccessWorld;
/** A police case admitted to the CPAS, with two police items about Kevin. */
let kase: TestCase;

beforeAll(async () => {
  world = await createAccessWorld();
  kase = await newCase(world, { items: 2, to: 'accepted', admit: ['cpas'] });
});
afterAll(async () => {
  await world?.close();
});

const ORIGIN = 'concerto.local/audit';

describe('RGT-CRT-01 the litigation evidence pack', () => {
  it('RGT-CRT-01 the pack of an answered request lists every artefact with a SHA-256 matching its content, signed with the audit checkpoint key; refused before the answer and to another desk', async () => {
    // A CPAS item about Kevin, and a rectification request of Kevin at the CPAS desk.
    const added = await world.request(world.people.socialWorker, 'POST', `/api/cases/${kase.id}/items`, {
      ...riskItem(kase.subjectId, 'Huurachterstand sinds januari.'),
      category: 'C06',
    });
    expect(added.statusCode, added.body).toBe(201);
    const cpasItem: string = added.json().id;
    const receipt = await intake(world, world.people.cpasDpo, {
      kind: 'rectification',
      text: 'Er is geen huurachterstand.',
    });
    const partId: string = receipt.ownPart.id;
    const url = `/api/rights-parts/${partId}/evidence-pack`;

    const early = await world.request(world.people.cpasDpo, 'GET', url);
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().rule).toContain('RGT-CRT-01');

    await verified(world, world.people.cpasDpo, receipt.requestId);
    const answered = await world.request(world.people.cpasDpo, 'POST', `/api/rights-parts/${partId}/answer`, {
      outcome: 'rejected',
      reasons: 'De achterstand blijkt uit de huurovereenkomst en de betalingen.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    // Kevin takes the CPAS to court over it (art. 14 §5): the action follows the request.
    const action = await world.request(
      world.people.socialWorker,
      'POST',
      `/api/cases/${kase.id}/court-actions`,
      {
        ...courtAction(cpasItem),
        rightsRequestId: receipt.requestId,
      },
    );
    expect(action.statusCode, action.body).toBe(201);

    const res = await world.request(world.people.cpasDpo, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const entries = new Map(readStoredZip(res.rawPayload).map((e) => [e.name, e.content]));
    expect([...entries.keys()].sort()).toEqual(
      [
        'answer.json',
        'audit.json',
        'changes.json',
        'court-actions.json',
        'identity-proof.pdf',
        'manifest.json',
        'manifest.sig',
        'recipients.json',
        'reply-letter.json',
        'request.pdf',
      ].sort(),
    );
    const manifestBytes = entries.get('manifest.json')!;
    const manifest = JSON.parse(manifestBytes.toString('utf8'));
    expect(manifest).toMatchObject({
      requestId: receipt.requestId,
      partId,
      kind: 'rectification',
      route: 'standard',
      datedOn: '2026-03-01',
      identity: { method: 'id_document_copy', verifiedAt: expect.any(String) },
      status: 'rejected',
      outcome: 'rejected',
      answeredAt: expect.any(String),
    });
    expect(manifest.clocks.controller).not.toBeNull();
    // Every artefact but the manifest and its signature is listed, with its hash and timestamp.
    expect(manifest.artefacts.map((a: { name: string }) => a.name).sort()).toEqual(
      [...entries.keys()].filter((n) => !n.startsWith('manifest.')).sort(),
    );
    for (const artefact of manifest.artefacts as {
      name: string;
      sha256: string;
      size: number;
      timestamp: string;
    }[]) {
      const content = entries.get(artefact.name)!;
      expect(createHash('sha256').update(content).digest('hex'), artefact.name).toBe(artefact.sha256);
      expect(content.length).toBe(artefact.size);
      expect(Number.isNaN(Date.parse(artefact.timestamp))).toBe(false);
    }
    expect(entries.get('request.pdf')!.equals(Buffer.from(PDF_BASE64, 'base64'))).toBe(true);
    expect(JSON.parse(entries.get('answer.json')!.toString()).reasons).toContain('huurovereenkomst');
    expect(JSON.parse(entries.get('reply-letter.json')!.toString())).toMatchObject({
      outcome: 'rejected',
      language: 'nl',
    });
    const courtActions = JSON.parse(entries.get('court-actions.json')!.toString());
    expect(courtActions).toEqual([
      expect.objectContaining({ id: action.json().id, rollNumber: '26/1234/C', itemIds: [cpasItem] }),
    ]);
    const audit = JSON.parse(entries.get('audit.json')!.toString()) as {
      position: number;
      reason: string | null;
      records: { type: string }[];
    }[];
    expect(audit.map((e) => e.reason)).toEqual(
      expect.arrayContaining(['identity_verified', 'answered_rejected']),
    );
    expect(audit.every((e) => Number.isInteger(e.position))).toBe(true);

    // The signature verifies with the checkpoint key the log publishes.
    const sig = JSON.parse(entries.get('manifest.sig')!.toString());
    const publicKey = await world.keys.checkpointPublicKey();
    expect(sig.verifierKey).toBe(verifierKey(ORIGIN, publicKey));
    expect(manifest.signature.verifierKey).toBe(sig.verifierKey);
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') },
      format: 'jwk',
    });
    expect(verify(null, manifestBytes, key, Buffer.from(sig.signature, 'base64'))).toBe(true);
    const tampered = Buffer.from(manifestBytes.toString().replace('rejected', 'granted'));
    expect(verify(null, tampered, key, Buffer.from(sig.signature, 'base64'))).toBe(false);

    // The export is audited as an extraction.
    const events = await world.db.adminDb
      .selectFrom('audit_events')
      .select('payload')
      .orderBy('position', 'desc')
      .limit(1)
      .execute();
    expect(JSON.parse(events[0]!.payload)).toMatchObject({
      action: 'retrieve',
      reason: 'evidence_pack',
      records: [
        { type: 'rights_request', id: receipt.requestId },
        { type: 'rights_part', id: partId },
      ],
    });

    // Another desk: the police DPO does not see the CPAS part; the police officer has no desk.
    expect((await world.request(world.people.policeDpo, 'GET', url)).statusCode).toBe(404);
    expect((await world.request(world.people.policeOfficer, 'GET', url)).statusCode).toBe(403);
  });
});

describe('RGT-CRT-03 court-ordered notices', () => {
  it('RGT-CRT-03 lists every recipient of an item since a day, and generates one notice per recipient carrying the order reference; refused for an order without it', async () => {
    const [itemId] = kase.itemIds as [string];
    // The CPAS reads the case (its consult lists the item); the police tells an investigating judge.
    expect((await world.request(world.people.socialWorker, 'GET', `/api/cases/${kase.id}`)).statusCode).toBe(
      200,
    );
    const external = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/cases/${kase.id}/items/${itemId}/external-disclosures`,
      {
        recipientName: 'Vrederechter Gent',
        recipientClass: 'third_party',
        reference: 'VR/26/12',
        disclosedAt: new Date(world.clock.now().getTime() - 60_000).toISOString(),
      },
    );
    expect(external.statusCode, external.body).toBe(201);

    const since = brusselsDateOf(new Date(world.clock.now().getTime() - 86_400_000));
    const log = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/cases/${kase.id}/items/${itemId}/disclosures?since=${since}`,
    );
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().disclosures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          itemId,
          recipientOrganisationId: world.org.cpas,
          recipientClass: 'co_participant_controller',
        }),
        expect.objectContaining({
          itemId,
          recipient: 'Vrederechter Gent',
          recipientOrganisationId: null,
          recipientClass: 'third_party',
          reference: 'VR/26/12',
        }),
      ]),
    );
    // The audit log dates its events by the database's clock, the test world by its own: past both.
    const tomorrow = brusselsDateOf(new Date(Math.max(Date.now(), world.clock.now().getTime()) + 86_400_000));
    const none = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/cases/${kase.id}/items/${itemId}/disclosures?since=${tomorrow}`,
    );
    expect(none.json().disclosures).toEqual([]);
    const badDay = await world.request(
      world.people.policeOfficer,
      'GET',
      `/api/cases/${kase.id}/items/${itemId}/disclosures?since=2026-02-30`,
    );
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().errors[0].field).toBe('/querystring/since');
    expect(
      (
        await world.request(
          world.people.socialWorker,
          'GET',
          `/api/cases/${kase.id}/items/${itemId}/disclosures`,
        )
      ).statusCode,
    ).toBe(403);

    const action = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/cases/${kase.id}/court-actions`,
      courtAction(itemId),
    );
    expect(action.statusCode, action.body).toBe(201);
    const actionId: string = action.json().id;
    const orders = `/api/cases/${kase.id}/court-actions/${actionId}/orders`;
    const plain = await world.request(world.people.policeOfficer, 'POST', orders, {
      orderedOn: brusselsDateOf(world.clock.now()),
      reference: 'Kort Ged. 26/90/C',
      summary: 'Verbetering bevolen.',
    });
    expect(plain.statusCode, plain.body).toBe(201);
    const plainId: string = plain.json().orders[0].id;
    const refused = await world.request(
      world.people.policeOfficer,
      'POST',
      `${orders}/${plainId}/notices`,
      {},
    );
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().rule).toContain('art. 14 §6');

    const informing = await world.request(world.people.policeOfficer, 'POST', orders, {
      orderedOn: brusselsDateOf(world.clock.now()),
      reference: 'Kort Ged. 26/91/C',
      summary: 'Verbetering bevolen; derden in te lichten.',
      informThirdPartiesReference: 'Beschikking 26/91, punt 4',
    });
    expect(informing.statusCode, informing.body).toBe(201);
    const orderId: string = informing
      .json()
      .orders.find((o: { reference: string }) => o.reference === 'Kort Ged. 26/91/C').id;
    const url = `${orders}/${orderId}/notices`;
    // Another participant: the order does not exist for it.
    expect((await world.request(world.people.socialWorker, 'POST', url, {})).statusCode).toBe(404);

    const res = await world.request(world.people.policeOfficer, 'POST', url, { since });
    expect(res.statusCode, res.body).toBe(201);
    const notices = res.json().notices as {
      recipientOrganisationId: string | null;
      recipient: string;
      notificationId: string | null;
      orderReference: string;
      itemIds: string[];
    }[];
    expect(notices).toHaveLength(2);
    expect(notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          recipientOrganisationId: world.org.cpas,
          recipientClass: 'co_participant_controller',
          notificationId: expect.any(String),
          itemIds: [itemId],
        }),
        expect.objectContaining({
          recipientOrganisationId: null,
          recipient: 'Vrederechter Gent',
          recipientClass: 'third_party',
          notificationId: null,
          itemIds: [itemId],
        }),
      ]),
    );
    // The order reference is stored on each notice; the CPAS is notified in Concerto.
    const rows = await world.db.adminDb
      .selectFrom('court_order_notices')
      .selectAll()
      .where('court_order_id', '=', orderId)
      .execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.order_reference === 'Beschikking 26/91, punt 4')).toBe(true);
    const cpasNotice = notices.find((n) => n.recipientOrganisationId === world.org.cpas)!;
    const notification = await world.db.adminDb
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', cpasNotice.notificationId!)
      .executeTakeFirstOrThrow();
    expect(notification).toMatchObject({
      organisation_id: world.org.cpas,
      kind: 'court_ordered_notice',
      case_id: kase.id,
    });

    // Generating again tells nobody twice.
    const again = await world.request(world.people.policeOfficer, 'POST', url, {});
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().notices).toEqual(res.json().notices);
    expect(
      await world.db.adminDb
        .selectFrom('court_order_notices')
        .select('id')
        .where('court_order_id', '=', orderId)
        .execute(),
    ).toHaveLength(2);
  });
});
