/**
 * Reads back the footer of each page of a PDF the kernel rendered (kernel/pdf; SPEC DCL-25,
 * PEN-10): the text drawn inside the bottom margin, where the renderer prints the footer. It
 * understands what pdfkit writes (objects with a direct /Length, FlateDecode content streams, text
 * shown with Tj/TJ in hexadecimal or literal strings of the standard fonts' WinAnsiEncoding),
 * which is what the template inventory renders, not every PDF.
 */
import { inflateSync } from 'node:zlib';

/** The renderer's bottom margin (2 cm): the footer is printed below it, the content above. */
const FOOTER_ZONE_TOP = 57;

interface PdfObject {
  body: string;
  stream?: Buffer;
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) \d+ obj\s/g;
  for (let match = header.exec(text); match !== null; match = header.exec(text)) {
    const start = header.lastIndex;
    const end = text.indexOf('endobj', start);
    const streamAt = text.indexOf('stream', start);
    if (streamAt === -1 || streamAt > end) {
      objects.set(Number(match[1]), { body: text.slice(start, end) });
      continue;
    }
    const body = text.slice(start, streamAt);
    const length = /\/Length (\d+)(?! \d+ R)/.exec(body);
    if (!length) continue;
    const dataStart = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataStart, dataStart + Number(length[1]));
    objects.set(Number(match[1]), {
      body,
      stream: /\/Filter\s*\/FlateDecode/.test(body) ? inflateSync(raw) : Buffer.from(raw),
    });
    header.lastIndex = text.indexOf('endobj', dataStart + Number(length[1]));
  }
  return objects;
}

function literal(source: string, from: number): { text: string; end: number } {
  let out = '';
  let depth = 1;
  let at = from;
  while (at < source.length) {
    const c = source[at++]!;
    if (c === '\\') {
      const octal = /^[0-7]{1,3}/.exec(source.slice(at, at + 3));
      if (octal) {
        out += String.fromCharCode(Number.parseInt(octal[0], 8) & 0xff);
        at += octal[0].length;
      } else {
        out += source[at++] ?? '';
      }
    } else if (c === '(') {
      depth++;
      out += c;
    } else if (c === ')') {
      if (--depth === 0) break;
      out += c;
    } else {
      out += c;
    }
  }
  return { text: out, end: at };
}

/** The text objects of a content stream with the vertical position of their first line. */
function textObjects(content: Buffer): { y: number; text: string }[] {
  const source = content.toString('latin1');
  const found: { y: number; text: string }[] = [];
  const block = /BT([\s\S]*?)ET/g;
  for (let match = block.exec(source); match !== null; match = block.exec(source)) {
    const inner = match[1]!;
    const position = /([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+Tm/.exec(inner);
    let text = '';
    for (let at = 0; at < inner.length; at++) {
      const c = inner[at];
      if (c === '<' && inner[at + 1] !== '<') {
        const end = inner.indexOf('>', at);
        text += Buffer.from(inner.slice(at + 1, end).replace(/\s/g, ''), 'hex').toString('latin1');
        at = end;
      } else if (c === '(') {
        const read = literal(inner, at + 1);
        text += read.text;
        at = read.end - 1;
      }
    }
    found.push({ y: position ? Number(position[6]) : Number.NaN, text });
  }
  return found;
}

/** The footer text of each page, in page order. */
export function footersOf(pdf: Buffer): string[] {
  const objects = objectsOf(pdf);
  return [...objects.values()]
    .filter((object) => /\/Type\s*\/Page\b/.test(object.body))
    .map((page) => {
      const contents = /\/Contents\s+(\d+) \d+ R/.exec(page.body);
      const stream = contents ? objects.get(Number(contents[1]))?.stream : undefined;
      if (!stream) return '';
      return textObjects(stream)
        .filter((object) => object.y < FOOTER_ZONE_TOP)
        .map((object) => object.text)
        .join(' ');
    });
}

/** Whether every page's footer carries `number` (L1992 art. 18 al. 4). */
export function footerOnEveryPage(pdf: Buffer, number: string): { pages: number; present: boolean } {
  const footers = footersOf(pdf);
  return {
    pages: footers.length,
    present: footers.length > 0 && footers.every((footer) => footer.includes(number)),
  };
}
