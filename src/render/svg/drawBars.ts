import type { D } from '../../engine/decimal.js';
import type { Series } from './collectSeries.js';
import type { Frame } from './frame.js';
import { AXIS_COLOUR, MUTED_TEXT, seriesColour } from './palette.js';
import { dot } from './drawSeries.js';
import { px } from './svgNumber.js';
import { centreWithin, fitText, svgText, TICK_FONT_SIZE } from './svgText.js';

const MAX_BAR = 64;

/**
 * Paths of a single period as bars side by side, one per case, each named under it and its
 * figure over it; a sampled case's bar is its median, with a whisker from the 5th to the 95th
 * percentile and a box from the 25th to the 75th. With no `base` (a log scale), a dot on a stem
 * instead of a bar. The figures stay within the chart, `width` pixels wide.
 */
export function drawBars(series: readonly Series[], frame: Frame, y: (value: D) => number, base: number | null, label: { amount: (value: D) => string; width: number }): string {
  const slot = frame.width / series.length;
  const barWidth = Math.min(MAX_BAR, slot * 0.6);
  const bottom = frame.top + frame.height;
  const parts = [`<path class="axis" d="M${px(frame.left)} ${px(bottom)}H${px(frame.left + frame.width)}" stroke="${AXIS_COLOUR}" stroke-width="1" fill="none"/>`];
  series.forEach((s, k) => {
    const point = s.points[0]!;
    const centre = frame.left + slot * (k + 0.5);
    const top = y(point.value);
    const colour = seriesColour(k);
    parts.push(`<g class="series series-${k}">`);
    if (base === null) {
      // On a log scale a bar's length means nothing: a dot at the figure, on a thin stem.
      parts.push(`<path class="stem" d="M${px(centre)} ${px(bottom)}V${px(top)}" stroke="${colour}" stroke-width="1.5" fill="none"/>`);
      parts.push(`<path class="dots" d="${dot(centre, top, 5)}" fill="${colour}" stroke="none"/>`);
    } else {
      const bar = `M${px(centre - barWidth / 2)} ${px(base)}V${px(top)}H${px(centre + barWidth / 2)}V${px(base)}Z`;
      parts.push(`<path class="bar" d="${bar}" fill="${colour}" fill-opacity="${point.band === null ? '0.85' : '0.45'}" stroke="${colour}" stroke-width="1"/>`);
    }
    let labelAt = top;
    if (point.band !== null) {
      const { p5, p25, p75, p95 } = point.band;
      const half = barWidth / 4;
      const whisker =
        `M${px(centre)} ${px(y(p5))}V${px(y(p95))}M${px(centre - half)} ${px(y(p5))}h${px(2 * half)}M${px(centre - half)} ${px(y(p95))}h${px(2 * half)}` +
        `M${px(centre - half)} ${px(y(p25))}H${px(centre + half)}V${px(y(p75))}H${px(centre - half)}Z`;
      parts.push(`<path class="whisker" d="${whisker}" fill="none" stroke="#222222" stroke-width="1.5"/>`);
      labelAt = Math.min(top, y(p95));
    }
    const figure = label.amount(point.value);
    parts.push(svgText(centreWithin(centre, figure, TICK_FONT_SIZE, label.width), labelAt - 6, figure, { size: TICK_FONT_SIZE, anchor: 'middle', fill: '#222222', className: 'value' }));
    parts.push(svgText(centre, bottom + 17, fitText(s.name ?? 'TVL', slot - 4, TICK_FONT_SIZE), { size: TICK_FONT_SIZE, anchor: 'middle', fill: MUTED_TEXT, className: 'case' }));
    parts.push('</g>');
  });
  return parts.join('\n');
}
