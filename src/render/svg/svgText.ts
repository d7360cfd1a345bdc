import { displayWidth } from '../displayWidth.js';
import { escapeXml } from './escapeXml.js';
import { px } from './svgNumber.js';

/** A generic family: no font is loaded from anywhere, and every viewer has one. */
export const FONT_FAMILY = 'sans-serif';

/** A sans-serif character's width is at most about 0.56 of the font size on average (a wide character, twice that): enough to lay out labels. */
export function textWidth(text: string, size: number): number {
  return displayWidth(text) * size * 0.56;
}

/** The text cut to fit `width` pixels at `size`, with … where it was cut. */
export function fitText(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) {
    return text;
  }
  let cut = '';
  for (const character of text) {
    if (textWidth(`${cut}${character}…`, size) > width) {
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
export function wrapText(text: string, width: number, size: number, most: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  lines.push(line);
  if (lines.length > most) {
    return [...lines.slice(0, most - 1), fitText(lines.slice(most - 1).join(' '), width, size)];
  }
  return lines.map((each) => fitText(each, width, size));
}
