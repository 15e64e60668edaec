/**
 * Reads a store-only ZIP archive back through its central directory, checking each entry's CRC-32
 * (APPNOTE 6.3.10): what a recipient's unzip tool does, for the tests of the ZIP writer and of the
 * evidence packs made with it (SPEC RGT-CRT-01).
 */
import { crc32 } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;

/** One entry as the central directory describes it. */
export interface ZipListing {
  name: string;
  crc32: number;
  size: number;
  modifiedAt: Date;
  content: Buffer;
}

export function readStoredZip(archive: Buffer): ZipListing[] {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new TypeError('no end of central directory');
  const count = archive.readUInt16LE(endAt + 10);
  let at = archive.readUInt32LE(endAt + 16);
  const out: ZipListing[] = [];
  for (let n = 0; n < count; n++) {
    if (archive.readUInt32LE(at) !== CENTRAL_HEADER) throw new TypeError('bad central directory header');
    if (archive.readUInt16LE(at + 10) !== 0) throw new TypeError('not a stored entry');
    const time = archive.readUInt16LE(at + 12);
    const date = archive.readUInt16LE(at + 14);
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30);
    const comment = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (archive.readUInt32LE(local) !== LOCAL_HEADER) throw new TypeError(`bad local header for ${name}`);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const content = archive.subarray(start, start + size);
    if (crc32(content) !== crc) throw new TypeError(`CRC-32 mismatch for ${name}`);
    const modifiedAt = new Date(
      Date.UTC(
        (date >> 9) + 1980,
        ((date >> 5) & 0xf) - 1,
        date & 0x1f,
        time >> 11,
        (time >> 5) & 0x3f,
        (time & 0x1f) * 2,
      ),
    );
    out.push({ name, crc32: crc, size, modifiedAt, content });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}
