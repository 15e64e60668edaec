import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toWinAnsi } from './win-ansi.js';

const LATIN_1 = Array.from({ length: 0x100 - 0xa0 }, (_, index) => String.fromCharCode(0xa0 + index)).join(
  '',
);
const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)).join('');
const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

describe('toWinAnsi', () => {
  it('keeps every character of WinAnsiEncoding and line breaks', () => {
    const all = `${ASCII}\n${LATIN_1}\n${WIN_ANSI_EXTRAS}`;
    expect(toWinAnsi(all)).toBe(all);
  });

  it('replaces each character outside it with one "?", also those beyond the BMP', () => {
    expect(toWinAnsi('Ω≠😀\u0080\u0000')).toBe('?????');
  });

  it('composes combining marks and turns tabs and CR LF into a space and a line break', () => {
    expect(toWinAnsi('Zoe\u0308\tA\r\nB\rC')).toBe('Zo\u00eb A\nB\nC');
  });

  it('never returns a character that a standard font cannot show', () => {
    const printable = new Set(`${ASCII}${LATIN_1}${WIN_ANSI_EXTRAS}\n?`);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        for (const character of toWinAnsi(text)) expect(printable.has(character)).toBe(true);
      }),
    );
  });
});
