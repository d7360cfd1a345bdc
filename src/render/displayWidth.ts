import { eastAsianWidth } from 'get-east-asian-width';
import { stripVTControlCharacters } from 'node:util';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Columns a text takes in a terminal: colour codes none, wide characters (Chinese, full-width
 * forms) two, others one. Enough for btcfi's own texts; string-width would also handle emoji and
 * grapheme clusters, but builds an Intl.Segmenter as it loads, which costs every run start-up.
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) {
    return text.length; // most cells: one column a character, nothing to strip
  }
  let width = 0;
  for (const character of stripVTControlCharacters(text)) {
    width += eastAsianWidth(character.codePointAt(0)!);
  }
  return width;
}
