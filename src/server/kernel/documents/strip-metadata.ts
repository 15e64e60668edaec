/**
 * Removes the metadata that cameras and editors hide in images: GPS position, device serial,
 * author, capture time, comments and thumbnails of the uncropped original. An attachment shows
 * what its uploader chose to share, not where a photo was taken (minimisation, GDPR art. 5(1)(c)).
 * The picture itself is copied byte for byte; only whole segments or chunks are dropped.
 */
import { DomainError } from '../errors.js';
import { type AllowedMediaType, PNG_SIGNATURE } from './sniff.js';

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const TEM = 0x01;
const RST0 = 0xd0;
const RST7 = 0xd7;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const APP15 = 0xef;
const COM = 0xfe;

// Text, Exif and time chunks; colour (iCCP, sRGB, gAMA, cHRM) and pixel chunks stay.
const DROPPED_PNG_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function malformed(field: string, format: string, why: string): DomainError {
  return new DomainError('validation_failed', {
    fields: [{ field, message: `is not a well-formed ${format} image: ${why}` }],
  });
}

function payloadStartsWith(payload: Buffer, identifier: string): boolean {
  return payload.subarray(0, identifier.length).toString('latin1') === identifier;
}

function keepJpegSegment(marker: number, payload: Buffer): boolean {
  if (marker === COM) return false;
  if (marker < APP0 || marker > APP15) return true;
  // APP0 "JFIF" carries the pixel density; its "JFXX" extension only carries a thumbnail.
  if (marker === APP0) return payloadStartsWith(payload, 'JFIF\0');
  // Colour profile, and Adobe's flag for how to transform the colour components.
  if (marker === APP2) return payloadStartsWith(payload, 'ICC_PROFILE\0');
  if (marker === APP14) return payloadStartsWith(payload, 'Adobe');
  return false;
}

/** Where the entropy-coded data after a SOS header ends: at the next marker that is not RSTn. */
function endOfScan(bytes: Buffer, from: number): number | undefined {
  for (let at = bytes.indexOf(0xff, from); at !== -1; at = bytes.indexOf(0xff, at + 1)) {
    const next = bytes[at + 1];
    if (next === undefined) return undefined;
    // FF 00 is a stuffed data byte; RSTn markers belong to the scan.
    if (next !== 0x00 && (next < RST0 || next > RST7)) return at;
  }
  return undefined;
}

function stripJpeg(bytes: Buffer, field: string): Buffer {
  const fail = (why: string) => malformed(field, 'JPEG', why);
  if (bytes[0] !== 0xff || bytes[1] !== SOI) throw fail('it does not start with a start-of-image marker');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  for (;;) {
    if (at >= bytes.length) throw fail('it ends before the end-of-image marker');
    if (bytes[at] !== 0xff) throw fail('a marker is missing between segments');
    // Any number of FF fill bytes may precede a marker; they are not copied.
    while (bytes[at] === 0xff) at++;
    const start = at - 1;
    const marker = bytes[at];
    at++;
    if (marker === undefined) throw fail('it ends inside a marker');
    // Whatever follows the image (an appended archive, a vendor trailer) is not part of it.
    if (marker === EOI) return Buffer.concat([...kept, bytes.subarray(start, at)]);
    if (marker === TEM || (marker >= RST0 && marker <= RST7)) {
      kept.push(bytes.subarray(start, at));
      continue;
    }
    if (marker === 0x00 || marker === SOI) throw fail('a marker is invalid here');
    if (at + 2 > bytes.length) throw fail('a segment is truncated');
    const length = bytes.readUInt16BE(at);
    // The length counts its own two bytes.
    if (length < 2) throw fail('a segment length is invalid');
    const end = at + length;
    if (end > bytes.length) throw fail('a segment is truncated');
    if (keepJpegSegment(marker, bytes.subarray(at + 2, end))) kept.push(bytes.subarray(start, end));
    at = end;
    if (marker === SOS) {
      const scanEnd = endOfScan(bytes, at);
      if (scanEnd === undefined) throw fail('the image data is truncated');
      kept.push(bytes.subarray(at, scanEnd));
      at = scanEnd;
    }
  }
}

function stripPng(bytes: Buffer, field: string): Buffer {
  const fail = (why: string) => malformed(field, 'PNG', why);
  if (!bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) throw fail('the signature is wrong');
  const kept: Buffer[] = [PNG_SIGNATURE];
  let at = PNG_SIGNATURE.length;
  for (;;) {
    // length (4) + type (4) + data + CRC (4)
    if (at + 12 > bytes.length) throw fail('it ends before the IEND chunk');
    const end = at + 12 + bytes.readUInt32BE(at);
    if (end > bytes.length) throw fail('a chunk is truncated');
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (!/^[A-Za-z]{4}$/.test(type)) throw fail('a chunk type is invalid');
    if (!DROPPED_PNG_CHUNKS.has(type)) kept.push(bytes.subarray(at, end));
    // As after a JPEG's EOI, bytes after IEND are not part of the image and are dropped.
    if (type === 'IEND') return Buffer.concat(kept);
    at = end;
  }
}

/**
 * New bytes without metadata for JPEG and PNG; PDF and text are returned as they are (the same
 * buffer). Throws `validation_failed` on `field` when the image structure is malformed.
 */
export function stripImageMetadata(bytes: Buffer, mediaType: AllowedMediaType, field = 'body'): Buffer {
  switch (mediaType) {
    case 'image/jpeg':
      return stripJpeg(bytes, field);
    case 'image/png':
      return stripPng(bytes, field);
    case 'application/pdf':
    case 'text/plain':
      return bytes;
  }
}
