import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './document-upload.js';
import { emptyIntake, intakeBody, localDateTime } from './intake-draft.js';

const PDF = { mediaType: 'application/pdf' as const, contentBase64: 'JVBERi0xLjQ=' };

describe('the intake form (RGT-GEN-01)', () => {
  it('RGT-GEN-01 RGT-ACC-02 sends the dated and signed request trimmed, with its documents, without empty optional fields', () => {
    const draft = {
      ...emptyIntake(new Date(2026, 11, 5, 9, 7), 'fr'),
      datedOn: '2026-12-01',
      signed: true,
      name: '  Leroy Yannick ',
      birthDate: '1995-04-14',
      nationalNumber: '   ',
      address: ' Chemin de la Prison 3, 5000 Namur ',
      text: ' Je souhaite savoir quelles données vous traitez à mon sujet. ',
    };
    expect(draft.receivedAt).toBe('2026-12-05T09:07');
    const body = intakeBody(draft, { request: PDF, proof: PDF });
    expect(body).toEqual({
      kind: 'access',
      channel: 'post',
      receivedAt: new Date(2026, 11, 5, 9, 7).toISOString(),
      datedOn: '2026-12-01',
      signed: true,
      language: 'fr',
      requester: {
        name: 'Leroy Yannick',
        birthDate: '1995-04-14',
        address: 'Chemin de la Prison 3, 5000 Namur',
      },
      text: 'Je souhaite savoir quelles données vous traitez à mon sujet.',
      document: PDF,
      identity: { method: 'id_document_copy', proof: PDF },
    });
  });

  it('RGT-GEN-01 RGT-ACC-02 leaves a missing document and an unreadable time for the server to name, and keeps a representative', () => {
    const body = intakeBody(
      {
        ...emptyIntake(new Date(), 'nl'),
        receivedAt: 'gisteren',
        representative: ' Mr. Janssens, advocaat ',
        identityMethod: 'in_person',
      },
      {},
    );
    expect(body).not.toHaveProperty('document');
    expect(body.identity).toEqual({ method: 'in_person' });
    expect(body.receivedAt).toBe('gisteren');
    expect(body.requester.representative).toBe('Mr. Janssens, advocaat');
  });

  it('RGT-GEN-01 reads a document to base64 in slices, whatever its size', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => index % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new TextEncoder().encode('%PDF-'))).toBe('JVBERi0=');
    expect(localDateTime(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02T03:04');
  });
});
