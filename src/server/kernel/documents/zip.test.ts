import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoredZip } from '../../../../test/support/stored-zip.js';
import { storeZip } from './zip.js';

const at = new Date('2026-12-05T10:11:12Z');
const entries = [
  { name: 'manifest.json', content: Buffer.from('{"a":1}\n'), modifiedAt: at },
  { name: 'request.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n'), modifiedAt: at },
  { name: 'empty.json', content: Buffer.alloc(0), modifiedAt: at },
  {
    name: 'dossier/réponse.json',
    content: Buffer.from('["é"]'),
    modifiedAt: new Date('2026-01-02T03:04:06Z'),
  },
];

function hasPython(): boolean {
  try {
    execFileSync('python3', ['-c', 'import zipfile'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('store-only ZIP writer (SPEC RGT-CRT-01)', () => {
  it('RGT-CRT-01 writes every entry stored, byte for byte, with its CRC-32, name and time in the central directory', () => {
    const listed = readStoredZip(storeZip(entries));
    expect(listed.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    for (const [n, entry] of entries.entries()) {
      expect(listed[n]!.content.equals(entry.content)).toBe(true);
      expect(listed[n]!.modifiedAt).toEqual(entry.modifiedAt);
    }
  });

  it('RGT-CRT-01 an independent reader (Python zipfile, where installed) opens it and finds every CRC right', () => {
    if (!hasPython()) return;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'concerto-zip-'));
    const file = path.join(dir, 'pack.zip');
    writeFileSync(file, storeZip(entries));
    const script = [
      'import sys, zipfile, json',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'print(json.dumps([[i.filename, i.compress_type, z.read(i).hex(), list(i.date_time)] for i in z.infolist()]))',
    ].join('\n');
    const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
    expect(out).toEqual(
      entries.map((e) => [
        e.name,
        0,
        e.content.toString('hex'),
        [
          e.modifiedAt.getUTCFullYear(),
          e.modifiedAt.getUTCMonth() + 1,
          e.modifiedAt.getUTCDate(),
          e.modifiedAt.getUTCHours(),
          e.modifiedAt.getUTCMinutes(),
          e.modifiedAt.getUTCSeconds(),
        ],
      ]),
    );
  });

  it('RGT-CRT-01 refuses an entry name that climbs out of the archive or comes twice', () => {
    expect(() => storeZip([{ name: '../x', content: Buffer.alloc(1), modifiedAt: at }])).toThrow(TypeError);
    expect(() => storeZip([entries[0]!, entries[0]!])).toThrow(/two ZIP entries/);
  });
});
