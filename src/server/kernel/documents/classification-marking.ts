/**
 * Classified information (law of 11 December 1998 on classification and security clearances)
 * may not be processed in the shared file: the bill does not authorise it and receiving it
 * requires a clearance (bill, commentary on art. 2; SPEC DAT-20). Every document carries a
 * declared classification, which stays mandatory; this module is the second net that refuses a
 * document whose text shows a classification marking although it was declared non-classified.
 */
import type { AllowedMediaType } from './sniff.js';

export const CLASSIFICATION_LEVELS = [
  'non_classified',
  'restricted',
  'confidential',
  'secret',
  'top_secret',
] as const;

export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

// Capitals that name professional or investigation secrecy (CP art. 458ter, SPEC DAT-21), common
// in headings of the very documents this file holds; they are not classification markings.
const NOT_AFTER_SECRET = String.raw`\s+(?:PROFESSIONNEL|PARTAG[ÉE]|M[ÉE]DICAL|DE\s+L['’]INSTRUCTION)`;
const NOT_AFTER_GEHEIM = String.raw`\s+VAN\s+HET\s+(?:GERECHTELIJK\s+)?ONDERZOEK`;

// FR, NL, DE and EN markings; longer ones first so that "TOP SECRET" is reported whole.
const MARKINGS = [
  String.raw`TR[ÈE]S\s+SECRET`,
  String.raw`TOP\s+SECRET`,
  String.raw`(?:ZEER|STRENG)\s+GEHEIM`,
  String.raw`DIFFUSION\s+RESTREINTE`,
  String.raw`BEPERKTE\s+VERSPREIDING`,
  `SECRET(?!${NOT_AFTER_SECRET})`,
  String.raw`(?<!MEDISCH\s+)GEHEIM(?!${NOT_AFTER_GEHEIM})`,
  'CONFIDENTIEL',
  'VERTROUWELIJK',
  'VERTRAULICH',
  'CONFIDENTIAL',
  'RESTRICTED',
];

// Case-sensitive on purpose: a marking is stamped in capitals, while prose ("le secret de
// l'instruction", "vertrouwelijk behandelen") is not. Letters or digits may not touch it, so
// "SECRETARIAAT" is no marking.
const MARKING = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${MARKINGS.join('|')})(?![\p{L}\p{N}])`, 'u');

/** The first classification marking in the text, with its spaces collapsed, or undefined. */
export function findClassificationMarking(text: string): string | undefined {
  return MARKING.exec(text.normalize('NFC'))?.[0].replace(/\s+/g, ' ');
}

/**
 * Best effort: text files are searched whole; for a PDF, the raw bytes read as Latin-1, which
 * finds uncompressed page text and the document information (/Title, /Subject, XMP). Compressed
 * content streams and text split into kerned pieces are not inspected, and images are not read.
 */
export function markingInDocument(bytes: Buffer, mediaType: AllowedMediaType): string | undefined {
  switch (mediaType) {
    case 'text/plain':
      return findClassificationMarking(bytes.toString('utf8'));
    case 'application/pdf':
      return findClassificationMarking(bytes.toString('latin1'));
    case 'image/png':
    case 'image/jpeg':
      return undefined;
  }
}
