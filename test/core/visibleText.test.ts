import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTE_LIMIT, quoted, shown, UNSAFE_SOURCE, visible, visibleLines, visibleWithOffsets } from '../../src/core/visibleText.js';
import { binaryUnit } from '../fuzz/binaryUnit.js';

/** What a terminal must never receive from data: controls, format characters, line and paragraph separators, lone surrogates. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

/** Reads the escapes visible() writes back into characters: its inverse on texts without a backslash. */
function unescape(text: string): string {
  return text.replace(/\\(t|n|r|x([0-9a-f]{2})|u\{([0-9a-f]+)\}|u([0-9a-f]{4}))/g, (_, kind: string, x?: string, braced?: string, u?: string) => {
    if (kind === 't') return '\t';
    if (kind === 'n') return '\n';
    if (kind === 'r') return '\r';
    return String.fromCodePoint(parseInt(x ?? braced ?? u!, 16));
  });
}

/** Characters a hostile file would use, mixed with ordinary and wide ones. */
const hostileCharacter = fc.oneof(
  fc.constantFrom('\u001b', '\u0007', '\u0000', '\r', '\n', '\t', '\u007f', '\u009b', '\u0085', '\u202e', '\u202a', '\u2066', '\u2069', '\u200b', '\u200f', '\ufeff', '\u061c', '\u00ad', '\u2028', '\u2029', '\ud800', '\udfff', '\u{e0001}'),
  fc.constantFrom('a', 'Z', ' ', '[', ']', ';', '%', '中', 'é', '😀', '…'),
  fc.string({ unit: binaryUnit, minLength: 1, maxLength: 1 }),
);
const hostileText = fc.array(hostileCharacter, { maxLength: 60 }).map((characters) => characters.join(''));
const anyText = fc.oneof(hostileText, fc.string({ unit: binaryUnit }));

describe('visible', () => {
  it('escapes exactly the code points of the classes Cc, Cf, Zl, Zp and Cs, written out as ranges', () => {
    const ranges = new RegExp(`^${UNSAFE_SOURCE}$`, 'u');
    const differ: string[] = [];
    for (let code = 0; code <= 0x10ffff; code += 1) {
      const character = String.fromCodePoint(code);
      if (ranges.test(character) !== FORBIDDEN.test(character)) {
        differ.push(code.toString(16));
      }
    }
    expect(differ).toEqual([]);
  });

  it.each([
    ['an ESC sequence', 'T\u001b]0;PWNED\u0007\u001b[2J', 'T\\x1b]0;PWNED\\x07\\x1b[2J'],
    ['NUL, CR, DEL and a C1 control', 'a\u0000b\rc\u007fd\u009b', 'a\\x00b\\rc\\x7fd\\x9b'],
    ['a tab and a line feed', 'a\tb\nc', 'a\\tb\\nc'],
    ['bidi overrides and isolates', '\u202eabc\u2066d\u2069', '\\u202eabc\\u2066d\\u2069'],
    ['zero-width characters, the BOM and the Arabic letter mark', '\u200bx\u200d\ufeff\u061c', '\\u200bx\\u200d\\ufeff\\u061c'],
    ['a tag character beyond the BMP', 'a\u{e0041}', 'a\\u{e0041}'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
    ['the line separator', 'a\u2028b', 'a\\u2028b'],
    ['printable text, Chinese, emoji and a backslash', 'DeFi 2031 · 中文 😀 \\x1b', 'DeFi 2031 · 中文 😀 \\x1b'],
  ])('shows %s visibly', (_, text, expected) => {
    expect(visible(text)).toBe(expected);
  });

  it('keeps line feeds when asked to show a text of several lines', () => {
    expect(visibleLines('a\u001b\nb\r\n')).toBe('a\\x1b\nb\\r\n');
  });

  it('cuts a quoted value to 80 characters with …, never inside an escape', () => {
    expect(quoted('x'.repeat(10_000))).toBe(`'${'x'.repeat(QUOTE_LIMIT - 1)}…'`);
    expect(shown('x'.repeat(QUOTE_LIMIT))).toBe('x'.repeat(QUOTE_LIMIT));
    const cut = shown(`${'x'.repeat(77)}\u001b[2J`);
    expect(cut).toBe(`${'x'.repeat(77)}…`);
  });

  describe('properties', () => {
    it('never writes a control, format or separator character', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          expect(visible(text)).not.toMatch(FORBIDDEN);
          expect(shown(text)).not.toMatch(FORBIDDEN);
          expect(visibleLines(text).replace(/\n/g, '')).not.toMatch(FORBIDDEN);
        }),
        { numRuns: 2000 },
      );
    });

    it('is the identity on printable text', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const printable = text.replace(new RegExp(FORBIDDEN.source, 'gu'), '');
          expect(visible(printable)).toBe(printable);
        }),
        { numRuns: 2000 },
      );
    });

    it('tells texts apart: without a backslash, the shown text reads back to the text', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const plain = text.replace(/\\/g, '');
          expect(unescape(visible(plain))).toBe(plain);
        }),
        { numRuns: 2000 },
      );
    });

    it('changes nothing when applied twice', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          expect(visible(visible(text))).toBe(visible(text));
        }),
        { numRuns: 1000 },
      );
    });

    it('cuts a value to at most 80 characters, a prefix of its visible form', () => {
      fc.assert(
        fc.property(fc.array(hostileText, { maxLength: 5 }).map((parts) => parts.join('')), (text) => {
          const cut = shown(text);
          expect(cut.length).toBeLessThanOrEqual(QUOTE_LIMIT);
          const whole = visible(text);
          if (whole.length <= QUOTE_LIMIT) {
            expect(cut).toBe(whole);
          } else {
            expect(cut.endsWith('…')).toBe(true);
            expect(whole.startsWith(cut.slice(0, -1))).toBe(true);
          }
        }),
        { numRuns: 1000 },
      );
    });

    it('maps every place of a text to the start of its visible form', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const { text: shownText, offsets } = visibleWithOffsets(text);
          expect(shownText).toBe(visible(text));
          expect(offsets).toHaveLength(text.length + 1);
          expect(offsets.at(-1)).toBe(shownText.length);
          let index = 0;
          for (const character of text) {
            expect(shownText.slice(offsets[index]!).startsWith(visible(character))).toBe(true);
            index += character.length;
          }
        }),
        { numRuns: 1000 },
      );
    });
  });
});
