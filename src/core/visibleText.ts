/**
 * Text from a scenario file, a history, a flag or a file name, made safe to show to a person:
 * every character that a terminal would act on rather than print (C0 and C1 controls, DEL),
 * every invisible format character that reorders or hides text (bidi overrides and isolates,
 * zero-width characters, the BOM, U+061C: Unicode's Cf class), the line and paragraph separators
 * and lone surrogates are written as escapes: `\t`, `\n`, `\r`, `\x1b`, `\u202e`, `\u{e0001}`.
 * Printable text, backslashes included, is left as it is; so the escaped form is printable, and
 * escaping it again changes nothing. Two texts without a backslash that differ show differently.
 *
 * btcfi's own colour codes are added around such text, never inside it: apply this where data
 * enters human text, not to a finished output.
 */
export function visible(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeCharacter) : text;
}

/**
 * Characters that are never shown as themselves: controls, format characters, separators, lone
 * surrogates, that is Unicode's classes Cc, Cf, Zl, Zp and Cs. Written out as ranges: a class
 * such as \p{Cf} makes V8 load Unicode property data at the first match, about 10 million
 * instructions (2 ms) of every table's start-up. test/core/visibleText.test.ts holds the ranges
 * to the classes over every code point.
 */
export const UNSAFE_SOURCE =
  '[\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890-\\u0891\\u08E2\\u180E\\u200B-\\u200F\\u2028-\\u202E' +
  '\\u2060-\\u2064\\u2066-\\u206F\\uD800-\\uDFFF\\uFEFF\\uFFF9-\\uFFFB\\u{110BD}\\u{110CD}\\u{13430}-\\u{1343F}\\u{1BCA0}-\\u{1BCA3}' +
  '\\u{1D173}-\\u{1D17A}\\u{E0001}\\u{E0020}-\\u{E007F}]';
const UNSAFE = new RegExp(UNSAFE_SOURCE, 'u');
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'gu');

const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The escape of one unsafe character (a code point; a lone surrogate is one UTF-16 unit). */
export function escapeCharacter(character: string): string {
  const short = SHORT[character];
  if (short !== undefined) {
    return short;
  }
  const code = character.codePointAt(0)!;
  const hex = code.toString(16);
  if (code < 0x100) {
    return `\\x${hex.padStart(2, '0')}`;
  }
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** Whether a text has a character that `visible` escapes. */
export function hasUnsafe(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * The visible form of a text and, for each UTF-16 offset of the text (and its end), the offset
 * of the same place in the visible form: so a caret under a place of the text can be put under
 * the same place of what is shown.
 */
export function visibleWithOffsets(text: string): { readonly text: string; readonly offsets: readonly number[] } {
  const offsets: number[] = [];
  let shown = '';
  for (const character of text) {
    const piece = UNSAFE.test(character) ? escapeCharacter(character) : character;
    offsets.push(shown.length);
    if (character.length === 2) {
      // The low half of a pair, shown as it is: one unit on.
      offsets.push(shown.length + 1);
    }
    shown += piece;
  }
  offsets.push(shown.length);
  return { text: shown, offsets };
}

/** How many characters of a value a message quotes before cutting it with …. */
export const QUOTE_LIMIT = 80;

/**
 * A value as a message shows it: visible, and cut to at most QUOTE_LIMIT characters with … at
 * the end (never inside an escape or a surrogate pair), so a 100 KB value gives a line, not a page.
 */
export function shown(text: string, limit = QUOTE_LIMIT): string {
  const whole = visible(text);
  if (whole.length <= limit) {
    return whole;
  }
  let cut = '';
  for (const character of text) {
    const piece = UNSAFE.test(character) ? escapeCharacter(character) : character;
    if (cut.length + piece.length > limit - 1) {
      break;
    }
    cut += piece;
  }
  return `${cut}…`;
}

/** A value quoted in a message: `'238.5X'`, visible and cut as `shown` cuts it. */
export function quoted(text: string, limit = QUOTE_LIMIT): string {
  return `'${shown(text, limit)}'`;
}

/** A text of several lines made visible line by line: its line feeds kept, every other unsafe character escaped. */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}
