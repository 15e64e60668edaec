/**
 * Reads back what a PDF says, for tests of the documents Concerto renders: the text that its
 * content streams show and the strings of its info dictionary and catalog. It understands what
 * pdfkit writes (uncompressed or FlateDecode streams with a direct /Length, standard fonts in
 * WinAnsiEncoding), not every PDF, and it shares no code with the renderer it checks.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  /** The object's text before `stream`, or all of it (latin1: one character per byte). */
  readonly body: string;
  readonly stream?: Buffer;
}

type Token =
  | { readonly kind: 'string'; readonly bytes: Buffer }
  | { readonly kind: 'name'; readonly value: string }
  | { readonly kind: 'word'; readonly value: string };

/**
 * 0x80–0x9F of WinAnsiEncoding (PDF 32000-1 annex D), where it differs from Latin-1; U+FFFD for
 * the five codes it leaves unassigned. (Node's TextDecoder decodes "windows-1252" as Latin-1.)
 */
const WIN_ANSI_80_9F = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ';

function winAnsi(bytes: Buffer): string {
  return Array.from(bytes, (byte) =>
    byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_80_9F[byte - 0x80]! : String.fromCharCode(byte),
  ).join('');
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const result = new Map<number, PdfObject>();
  const header = /(\d+) \d+ obj\s/g;
  for (let match = header.exec(text); match !== null; match = header.exec(text)) {
    const start = header.lastIndex;
    const end = text.indexOf('endobj', start);
    const streamAt = text.indexOf('stream', start);
    if (streamAt === -1 || streamAt > end) {
      result.set(Number(match[1]), { body: text.slice(start, end) });
      continue;
    }
    const body = text.slice(start, streamAt);
    const length = /\/Length (\d+)(?! \d+ R)/.exec(body);
    if (!length) throw new Error(`object ${match[1]}: stream without a direct /Length`);
    const dataStart = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataStart, dataStart + Number(length[1]));
    const stream = /\/Filter\s*\/FlateDecode/.test(body) ? inflateSync(raw) : Buffer.from(raw);
    result.set(Number(match[1]), { body, stream });
    // Skip the stream's bytes, which may contain anything, before looking for the next object.
    header.lastIndex = text.indexOf('endobj', dataStart + Number(length[1]));
  }
  return result;
}

function literalBytes(source: string, from: number): { bytes: Buffer; end: number } {
  const bytes: number[] = [];
  let depth = 1;
  let at = from;
  while (at < source.length) {
    const character = source[at++]!;
    if (character === '\\') {
      const next = source[at++]!;
      const octal = /^[0-7]{1,3}/.exec(source.slice(at - 1, at + 2));
      if (octal) {
        bytes.push(Number.parseInt(octal[0], 8) & 0xff);
        at += octal[0].length - 1;
      } else if (next === '\r' || next === '\n') {
        if (next === '\r' && source[at] === '\n') at++;
      } else {
        const escaped: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
        bytes.push(escaped[next] ?? next.charCodeAt(0));
      }
    } else if (character === '(') {
      depth++;
      bytes.push(0x28);
    } else if (character === ')') {
      if (--depth === 0) break;
      bytes.push(0x29);
    } else {
      bytes.push(character.charCodeAt(0));
    }
  }
  return { bytes: Buffer.from(bytes), end: at };
}

/** The tokens of a content stream or an object body: strings, names, and every other word. */
function tokens(source: string): Token[] {
  const result: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const character = source[at]!;
    if (/\s/.test(character)) {
      at++;
    } else if (character === '%') {
      while (at < source.length && source[at] !== '\n' && source[at] !== '\r') at++;
    } else if (character === '(') {
      const { bytes, end } = literalBytes(source, at + 1);
      result.push({ kind: 'string', bytes });
      at = end;
    } else if (source.startsWith('<<', at) || source.startsWith('>>', at)) {
      result.push({ kind: 'word', value: source.slice(at, at + 2) });
      at += 2;
    } else if (character === '<') {
      const end = source.indexOf('>', at);
      const hex = source.slice(at + 1, end).replace(/\s/g, '');
      result.push({ kind: 'string', bytes: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') });
      at = end + 1;
    } else if ('[]{}'.includes(character)) {
      result.push({ kind: 'word', value: character });
      at++;
    } else {
      const word = /^[^\s()<>[\]{}/%]*/.exec(source.slice(at + (character === '/' ? 1 : 0)))![0];
      result.push(character === '/' ? { kind: 'name', value: word } : { kind: 'word', value: word });
      at += word.length + (character === '/' ? 1 : 0);
    }
  }
  return result;
}

/** A text string of the info dictionary or catalog: UTF-16BE after a byte-order mark, else PDFDocEncoding (as Latin-1). */
function textString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('latin1');
}

