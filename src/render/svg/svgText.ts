import { visible } from '../../core/visibleText.js';
import { escapeXml } from './escapeXml.js';
import { px } from './svgNumber.js';

/** A generic family: no font is loaded from anywhere, and every viewer has one. */
export const FONT_FAMILY = 'sans-serif';

export type FontWeight = 'normal' | 'bold';

/**
 * A character's width at most, in ems, regular and bold, by class: the advances of DejaVu Sans,
 * the widest of the common default sans-serifs (Debian's and Ubuntu's), rounded up, kerning
 * included. Liberation Sans, Arial and Helvetica are narrower: they only leave more room.
 */
const SPACE = [0.32, 0.35] as const;
/** ! ' ( ) , - . / : ; [ \ ] | f i j l r t I J, and the · btcfi writes between parts. */
const NARROW = [0.42, 0.5] as const;
/** The digits, $, most lowercase letters, " * ? _ ` { }. */
const NORMAL = [0.64, 0.72] as const;
/** The capitals, but I J M W. */
const CAPITAL = [0.79, 0.86] as const;
/** m w M W # % & + < = > @ ^ ~, and the … of a cut text. */
const WIDE = [1, 1.11] as const;
/** Any other character: two columns of NORMAL, as wide as a Chinese character or an emoji, or a letter of another script. */
const DOUBLE = [1.28, 1.44] as const;

const ASCII_CLASS: readonly (readonly [number, number])[] = Array.from({ length: 128 }, (_, code) => {
  const character = String.fromCharCode(code);
  if (character === ' ') {
    return SPACE;
  }
  if ("!'(),-./:;[\\]|fijlrtIJ".includes(character)) {
    return NARROW;
  }
  if (/[A-Z]/.test(character) && !'MW'.includes(character)) {
    return CAPITAL;
  }
  return '#%&+<=>@^~mwMW'.includes(character) ? WIDE : NORMAL;
});

function advance(character: string): readonly [number, number] {
  const code = character.charCodeAt(0);
  if (code < 128) {
    return ASCII_CLASS[code]!;
  }
  return character === '·' ? NARROW : character === '…' ? WIDE : DOUBLE;
}

/** The width of a text as drawn (controls shown as escapes, see escapeXml), at most: what DejaVu Sans would take. */
export function textWidth(text: string, size: number, weight: FontWeight = 'normal'): number {
  const column = weight === 'bold' ? 1 : 0;
  let ems = 0;
  for (const character of visible(text)) {
    ems += advance(character)[column];
  }
  return ems * size;
}

/** Where to centre a text meant to be centred at `x` so that it stays within a chart `width` pixels wide, 4 px from its edges. */
export function centreWithin(x: number, text: string, size: number, width: number): number {
  const half = textWidth(text, size) / 2;
  return Math.max(Math.min(x, width - 4 - half), 4 + half);
}

/** The text cut to fit `width` pixels at `size`, with … where it was cut. */
export function fitText(text: string, width: number, size: number, weight: FontWeight = 'normal'): string {
  if (textWidth(text, size, weight) <= width) {
    return text;
  }
  let cut = '';
  for (const character of text) {
    if (textWidth(`${cut}${character}…`, size, weight) > width) {
      break;
    }
    cut += character;
  }
  return `${cut}…`;
}

export interface TextStyle {
  readonly size?: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly fill?: string;
  readonly weight?: 'bold';
  readonly className?: string;
}

/** A <text> element; its content escaped (text from files is data). */
export function svgText(x: number, y: number, text: string, style: TextStyle = {}): string {
  const attributes = [
    `x="${px(x)}"`,
    `y="${px(y)}"`,
    style.anchor === undefined || style.anchor === 'start' ? '' : `text-anchor="${style.anchor}"`,
    style.size === undefined ? '' : `font-size="${style.size}"`,
    style.weight === undefined ? '' : `font-weight="${style.weight}"`,
    `fill="${style.fill ?? '#222222'}"`,
    style.className === undefined ? '' : `class="${style.className}"`,
  ].filter((part) => part !== '');
  return `<text ${attributes.join(' ')}>${escapeXml(text)}</text>`;
}

/** Tick labels, legends and notes. */
export const TICK_FONT_SIZE = 11;

/** The text broken at spaces into lines that fit `width` pixels at `size`, at most `most` lines (the last cut with …). */
export function wrapText(text: string, width: number, size: number, most: number, weight: FontWeight = 'normal'): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, size, weight) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  lines.push(line);
  // A word wider than the width has a line of its own, cut to fit it.
  const kept = lines.length > most ? [...lines.slice(0, most - 1), lines.slice(most - 1).join(' ')] : lines;
  return kept.map((each) => fitText(each, width, size, weight));
}
