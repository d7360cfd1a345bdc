import { isRelative, periodTime, type Series } from './collectSeries.js';

export interface TimeTick {
  readonly time: number;
  readonly label: string;
}

/** The x axis: the first to the last point in time, ticks at whole years (or every 2, 5, 10... years). */
export interface TimeAxis {
  readonly low: number;
  readonly high: number;
  readonly ticks: readonly TimeTick[];
}

/** 1, 2, 5, 10, 20, 50, ...: the smallest at which `span` takes at most `most` steps. */
function stepFor(span: number, most: number): number {
  for (let power = 1; ; power *= 10) {
    for (const m of [1, 2, 5]) {
      if (span / (m * power) + 1 <= Math.max(2, most)) {
        return m * power;
      }
    }
  }
}

/**
 * Ticks at the whole years that are multiples of a 1-2-5 step, labelled as the periods are
 * (`2030`, `+5`); when the periods are not years (placed by index), at every step of rows,
 * labelled with the longest path's period.
 */
export function timeAxis(series: readonly Series[], most: number): TimeAxis {
  const points = series.flatMap((s) => s.points);
  let low = Math.min(...points.map((point) => point.time));
  let high = Math.max(...points.map((point) => point.time));
  const timed = points.every((point) => periodTime(point.period) !== null);
  const longest = series.reduce((best, s) => (s.points.length > best.points.length ? s : best), series[0]!);
  if (low === high) {
    low -= 0.5;
    high += 0.5;
  }
  const step = stepFor(high - low, most);
  const ticks: TimeTick[] = [];
  for (let time = Math.ceil(low / step) * step; time <= high; time += step) {
    if (timed) {
      ticks.push({ time, label: isRelative(longest.points[0]!.period) ? `+${time}` : String(time) });
    } else if (longest.points[time] !== undefined) {
      ticks.push({ time, label: longest.points[time]!.period });
    }
  }
  return { low, high, ticks };
}