/** The text a content stream shows: one line per text object (BT … ET), strings joined within it. */
function shownText(content: Buffer): string {
  const lines: string[] = [];
  let line = '';
  let operands: Token[] = [];
  for (const token of tokens(content.toString('latin1'))) {
    if (token.kind !== 'word' || /^[-+.\d]/.test(token.value) || '[]'.includes(token.value)) {
      operands.push(token);
      continue;
    }
    if (token.value === 'BT') line = '';
    else if (token.value === 'ET') lines.push(line);
    else if (['Tj', 'TJ', "'", '"'].includes(token.value)) {
      for (const operand of operands) if (operand.kind === 'string') line += winAnsi(operand.bytes);
    }
    operands = [];
  }
  return lines.join('\n');
}

/** The text shown by every content stream of `pdf`, in file order, one line per text object. */
export function pdfText(pdf: Buffer): string {
  return [...objects(pdf).values()]
    .filter((object) => object.stream !== undefined && !/\/Type\b|\/Subtype\b/.test(object.body))
    .map((object) => shownText(object.stream!))
    .join('\n');
}

/** The text of each page, in the order pdfkit writes the pages (the reading order). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const all = objects(pdf);
  return [...all.values()]
    .filter((object) => /\/Type\s*\/Page\b/.test(object.body))
    .map((page) => {
      const contents = /\/Contents\s+(\d+) \d+ R/.exec(page.body);
      const stream = contents ? all.get(Number(contents[1]))?.stream : undefined;
      if (!stream) throw new Error('a page without a content stream');
      return shownText(stream);
    });
}

/** The top-level entries of a dictionary, each value as the tokens that make it up. */
function dictionary(body: string): Map<string, Token[]> {
  const all = tokens(body.slice(body.indexOf('<<')));
  const entries = new Map<string, Token[]>();
  let at = 1;
  while (at < all.length) {
    const key = all[at++]!;
    if (key.kind === 'word' && key.value === '>>') break;
    if (key.kind !== 'name') throw new Error('a dictionary key that is not a name');
    const start = at;
    let depth = 0;
    do {
      const token = all[at++]!;
      if (token.kind === 'word' && (token.value === '<<' || token.value === '[')) depth++;
      if (token.kind === 'word' && (token.value === '>>' || token.value === ']')) depth--;
    } while (depth > 0);
    // An indirect reference is three words: "12 0 R".
    const after = all[at + 1];
    if (after?.kind === 'word' && after.value === 'R') at += 2;
    entries.set(key.value, all.slice(start, at));
  }
  return entries;
}

function trailer(pdf: Buffer): Map<string, Token[]> {
  const text = pdf.toString('latin1');
  return dictionary(text.slice(text.lastIndexOf('trailer') + 'trailer'.length));
}

/** The value of a dictionary entry as text, following an indirect reference to its object. */
function entryText(value: Token[], all: Map<number, PdfObject>): string | undefined {
  const [first, , third] = value;
  if (third?.kind === 'word' && third.value === 'R' && first?.kind === 'word') {
    const target = all.get(Number(first.value));
    return target ? entryText(tokens(target.body), all) : undefined;
  }
  if (first?.kind === 'string') return textString(first.bytes);
  if (first?.kind === 'name') return first.value;
  return first?.value;
}

function referenced(value: Token[] | undefined, all: Map<number, PdfObject>): PdfObject | undefined {
  const first = value?.[0];
  return first?.kind === 'word' ? all.get(Number(first.value)) : undefined;
}

/**
 * The entries of the info dictionary (Title, Subject, Keywords, Author, Creator, Producer,
 * CreationDate, ModDate, as written: dates stay "D:…") and the catalog's Lang, as text.
 */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const all = objects(pdf);
  const ends = trailer(pdf);
  const result: Record<string, string> = {};
  const info = referenced(ends.get('Info'), all);
  for (const [key, value] of info ? dictionary(info.body) : []) {
    const text = entryText(value, all);
    if (text !== undefined) result[key] = text;
  }
  const catalog = referenced(ends.get('Root'), all);
  const lang = catalog ? dictionary(catalog.body).get('Lang') : undefined;
  if (lang) result.Lang = entryText(lang, all) ?? '';
  return result;
}
