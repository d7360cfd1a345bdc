import { visibleWithOffsets } from '../core/visibleText.js';
import { displayWidth } from '../render/displayWidth.js';

/** A line of source as an error shows it, and where its caret goes, in terminal columns. */
export interface LineExcerpt {
  /** The line, or a window of it with … where it was cut. */
  readonly text: string;
  /** Columns of text before the caret. */
  readonly pad: number;
  /** Columns to underline: at least 1. */
  readonly carets: number;
}

/** Lines up to this many columns are shown whole; longer ones as a window of this many around the place. */
export const EXCERPT_COLUMNS = 100;
/** Columns of a window kept before the place, so that what leads up to it is seen. */
const CONTEXT_BEFORE = 40;
const CUT = '…';

/**
 * The line of an issue, fitted for a terminal: a line of a minified 1 MiB JSON file is shown as
 * a window of EXCERPT_COLUMNS around the place, with … where it was cut, not as a megabyte.
 * `start` and `end` are UTF-16 offsets into the line (the span's column - 1, plus its length).
 * Widths are counted as the terminal shows them (a Chinese character takes two columns), so the
 * caret stays under its character. The line is shown in its visible form (a tab as \t, ESC as
 * \x1b, a bidi override as \u202e), never as the characters that would move the terminal's
 * cursor or reorder the line; the caret goes under the visible form of the place.
 */
export function excerptLine(line: string, start: number, end: number, columns = EXCERPT_COLUMNS): LineExcerpt {
  const { text, offsets } = visibleWithOffsets(line);
  const from = offsets[Math.max(0, Math.min(start, line.length))]!;
  const to = Math.max(from, offsets[Math.max(0, Math.min(end, line.length))]!);
  if (text.length <= columns / 2 || displayWidth(text) <= columns) {
    return { text, pad: displayWidth(text.slice(0, from)), carets: Math.max(1, displayWidth(text.slice(from, to))) };
  }

  // Some context before the place, then as much after it as fits (leaving a column for each …);
  // a place near the end of the line gives the columns it does not use to the context before.
  let left = from;
  let used = 0;
  const widen = (budget: number): void => {
    while (left > 0) {
      const before = previousCharacter(text, left);
      const width = displayWidth(before);
      if (used + width > budget) {
        break;
      }
      left -= before.length;
      used += width;
    }
  };
  widen(CONTEXT_BEFORE);
  let right = from;
  let after = 0;
  const room = (): number => columns - used - (left > 0 ? 1 : 0) - 1;
  while (right < text.length) {
    const next = String.fromCodePoint(text.codePointAt(right)!);
    const width = displayWidth(next);
    if (after + width > room()) {
      break;
    }
    right += next.length;
    after += width;
  }
  if (right === text.length) {
    // No … at the end: its column and every one unused go to the context before.
    widen(columns - after - 1);
  }
  const head = left > 0 ? CUT : '';
  const tail = right < text.length ? CUT : '';
  return {
    text: `${head}${text.slice(left, right)}${tail}`,
    pad: head.length + displayWidth(text.slice(left, from)),
    carets: Math.max(1, displayWidth(text.slice(from, Math.min(to, right)))),
  };
}

/** The character (code point) that ends just before `index`. */
function previousCharacter(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(pair ? index - 2 : index - 1, index);
}
