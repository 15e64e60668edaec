/**
 * File names of attachments, as stored and as sent on download. The name is the uploader's: it
 * may carry directories, characters that split a header line or end a quoted string, and letters
 * that old clients mangle. RFC 6266 §4.3 and appendix D: send a plain ASCII `filename` and the
 * exact name as `filename*` (RFC 8187); clients that understand `filename*` prefer it.
 */

const MAX_NAME_LENGTH = 150;
// A longer "extension" is rather the tail of a name with a dot in it: it is cut like the rest.
const MAX_EXTENSION_LENGTH = 16;
const FALLBACK_NAME = 'document';

// Control characters, and the bidirectional marks that make "invoice\u202Efdp.exe" display as
// "invoiceexe.pdf".
const INVISIBLE = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// RFC 8187 §3.2.1 attr-char: what `filename*` may carry without percent-encoding.
const ATTR_CHAR = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

/** Cuts to the length limit in code points (never inside a surrogate pair), keeping the extension. */
function limitLength(name: string): string {
  const characters = Array.from(name);
  if (characters.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  const kept = extension.length <= MAX_EXTENSION_LENGTH + 1 ? extension.join('') : '';
  return (
    characters
      .slice(0, MAX_NAME_LENGTH - Array.from(kept).length)
      .join('')
      .trimEnd() + kept
  );
}

/**
 * The name an attachment is stored and offered under: the last path segment of what the client
 * sent, in NFC, without control characters, trimmed, at most 150 code points; "document" when
 * nothing is left.
 */
export function safeFilename(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment.normalize('NFC').replace(INVISIBLE, '').trim();
  // "." and ".." name directories, not files.
  if (cleaned === '' || /^\.+$/.test(cleaned)) return FALLBACK_NAME;
  return limitLength(cleaned);
}

function asciiFallback(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Besides non-ASCII: the quoted-string specials, path separators that NFKD may produce from
    // full-width forms, and "%", which some clients percent-decode (RFC 6266 appendix D).
    .replace(/[^\x20-\x7e]|["\\/%]/g, '_');
  // A name made only of combining marks leaves nothing.
  return ascii === '' ? FALLBACK_NAME : ascii;
}

function encodeExtValue(value: string): string {
  let encoded = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const character = String.fromCharCode(byte);
    encoded += ATTR_CHAR.test(character) ? character : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

/** `Content-Disposition` value that makes the browser download (not display) the attachment. */
export function attachmentDisposition(filename: string): string {
  const name = safeFilename(filename);
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
