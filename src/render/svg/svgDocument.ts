import { px } from './svgNumber.js';
import { FONT_FAMILY } from './svgText.js';

/** A picture drawn at the origin: its size and its elements. */
export interface Drawing {
  readonly width: number;
  readonly height: number;
  readonly body: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function openSvg(width: number, height: number, className: string): string {
  return (
    `<svg xmlns="${SVG_NS}" version="1.1" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}"` +
    ` font-family="${FONT_FAMILY}" font-size="12" class="${className}">`
  );
}

/** One standalone <svg> element: a white background (a class for a page to restyle), then the drawing. */
export function svgElement(drawing: Drawing, className = 'btcfi-chart'): string {
  return `${openSvg(drawing.width, drawing.height, className)}\n${background(drawing.width, drawing.height)}\n${drawing.body}\n</svg>`;
}

function background(width: number, height: number): string {
  return `<rect class="background" x="0" y="0" width="${px(width)}" height="${px(height)}" fill="#ffffff"/>`;
}

/** The start of a whole SVG document of this size, up to its first drawing: the XML declaration, the root element, the background. */
export function svgDocumentHead(width: number, height: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${openSvg(width, height, 'btcfi-charts')}\n${background(width, height)}\n`;
}

const GAP = 16;

/**
 * A whole SVG document: the drawings stacked top to bottom, each in a group moved down below the
 * one before, separated by a thin rule. An XML declaration first, one newline at the end.
 */
export function svgDocument(drawings: readonly Drawing[]): string {
  const width = Math.max(0, ...drawings.map((drawing) => drawing.width));
  const parts: string[] = [];
  let y = 0;
  drawings.forEach((drawing, i) => {
    if (i > 0) {
      parts.push(`<path class="separator" d="M0 ${px(y + GAP / 2)}H${px(width)}" stroke="#cccccc" stroke-width="1"/>`);
      y += GAP;
    }
    parts.push(`<g transform="translate(0 ${px(y)})">\n${drawing.body}\n</g>`);
    y += drawing.height;
  });
  return `${svgDocumentHead(width, y)}${parts.join('\n')}\n</svg>\n`;
}
