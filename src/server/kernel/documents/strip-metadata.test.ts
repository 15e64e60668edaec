import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { stripImageMetadata } from './strip-metadata.js';

const latin1 = (value: string) => Buffer.from(value, 'latin1');

function segment(marker: number, payload: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), length, payload]);
}

const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
const jfif = segment(0xe0, latin1('JFIF\0\x01\x02\x00\x00\x01\x00\x01\x00\x00'));
const jfxxThumbnail = segment(0xe0, latin1('JFXX\0\x13thumbnail-of-the-original'));
const exif = segment(0xe1, latin1('Exif\0\0MM\0*GPSLatitude 50.8467 N GPSLongitude 4.3525 E'));
const xmp = segment(0xe1, latin1('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Author</x:xmpmeta>'));
const icc = segment(0xe2, latin1('ICC_PROFILE\0\x01\x01fake-profile'));
const flashpix = segment(0xe2, latin1('FPXR\0\0private'));
// Starts like a colour profile but is not one: the identifier ends with a NUL.
const fakeIcc = segment(0xe2, latin1('ICC_PROFILEX\x01\x01hidden'));
const iptc = segment(0xed, latin1('Photoshop 3.0\x008BIM\x04\x04caption'));
const adobe = segment(0xee, latin1('Adobe\0\x64\x00\x00\x00\x00\x01'));
const ducky = segment(0xec, latin1('Ducky\0\x01quality'));
const comment = segment(0xfe, latin1('Photo prise rue de la Loi 16'));
const dqt = segment(0xdb, Buffer.alloc(65, 1));
const sof0 = segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
const dht = segment(0xc4, Buffer.alloc(20, 2));
const sos = segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
// Entropy-coded data with a stuffed FF 00 and restart markers, which belong to the scan.
const scan = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xd1, 0x78, 0xe1]);

