import type { D } from '../../engine/decimal.js';
import type { DecimalQuantiles } from '../../report/types.js';
import type { Series, SeriesPoint } from './collectSeries.js';
import { seriesColour } from './palette.js';
import { px } from './svgNumber.js';

/** Paths of this many points or fewer show a dot at each: few points, and lines that overlap, are still seen. */
const DOTS_UP_TO = 24;

type Place = (point: SeriesPoint) => number;

/** A small filled circle as path data, centred on a point. */
export function dot(x: number, y: number, r = 3): string {
  return `M${px(x - r)} ${px(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
}

/** A band from one percentile to another: along the upper one, back along the lower. */
function bandPath(points: readonly SeriesPoint[], x: Place, y: (value: D) => number, lower: keyof DecimalQuantiles, upper: keyof DecimalQuantiles): string {
  const forward = points.map((point, i) => `${i === 0 ? 'M' : 'L'}${px(x(point))} ${px(y(point.band![upper]))}`);
  const back = [...points].reverse().map((point) => `L${px(x(point))} ${px(y(point.band![lower]))}`);
  return `${forward.join('')}${back.join('')}Z`;
}

/**
 * A case's path as a line (its median, for a sampled case, over shaded bands from the 5th to
 * the 95th and the 25th to the 75th percentile), with a dot at each point of a short path.
 */
export function drawSeries(s: Series, k: number, x: Place, y: (value: D) => number): string {
  const colour = seriesColour(k);
  const parts: string[] = [];
  if (s.sampled && s.points.every((point) => point.band !== null)) {
    parts.push(`<path class="band band-90" d="${bandPath(s.points, x, y, 'p5', 'p95')}" fill="${colour}" fill-opacity="0.15" stroke="none"/>`);
    parts.push(`<path class="band band-50" d="${bandPath(s.points, x, y, 'p25', 'p75')}" fill="${colour}" fill-opacity="0.3" stroke="none"/>`);
  }
  const line = s.points.map((point, i) => `${i === 0 ? 'M' : 'L'}${px(x(point))} ${px(y(point.value))}`).join('');
  parts.push(`<path class="line" d="${line}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>`);
  if (s.points.length <= DOTS_UP_TO) {
    parts.push(`<path class="dots" d="${s.points.map((point) => dot(x(point), y(point.value))).join('')}" fill="${colour}" stroke="none"/>`);
  }
  return `<g class="series series-${k}">\n${parts.join('\n')}\n</g>`;
}
