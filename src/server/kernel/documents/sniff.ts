/**
 * The type of an attachment, decided by its bytes. The file name and the declared Content-Type
 * come from the uploader's machine and prove nothing; a file is stored only when its content is
 * one of the few types a browser shows without running code (SPEC SEC-03, malware protection).
 * Anything else — Office/ZIP containers, executables, HTML, SVG, XML — is refused.
 */
import { isUtf8 } from 'node:buffer';

export const ALLOWED_MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;

export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

/** The extension (without dot) a download gets when its stored name has none that fits its type. */
export const MEDIA_TYPE_EXTENSIONS: Readonly<Record<AllowedMediaType, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'text/plain': 'txt',
};

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
// SOI followed by the first byte of the next marker.
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function startsWith(bytes: Buffer, signature: Buffer): boolean {
  return bytes.length >= signature.length && bytes.subarray(0, signature.length).equals(signature);
}

// In UTF-8 the bytes 0x00–0x1F only ever stand for the C0 controls themselves, so checking
// bytes is exact. A NUL means binary (or UTF-16); other controls mean binary or terminal tricks.
function hasForbiddenControl(bytes: Buffer): boolean {
  return bytes.some((byte) => byte < 0x20 && byte !== TAB && byte !== LF && byte !== CR);
}

function isPlainText(bytes: Buffer): boolean {
  if (!isUtf8(bytes) || hasForbiddenControl(bytes)) return false;
  // A browser may sniff text beginning with "<" as HTML, SVG or XML and render it; trimStart
  // also drops the byte order mark.
  return !bytes.toString('utf8').trimStart().startsWith('<');
}

export function sniffMediaType(bytes: Buffer): AllowedMediaType | undefined {
  // An empty upload has no content to decide its type by.
  if (bytes.length === 0) return undefined;
  if (startsWith(bytes, PDF_SIGNATURE)) return 'application/pdf';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  if (isPlainText(bytes)) return 'text/plain';
  return undefined;
}
