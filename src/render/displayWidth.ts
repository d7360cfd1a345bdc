import { eastAsianWidth } from 'get-east-asian-width';
import { stripVTControlCharacters } from 'node:util';

/**
 * Columns a text takes in a terminal: colour codes none, wide characters (Chinese, full-width
 * forms) two, others one. Enough for btcfi's own texts; string-width would also handle emoji and
 * grapheme clusters, but builds an Intl.Segmenter as it loads, which costs every run start-up.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const character of stripVTControlCharacters(text)) {
    width += eastAsianWidth(character.codePointAt(0)!);
  }
  return width;
}
