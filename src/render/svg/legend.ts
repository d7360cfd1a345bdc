import type { Series } from './collectSeries.js';
import type { Block } from './frame.js';
import { seriesColour } from './palette.js';
import { px } from './svgNumber.js';
import { fitText, svgText, textWidth, TICK_FONT_SIZE } from './svgText.js';

const SWATCH = 18;
const ROW = 18;
const GAP = 18;

/** A key to the lines: a swatch of each case's colour and its name, in rows that fit the width. */
export function legendBlock(series: readonly Series[], left: number, width: number): Block {
  const entries = series.map((s, k) => {
    const name = fitText(s.name ?? (s.sampled ? 'TVL (median)' : 'TVL'), width - SWATCH - 6, TICK_FONT_SIZE);
    return { k, name, width: SWATCH + 6 + textWidth(name, TICK_FONT_SIZE) };
  });
  const rows: (typeof entries)[] = [[]];
  let used = 0;
  for (const entry of entries) {
    if (used > 0 && used + GAP + entry.width > width) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push(entry);
    used += (used > 0 ? GAP : 0) + entry.width;
  }
  return {
    height: rows.length * ROW + 6,
    draw: (top) => {
      const parts: string[] = [];
      rows.forEach((row, r) => {
        let x = left;
        const y = top + r * ROW + 12;
        for (const entry of row) {
          const colour = seriesColour(entry.k);
          if (series[entry.k]!.sampled) {
            parts.push(`<path class="legend-band series-${entry.k}" d="M${px(x)} ${px(y - 10)}h${SWATCH}v12h-${SWATCH}Z" fill="${colour}" fill-opacity="0.3" stroke="none"/>`);
          }
          parts.push(`<path class="legend-swatch series-${entry.k}" d="M${px(x)} ${px(y - 4)}h${SWATCH}" stroke="${colour}" stroke-width="3" fill="none"/>`);
          parts.push(svgText(x + SWATCH + 6, y, entry.name, { size: TICK_FONT_SIZE, className: 'legend' }));
          x += entry.width + GAP;
        }
      });
      return `<g class="legend">\n${parts.join('\n')}\n</g>`;
    },
  };
}
