/**
 * Attachments of information items over HTTP on a real database (issue 4 scope 4): the type
 * decided by the content, image metadata stripped, classified documents refused (bill Comm.
 * art. 2; SPEC DAT-20), the size limited, the bytes served back whole with an RFC 6266 name, to
 * those who see the item only, and every upload and download audited.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../src/server/modules/cases/case-attachments.service.js';
import { type AccessWorld, createAccessWorld } from '../support/access-world.js';
import { auditEventsSince, auditPosition, newCase, type TestCase } from '../support/case-steps.js';
import { rowCount, upload } from '../support/item-steps.js';

let world: AccessWorld;
let kase: TestCase;

beforeAll(async () => {
  world = await createAccessWorld();
  kase = await newCase(world, { items: 1, to: 'accepted', admit: ['cpas'] });
});
afterAll(async () => {
  await world?.close();
});

const latin1 = (value: string) => Buffer.from(value, 'latin1');

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([latin1(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 1×1 PNG. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
  pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00])),
  pngChunk('IEND', Buffer.alloc(0)),
]);

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), length, payload]);
}

/** A small JPEG's structure: JFIF, tables, frame, scan. */
const JPEG_HEAD = Buffer.from([0xff, 0xd8]);
const JFIF = jpegSegment(0xe0, latin1('JFIF\0\x01\x02\x00\x00\x01\x00\x01\x00\x00'));
const EXIF = jpegSegment(
  0xe1,
  latin1('Exif\0\0MM\0*GPSLatitude 51.0543 N GPSLongitude 3.7174 E Model Pixel 8'),
);
const COMMENT = jpegSegment(0xfe, latin1('Genomen in de Veldstraat 12'));
const JPEG_BODY = Buffer.concat([
  jpegSegment(0xdb, Buffer.alloc(65, 1)),
  jpegSegment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
  jpegSegment(0xc4, Buffer.alloc(20, 2)),
  jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
  Buffer.from([0x12, 0xff, 0x00, 0x34, 0x56]),
  Buffer.from([0xff, 0xd9]),
]);

const itemPath = () => ({ caseId: kase.id, itemId: kase.itemIds[0]! });
const downloadUrl = (attachmentId: string, path = itemPath()) =>
  `/api/cases/${path.caseId}/items/${path.itemId}/attachments/${attachmentId}`;

