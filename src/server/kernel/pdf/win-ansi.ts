/**
 * Text for pdfkit's standard fonts, which are written in WinAnsiEncoding (Windows-1252): one
 * byte per character. pdfkit writes each UTF-16 code unit of the text as hex without checking
 * it fits in a byte, so a character outside the encoding ("Ω", an emoji) does not throw: it
 * becomes three or four hex digits and garbles every character after it on the line. Such
 * characters are replaced with a visible "?" instead, so that a reader of a register extract
 * or an access-request answer sees that something could not be printed rather than reading
 * wrong text. Latin-1 covers French, Dutch and German (é, è, ç, ë, ö, ü, ß).
 */

/** The characters that WinAnsi puts in 0x80–0x9F, where Latin-1 has control codes. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function isWinAnsi(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(character);
}

/**
 * `text` in the characters that a standard font can show. Line breaks are kept (pdfkit breaks
 * the line there) and tabs become spaces; other control codes count as unprintable. Text is
 * composed first (NFC), so an "é" typed as "e" + combining accent stays one printable letter.
 */
export function toWinAnsi(text: string): string {
  let result = '';
  for (const character of text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    result += character === '\n' || isWinAnsi(character) ? character : '?';
  }
  return result;
}
