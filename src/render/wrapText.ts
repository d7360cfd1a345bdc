import { displayWidth } from './displayWidth.js';

/**
 * The lines of a text at most `width` columns wide (display columns: colour codes take none),
 * broken at spaces and never inside a word: a word wider than the width has a line of its own.
 * Every line after the first starts with `indent` (unless its word fits only without it). A null width keeps the text on one line.
 */
export function wrapText(text: string, width: number | null | undefined, indent = ''): string[] {
  if (width == null || displayWidth(text) <= width) {
    return [text];
  }
  const indentWidth = displayWidth(indent);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let first = true;
  for (const word of text.split(' ')) {
    const wordWidth = displayWidth(word);
    if (first) {
      line = word;
      lineWidth = wordWidth;
      first = false;
    } else if (lineWidth + 1 + wordWidth <= width || line === indent) {
      line += ` ${word}`;
      lineWidth += 1 + wordWidth;
    } else {
      // A word that fits the width only without the indent starts its line at the margin.
      const lead = indentWidth + wordWidth <= width ? indent : '';
      lines.push(line);
      line = lead + word;
      lineWidth = displayWidth(lead) + wordWidth;
    }
  }
  lines.push(line);
  return lines;
}
