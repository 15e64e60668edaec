/**
 * A store-only ZIP writer (APPNOTE 6.3.10, method 0): the litigation evidence pack (SPEC
 * RGT-CRT-01) is read by a court or the supervisory authority with any unzip tool, and each entry
 * is kept byte for byte as hashed in its manifest, so nothing is compressed. No dependency: local
 * file headers, the central directory and CRC-32 (zlib's). Names are UTF-8 (general purpose bit
 * 11); sizes stay below 4 GiB, an evidence pack being a few megabytes (no ZIP64).
 */
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  /** A relative path with forward slashes. */
  name: string;
  content: Buffer;
  /** Last-modified time written in the entry (MS-DOS format, 2-second precision, UTC). */
  modifiedAt: Date;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0: the least that stores files in folders. */
const VERSION = 20;
const UTF8_NAMES = 0x0800;
const MAX_32 = 0xffffffff;

function dosDateTime(at: Date): { time: number; date: number } {
  // MS-DOS dates start in 1980; an earlier instant is written as its first day.
  const d = at.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : at;
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

function checkName(name: string, seen: Set<string>): Buffer {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new TypeError(`a ZIP entry name is a relative path with forward slashes: ${name}`);
  }
  if (seen.has(name)) throw new TypeError(`two ZIP entries are named ${name}`);
  seen.add(name);
  return Buffer.from(name, 'utf8');
}

/** The ZIP archive of `entries`, in their order, stored without compression. */
export function storeZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const names = new Set<string>();
  let offset = 0;
  for (const entry of entries) {
    const name = checkName(entry.name, names);
    if (entry.content.length >= MAX_32) throw new RangeError('a ZIP entry of 4 GiB or more needs ZIP64');
    const crc = crc32(entry.content);
    const { time, date } = dosDateTime(entry.modifiedAt);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.content.length, 18);
    local.writeUInt32LE(entry.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(entry.content.length, 20);
    header.writeUInt32LE(entry.content.length, 24);
    header.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number, internal and external attributes: none.
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, entry.content);
    offset += local.length + name.length + entry.content.length;
    if (offset >= MAX_32) throw new RangeError('a ZIP archive of 4 GiB or more needs ZIP64');
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
