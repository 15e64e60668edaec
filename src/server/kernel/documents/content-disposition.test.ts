import { describe, expect, it } from 'vitest';
import { attachmentDisposition, safeFilename } from './content-disposition.js';

/** The two parameters of a header value built by attachmentDisposition. */
function parameters(header: string): { filename: string; extValue: string } {
  const match = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S*)$/.exec(header);
  if (!match) throw new Error(`unexpected header ${header}`);
  return { filename: match[1]!, extValue: match[2]! };
}

describe('safeFilename', () => {
  it('keeps only the last path segment, whatever the separator', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\agent\\Desktop\\verslag.pdf')).toBe('verslag.pdf');
    expect(safeFilename('  notes/ rapport final.txt  ')).toBe('rapport final.txt');
  });

  it('removes control characters and bidirectional overrides', () => {
    expect(safeFilename('rapport\r\nSet-Cookie: x=1.pdf')).toBe('rapportSet-Cookie: x=1.pdf');
    expect(safeFilename('a\u0000b\u007f\u0085c.txt')).toBe('abc.txt');
    expect(safeFilename('facture\u202efdp.exe')).toBe('facturefdp.exe');
  });

  it('composes to NFC, so that one name has one spelling', () => {
    expect(safeFilename('e\u0301valuation.pdf')).toBe('\u00e9valuation.pdf');
  });

  it('falls back to "document" when nothing is left', () => {
    for (const name of ['', '   ', '\u0007', 'dossier/', '..', '../..', '.']) {
      expect(safeFilename(name)).toBe('document');
    }
  });

  it('limits a long name to 150 code points and keeps its extension', () => {
    const long = safeFilename(`${'a'.repeat(296)}.pdf`);
    expect(long).toHaveLength(150);
    expect(long).toBe(`${'a'.repeat(146)}.pdf`);

    const emoji = safeFilename(`${'😀'.repeat(300)}.txt`);
    expect(Array.from(emoji)).toHaveLength(150);
    expect(emoji.endsWith('😀.txt')).toBe(true);
    // A surrogate pair cut in half would make encodeURIComponent throw.
    expect(() => encodeURIComponent(emoji)).not.toThrow();

    // No space is left dangling before the extension.
    expect(safeFilename(`${'a '.repeat(148)}.docx.pdf`).endsWith('a.pdf')).toBe(true);
    // After a dot that starts a 300-character tail there is no extension to keep.
    expect(safeFilename(`x.${'y'.repeat(300)}`)).toBe(`x.${'y'.repeat(148)}`);
    expect(safeFilename('short.pdf')).toBe('short.pdf');
  });
});

describe('attachmentDisposition (RFC 6266, RFC 8187)', () => {
  it('sends an ASCII fallback and the exact UTF-8 name', () => {
    const name = 'rapport d\'évaluation "risques".pdf';
    const header = attachmentDisposition(name);
    expect(header).toBe(
      'attachment; filename="rapport d\'evaluation _risques_.pdf"; ' +
        "filename*=UTF-8''rapport%20d%27%C3%A9valuation%20%22risques%22.pdf",
    );
    expect(decodeURIComponent(parameters(header).extValue)).toBe(name);
  });

  it('replaces what NFKD cannot turn into ASCII', () => {
    const { filename, extValue } = parameters(attachmentDisposition('Ωmega.txt'));
    expect(filename).toBe('_mega.txt');
    expect(extValue).toBe('%CE%A9mega.txt');
    expect(parameters(attachmentDisposition('ﬁche Ørsted.txt')).filename).toBe('fiche _rsted.txt');
  });

  it('keeps separators, backslashes and percent signs out of the fallback', () => {
    // Full-width solidus and reverse solidus are no separators, but NFKD makes them "/" and "\".
    const { filename, extValue } = parameters(attachmentDisposition('１／２＼3 50%.txt'));
    expect(filename).toBe('1_2_3 50_.txt');
    expect(decodeURIComponent(extValue)).toBe('１／２＼3 50%.txt');
  });

  it('percent-encodes every byte outside attr-char', () => {
    const name = 'a b;c,d\'e(f)g*h=i@j[k]l{m}n<o>p?q:r"s\\t%u!#$&+-.^_`|~.txt';
    const { extValue } = parameters(attachmentDisposition(name));
    expect(extValue).toMatch(/^(?:[A-Za-z0-9!#$&+\-.^_`|~]|%[0-9A-F]{2})+$/);
    expect(decodeURIComponent(extValue)).toBe(safeFilename(name));
    expect(extValue).toContain('!#$&+-.^_`|~.txt');
  });

  it('applies safeFilename, so no directory and no header injection gets through', () => {
    const header = attachmentDisposition('../../etc/pass\r\nwd');
    expect(header).toBe('attachment; filename="passwd"; filename*=UTF-8\'\'passwd');
    expect(header).not.toMatch(/[\r\n]/);
  });

  it('falls back to "document" in the ASCII name when only combining marks remain', () => {
    expect(attachmentDisposition('\u0301')).toBe(
      'attachment; filename="document"; filename*=UTF-8\'\'%CC%81',
    );
  });
});
