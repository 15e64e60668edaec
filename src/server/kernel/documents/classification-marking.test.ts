import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findClassificationMarking, markingInDocument } from './classification-marking.js';

const MARKINGS = [
  'TRÈS SECRET',
  'TRES SECRET',
  'ZEER GEHEIM',
  'STRENG GEHEIM',
  'TOP SECRET',
  'SECRET',
  'GEHEIM',
  'CONFIDENTIEL',
  'VERTROUWELIJK',
  'VERTRAULICH',
  'CONFIDENTIAL',
  'DIFFUSION RESTREINTE',
  'BEPERKTE VERSPREIDING',
  'RESTRICTED',
];

describe('findClassificationMarking (law of 11 December 1998, SPEC DAT-20)', () => {
  it('finds every marking, reported whole', () => {
    for (const marking of MARKINGS) {
      expect(findClassificationMarking(`Objet : note de synthèse\n${marking}\nTexte de la note.`)).toBe(
        marking,
      );
      expect(findClassificationMarking(`- ${marking} -`)).toBe(marking);
    }
  });

  it('collapses spaces and accepts a decomposed accent', () => {
    expect(findClassificationMarking('TOP   SECRET')).toBe('TOP SECRET');
    expect(findClassificationMarking('ZEER\nGEHEIM')).toBe('ZEER GEHEIM');
    expect(findClassificationMarking('TRE\u0300S SECRET')).toBe('TRÈS SECRET');
  });

  it('does not match markings written as ordinary prose', () => {
    for (const prose of [
      "Le dossier est couvert par le secret de l'instruction.",
      'Deze informatie wordt vertrouwelijk behandeld.',
      'Confidentiel : à ne pas diffuser hors de la concertation.',
      'Top secret was the project name, in lower case: top secret.',
      'Streng geheim, sagte er.',
    ]) {
      expect(findClassificationMarking(prose)).toBeUndefined();
    }
  });

  it('needs a word boundary on both sides', () => {
    for (const text of [
      'SECRETARIAAT',
      'SECRETARIAT GÉNÉRAL',
      'BEROEPSGEHEIM',
      'CONFIDENTIELLE',
      'XSECRET',
      'SECRET2',
    ]) {
      expect(findClassificationMarking(text)).toBeUndefined();
    }
    expect(findClassificationMarking('(SECRET)')).toBe('SECRET');
  });

  it('does not take professional or investigation secrecy for a classification', () => {
    for (const heading of [
      'LEVÉE DU SECRET PROFESSIONNEL',
      'SECRET PROFESSIONNEL PARTAGÉ',
      'SECRET PARTAGÉ',
      'SECRET MÉDICAL',
      "SECRET DE L'INSTRUCTION",
      'MEDISCH GEHEIM',
      'GEHEIM VAN HET ONDERZOEK',
      'GEHEIM VAN HET GERECHTELIJK ONDERZOEK',
    ]) {
      expect(findClassificationMarking(heading)).toBeUndefined();
    }
    expect(findClassificationMarking('SECRET PROFESSIONNEL\n\nSECRET')).toBe('SECRET');
    expect(findClassificationMarking('MEDISCH GEHEIM — VERTROUWELIJK')).toBe('VERTROUWELIJK');
  });
});

describe('markingInDocument', () => {
  it('searches a text file', () => {
    const note = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('VERTROUWELIJK\nVerslag', 'utf8'),
    ]);
    expect(markingInDocument(note, 'text/plain')).toBe('VERTROUWELIJK');
    expect(markingInDocument(Buffer.from('Verslag van het overleg', 'utf8'), 'text/plain')).toBeUndefined();
  });

  it('finds a marking in the document information and in uncompressed page text of a PDF', () => {
    const info = Buffer.from('%PDF-1.4\n1 0 obj << /Title (CONFIDENTIEL - note) >> endobj\n%%EOF', 'latin1');
    expect(markingInDocument(info, 'application/pdf')).toBe('CONFIDENTIEL');
    const page = Buffer.from('%PDF-1.4\nstream\nBT /F1 12 Tf (TR\xc8S SECRET) Tj ET\nendstream', 'latin1');
    expect(markingInDocument(page, 'application/pdf')).toBe('TRÈS SECRET');
  });

  it('does not inspect compressed PDF streams or images (best effort)', () => {
    const compressed = deflateSync(Buffer.from('BT (SECRET) Tj ET', 'latin1'));
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n<< /Filter /FlateDecode >>\nstream\n', 'latin1'),
      compressed,
      Buffer.from('\nendstream\n%%EOF', 'latin1'),
    ]);
    expect(markingInDocument(pdf, 'application/pdf')).toBeUndefined();
    const image = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x08]), Buffer.from('SECRET')]);
    expect(markingInDocument(image, 'image/jpeg')).toBeUndefined();
  });
});