function jpegError(bytes: Buffer, field?: string): DomainError {
  try {
    stripImageMetadata(bytes, 'image/jpeg', field);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a validation error');
}

describe('stripImageMetadata (JPEG)', () => {
  it('drops Exif, XMP, IPTC, comments and other APPn, and keeps JFIF, ICC, Adobe and the image', () => {
    const input = Buffer.concat([
      SOI,
      jfif,
      jfxxThumbnail,
      exif,
      xmp,
      icc,
      flashpix,
      fakeIcc,
      iptc,
      adobe,
      ducky,
      comment,
      dqt,
      sof0,
      dht,
      sos,
      scan,
      EOI,
    ]);
    const output = stripImageMetadata(input, 'image/jpeg');
    expect(output).toEqual(Buffer.concat([SOI, jfif, icc, adobe, dqt, sof0, dht, sos, scan, EOI]));
    expect(output.includes('GPSLatitude')).toBe(false);
    expect(output.includes('rue de la Loi')).toBe(false);
    expect(output.includes('thumbnail')).toBe(false);
    const afterSos = output.indexOf(sos) + sos.length;
    expect(output.subarray(afterSos)).toEqual(Buffer.concat([scan, EOI]));
    expect(output).not.toBe(input);
  });

  it('keeps every scan of a progressive image and drops a comment between scans', () => {
    const secondScan = Buffer.from([0x9a, 0xff, 0x00, 0xbc]);
    const input = Buffer.concat([SOI, jfif, sof0, dht, sos, scan, comment, dht, sos, secondScan, EOI]);
    expect(stripImageMetadata(input, 'image/jpeg')).toEqual(
      Buffer.concat([SOI, jfif, sof0, dht, sos, scan, dht, sos, secondScan, EOI]),
    );
  });

  it('drops fill bytes before markers and whatever follows the end of the image', () => {
    const input = Buffer.concat([
      SOI,
      Buffer.from([0xff, 0xff]),
      exif,
      sos,
      scan,
      EOI,
      latin1('PK\x03\x04hidden'),
    ]);
    expect(stripImageMetadata(input, 'image/jpeg')).toEqual(Buffer.concat([SOI, sos, scan, EOI]));
  });

  it('refuses a malformed structure on the given field', () => {
    const notJpeg = jpegError(latin1('GIF89a'));
    expect(notJpeg.code).toBe('validation_failed');
    expect(notJpeg.details.fields).toEqual([
      {
        field: 'body',
        message: 'is not a well-formed JPEG image: it does not start with a start-of-image marker',
      },
    ]);
    const truncatedSegment = Buffer.concat([SOI, jfif, exif.subarray(0, exif.length - 5)]);
    expect(jpegError(truncatedSegment, '/body/file').details.fields).toEqual([
      { field: '/body/file', message: 'is not a well-formed JPEG image: a segment is truncated' },
    ]);
    const truncatedScan = Buffer.concat([SOI, sos, scan]);
    expect(jpegError(truncatedScan).details.fields?.[0]?.message).toMatch(/image data is truncated/);
    expect(jpegError(Buffer.concat([SOI, jfif])).details.fields?.[0]?.message).toMatch(
      /before the end-of-image/,
    );
    expect(
      jpegError(Buffer.concat([SOI, jfif, Buffer.from([0x00, 0x01])])).details.fields?.[0]?.message,
    ).toMatch(/marker is missing/);
    expect(
      jpegError(Buffer.concat([SOI, Buffer.from([0xff, 0xe1, 0x00, 0x01])])).details.fields?.[0]?.message,
    ).toMatch(/segment length is invalid/);
  });
});

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([latin1(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** An independent chunk reader for the assertions: type and whether the stored CRC matches. */
function readChunks(png: Buffer): { type: string; crcValid: boolean }[] {
  const chunks: { type: string; crcValid: boolean }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typed = png.subarray(at + 4, at + 8 + length);
    chunks.push({
      type: typed.toString('latin1', 0, 4),
      crcValid: crc32(typed) === png.readUInt32BE(at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ihdr = chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
const srgb = chunk('sRGB', Buffer.from([0]));
const author = chunk('tEXt', latin1('Author\0Jan Janssens'));
const compressedText = chunk('zTXt', latin1('Comment\0\0xyz'));
const internationalText = chunk('iTXt', latin1('Description\0\0\0nl\0\0Foto van het slachtoffer'));
const exifChunk = chunk('eXIf', latin1('MM\0*GPSLatitude 51.0543 N'));
const time = chunk('tIME', Buffer.from([0x07, 0xe9, 3, 14, 9, 30, 0]));
const idat = chunk(
  'IDAT',
  Buffer.from([0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00]),
);
const iend = chunk('IEND', Buffer.alloc(0));

function pngError(bytes: Buffer): string | undefined {
  try {
    stripImageMetadata(bytes, 'image/png');
  } catch (error) {
    expect((error as DomainError).code).toBe('validation_failed');
    return (error as DomainError).details.fields?.[0]?.message;
  }
  throw new Error('expected a validation error');
}

describe('stripImageMetadata (PNG)', () => {
  it('drops text, Exif and time chunks and copies the others whole, CRCs included', () => {
    const input = Buffer.concat([
      PNG_SIGNATURE,
      ihdr,
      author,
      srgb,
      exifChunk,
      compressedText,
      internationalText,
      time,
      idat,
      iend,
    ]);
    const output = stripImageMetadata(input, 'image/png');
    expect(output).toEqual(Buffer.concat([PNG_SIGNATURE, ihdr, srgb, idat, iend]));
    expect(readChunks(output)).toEqual([
      { type: 'IHDR', crcValid: true },
      { type: 'sRGB', crcValid: true },
      { type: 'IDAT', crcValid: true },
      { type: 'IEND', crcValid: true },
    ]);
    expect(output.includes('Jan Janssens')).toBe(false);
    expect(output.includes('GPSLatitude')).toBe(false);
  });

  it('drops whatever follows IEND', () => {
    const input = Buffer.concat([PNG_SIGNATURE, ihdr, idat, iend, latin1('appended secret')]);
    expect(stripImageMetadata(input, 'image/png')).toEqual(Buffer.concat([PNG_SIGNATURE, ihdr, idat, iend]));
  });

  it('refuses a bad signature, a truncated chunk, a missing IEND and an invalid chunk type', () => {
    expect(pngError(Buffer.concat([latin1('\x89PNG\r\n\x1a\0'), ihdr, iend]))).toMatch(/signature/);
    const whole = Buffer.concat([PNG_SIGNATURE, ihdr, idat, iend]);
    expect(pngError(Buffer.concat([PNG_SIGNATURE, ihdr, idat.subarray(0, idat.length - 3)]))).toMatch(
      /chunk is truncated/,
    );
    expect(pngError(whole.subarray(0, whole.length - iend.length))).toMatch(/before the IEND/);
    expect(pngError(Buffer.concat([PNG_SIGNATURE, ihdr, chunk('ID1T', Buffer.alloc(1)), iend]))).toMatch(
      /chunk type is invalid/,
    );
  });
});

describe('stripImageMetadata (PDF and text)', () => {
  it('returns the same bytes untouched', () => {
    const pdf = latin1('%PDF-1.4\n/Author (Jan Janssens)\n%%EOF');
    const note = Buffer.from('Auteur : Jan Janssens', 'utf8');
    expect(stripImageMetadata(pdf, 'application/pdf')).toBe(pdf);
    expect(stripImageMetadata(note, 'text/plain')).toBe(note);
  });
});
