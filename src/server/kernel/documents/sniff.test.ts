import { describe, expect, it } from 'vitest';
import { ALLOWED_MEDIA_TYPES, MEDIA_TYPE_EXTENSIONS, sniffMediaType } from './sniff.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const text = (value: string) => Buffer.from(value, 'utf8');

describe('sniffMediaType', () => {
  it('recognises PDF, PNG and JPEG by their signatures', () => {
    expect(sniffMediaType(text('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('application/pdf');
    expect(
      sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])),
    ).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]))).toBe('image/jpeg');
  });

  it('needs the whole signature at the very start', () => {
    // Seven of the eight PNG bytes: 0x89 alone is not UTF-8 either.
    expect(sniffMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]))).toBeUndefined();
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0x00, 0x00]))).toBeUndefined();
    // Not a PDF, but acceptable text.
    expect(sniffMediaType(text(' %PDF-1.7'))).toBe('text/plain');
    expect(sniffMediaType(text('%PDF1.7'))).toBe('text/plain');
  });

  it('accepts UTF-8 text with tabs, line ends and an optional byte order mark', () => {
    expect(sniffMediaType(text('Rapport de synthèse\r\n\tÉtat : suivi 3 < 5\n'))).toBe('text/plain');
    expect(sniffMediaType(Buffer.concat([BOM, text('Verslag — 2025')]))).toBe('text/plain');
  });

  it('refuses text that is not valid UTF-8 or carries other control characters', () => {
    expect(sniffMediaType(Buffer.from([0x61, 0xc3, 0x28, 0x62]))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('caf\xe9', 'latin1'))).toBeUndefined();
    expect(sniffMediaType(text('a\0b'))).toBeUndefined();
    expect(sniffMediaType(text('red \u001b[31mtext'))).toBeUndefined();
    expect(sniffMediaType(text('page\fbreak'))).toBeUndefined();
    // UTF-16 text is full of NULs.
    expect(sniffMediaType(Buffer.from('hello', 'utf16le'))).toBeUndefined();
  });

  it('refuses text that a browser could render as markup', () => {
    expect(sniffMediaType(text('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffMediaType(text('  \r\n\t<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffMediaType(Buffer.concat([BOM, text('<?xml version="1.0"?><a/>')]))).toBeUndefined();
  });

  it('refuses containers, executables and empty content', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const exe = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]);
    for (const bytes of [zip, exe, elf, Buffer.alloc(0)]) expect(sniffMediaType(bytes)).toBeUndefined();
  });

  it('maps every allowed type to a default extension', () => {
    expect(ALLOWED_MEDIA_TYPES.map((type) => MEDIA_TYPE_EXTENSIONS[type])).toEqual([
      'pdf',
      'png',
      'jpg',
      'txt',
    ]);
  });
});