describe('attachments', () => {
  it('SEC-03 decides the type by the content: a PNG named .pdf is stored and served as an image/png named .png', async () => {
    const res = await upload(world, world.people.policeOfficer, itemPath(), 'vaststelling.pdf', PNG, {
      contentType: 'application/pdf',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      mediaType: 'image/png',
      filename: 'vaststelling.pdf.png',
      sizeBytes: PNG.length,
    });
    const download = await world.request(world.people.socialWorker, 'GET', downloadUrl(res.json().id));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="vaststelling.pdf.png"; filename*=UTF-8''vaststelling.pdf.png`,
    );
    // A name that fits its content keeps it.
    const named = await upload(world, world.people.policeOfficer, itemPath(), 'Foto.PNG', PNG);
    expect(named.json().filename).toBe('Foto.PNG');
  });

  it('SEC-03 refuses an executable, HTML, SVG or an Office/ZIP container with 415, whatever their name, and stores nothing', async () => {
    const before = await rowCount(world, 'item_attachments');
    const refused = {
      'rapport.pdf': Buffer.concat([latin1('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)]),
      'verslag.txt': Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
      'kaart.png': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
      'verslag.docx': Buffer.concat([latin1('PK\x03\x04'), Buffer.alloc(30)]),
    };
    for (const [filename, bytes] of Object.entries(refused)) {
      const res = await upload(world, world.people.policeOfficer, itemPath(), filename, bytes, {
        contentType: 'text/plain',
      });
      expect(res.statusCode, filename).toBe(415);
      expect(res.json().code).toBe('unsupported_media_type');
      expect(res.json().errors).toEqual([
        { field: '/body', message: 'is not a PDF, PNG, JPEG or plain-text document' },
      ]);
    }
    expect(await rowCount(world, 'item_attachments')).toBe(before);
  });

  it('SEC-03 strips the Exif location and the comment of a JPEG, and stores it encrypted', async () => {
    const photo = Buffer.concat([JPEG_HEAD, JFIF, EXIF, COMMENT, JPEG_BODY]);
    const stripped = Buffer.concat([JPEG_HEAD, JFIF, JPEG_BODY]);
    const res = await upload(world, world.people.policeOfficer, itemPath(), 'deur.jpg', photo, {
      contentType: 'image/jpeg',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      mediaType: 'image/jpeg',
      sizeBytes: stripped.length,
      sha256: createHash('sha256').update(stripped).digest('hex'),
    });
    const download = await world.request(world.people.policeOfficer, 'GET', downloadUrl(res.json().id));
    expect(download.rawPayload.equals(stripped)).toBe(true);
    expect(download.rawPayload.includes('GPSLatitude')).toBe(false);
    expect(download.rawPayload.includes('Veldstraat')).toBe(false);
    // Stored encrypted: the bytes in the database are not the image's.
    const row = await world.db.adminDb
      .selectFrom('item_attachments')
      .select(['content', 'filename'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.content?.includes(JPEG_BODY)).toBe(false);
    expect(row.filename.includes('deur.jpg')).toBe(false);
  });

  it('DAT-20 refuses a text file marked CONFIDENTIEL, and any declared classification, naming the rule', async () => {
    const before = await rowCount(world, 'item_attachments');
    const marked = await upload(
      world,
      world.people.policeOfficer,
      itemPath(),
      'nota.txt',
      Buffer.from('CONFIDENTIEL\n\nNote de la Sûreté de l’État sur la famille D.\n'),
    );
    expect(marked.statusCode).toBe(400);
    expect(marked.json()).toMatchObject({
      rule: 'bill Comm. art. 2 (SPEC DAT-20)',
      detail: 'The document carries the classification marking CONFIDENTIEL',
      errors: [{ field: '/body', message: 'carries the classification marking CONFIDENTIEL' }],
    });
    const declared = await upload(
      world,
      world.people.policeOfficer,
      itemPath(),
      'nota.txt',
      Buffer.from('Nota.\n'),
      {
        classification: 'restricted',
      },
    );
    expect(declared.statusCode).toBe(400);
    expect(declared.json().rule).toBe('bill Comm. art. 2 (SPEC DAT-20)');
    expect(declared.json().errors).toEqual([
      expect.objectContaining({ field: '/querystring/classification' }),
    ]);
    expect(await rowCount(world, 'item_attachments')).toBe(before);
  });

  it('refuses a document over the size limit with 413, and an empty one', async () => {
    const before = await rowCount(world, 'item_attachments');
    const tooLarge = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 'a');
    const res = await upload(world, world.people.policeOfficer, itemPath(), 'groot.txt', tooLarge);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const empty = await upload(world, world.people.policeOfficer, itemPath(), 'leeg.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(await rowCount(world, 'item_attachments')).toBe(before);
  });

  it('SEC-14 serves the same bytes back as a download with an RFC 6266 name, to every reader of the item, never cached', async () => {
    const text = Buffer.from('Verslag van het huisbezoek van 27 februari.\nGeen sporen van geweld.\n');
    const res = await upload(
      world,
      world.people.policeOfficer,
      itemPath(),
      '../../Verslag Zoë "mei".txt',
      text,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filename).toBe('Verslag Zoë "mei".txt');
    for (const reader of [world.people.policeOfficer, world.people.socialWorker, world.people.coordinator]) {
      const download = await world.request(reader, 'GET', downloadUrl(res.json().id));
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(text)).toBe(true);
      expect(download.headers['content-type']).toMatch(/^text\/plain/);
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="Verslag Zoe _mei_.txt"; filename*=UTF-8''Verslag%20Zo%C3%AB%20%22mei%22.txt`,
      );
      expect(download.headers['cache-control']).toBe('no-store');
    }
    const seen = await world.request(world.people.socialWorker, 'GET', `/api/cases/${kase.id}`);
    const item = (seen.json().items as { id: string; attachments: { id: string }[] }[]).find(
      (i) => i.id === itemPath().itemId,
    );
    expect(item?.attachments).toContainEqual(
      expect.objectContaining({ id: res.json().id, filename: 'Verslag Zoë "mei".txt' }),
    );
  });

  it('ROL-09 only the controller of the item attaches documents to it', async () => {
    const res = await upload(
      world,
      world.people.socialWorker,
      itemPath(),
      'ocmw.txt',
      Buffer.from('Aanvulling van het OCMW.\n'),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().rule).toBe('bill art. 3 §1 al. 2 (SPEC ROL-09, FIL-02)');
  });

  it('WFL-03 answers 404 to a participant who does not see the item, and to anyone outside the case', async () => {
    // A draft with two items; the signal shares the first only.
    const draft = await newCase(world, { items: 2 });
    const kept = { caseId: draft.id, itemId: draft.itemIds[1]! };
    const attached = await upload(
      world,
      world.people.policeOfficer,
      kept,
      'intern.txt',
      Buffer.from('Interne nota van de zone.\n'),
    );
    expect(attached.statusCode, attached.body).toBe(201);
    const url = downloadUrl(attached.json().id, kept);
    // Before the signal, only the compartment knows of the case.
    expect((await world.request(world.people.coordinator, 'GET', url)).statusCode).toBe(404);
    const signalled = await world.request(
      world.people.policeOfficer,
      'POST',
      `/api/cases/${draft.id}/signal`,
      {
        selection: { personIds: [draft.subjectId], itemIds: [draft.itemIds[0]] },
        necessityConfirmed: true,
      },
    );
    expect(signalled.statusCode, signalled.body).toBe(200);
    await world.request(world.people.coordinator, 'POST', `/api/cases/${draft.id}/signal-decision`, {
      decision: 'accept',
      reason: 'Ernstig risico; ketenaanpak aangewezen.',
    });
    await world.request(world.people.coordinator, 'POST', `/api/cases/${draft.id}/participants`, {
      organisationId: world.org.cpas,
      ground: 'expertise',
      justification: 'Volgt het gezin op.',
    });
    for (const who of [world.people.coordinator, world.people.socialWorker, world.people.youthWorker]) {
      const res = await world.request(who, 'GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Interne nota');
    }
    expect((await world.request(world.people.policeOfficer, 'GET', url)).statusCode).toBe(200);
  });

  it('SEC-05 audits each upload as a collect and each download as a consult with its justification', async () => {
    const before = await auditPosition(world);
    const res = await upload(
      world,
      world.people.policeOfficer,
      itemPath(),
      'pv.txt',
      Buffer.from('Proces-verbaal, samenvatting.\n'),
    );
    const attachmentId: string = res.json().id;
    await world.request(world.people.socialWorker, 'GET', downloadUrl(attachmentId));
    const events = await auditEventsSince(world, before);
    const records = [
      { type: 'attachment', id: attachmentId },
      { type: 'item', id: itemPath().itemId, category: 11 },
    ];
    expect(events).toEqual([
      expect.objectContaining({
        action: 'collect',
        outcome: 'success',
        caseId: kase.id,
        actor: expect.objectContaining({ userId: world.people.policeOfficer.actor.userId }),
        records,
      }),
      expect.objectContaining({
        action: 'consult',
        outcome: 'success',
        caseId: kase.id,
        justification: 'access matrix',
        actor: expect.objectContaining({ userId: world.people.socialWorker.actor.userId }),
        records,
      }),
    ]);
    // A refused download is audited too.
    const mark = await auditPosition(world);
    await world.request(world.people.youthWorker, 'GET', downloadUrl(attachmentId));
    expect(await auditEventsSince(world, mark)).toEqual([
      expect.objectContaining({ action: 'consult', outcome: 'denied' }),
    ]);
  });
});
