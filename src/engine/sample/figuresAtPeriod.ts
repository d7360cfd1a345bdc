import type { PeriodStep } from '../pathSchedule.js';
import type { PathFigures } from './startPaths.js';

/**
 * Fills the figures of every path at one period, in float64, as walkPath does in decimals: the
 * level (last year end) times the part-year growth factor inside a year, times the utilization
 * along its ramp for a market cap; and marks the paths that reach the target. The growth is the
 * year's, one number or one per path. Returns how many paths have reached the target by now.
 */
export function figuresAtPeriod(paths: PathFigures, period: PeriodStep, growth: Float64Array | number): number {
  const { level, tvl, marketCap, utilization, from, to, fromPoint, toPoint, targetValue, reached, rising } = paths;
  const { index, subperiod, partYear, rampShare } = period;
  const n = level.length;
  const fraction = partYear === null ? 0 : partYear[0] / partYear[1];
  const along = rampShare[0] / rampShare[1];
  let reachedCount = 0;
  for (let i = 0; i < n; i += 1) {
    let amount = level[i]!;
    if (subperiod > 0) {
      amount *= Math.pow(1 + (typeof growth === 'number' ? growth : growth[i]!), fraction);
    }
    let value = amount;
    if (marketCap !== null) {
      const u0 = from === null ? fromPoint : from[i]!;
      const u1 = to === null ? toPoint : to[i]!;
      const u = u0 + (u1 - u0) * along;
      marketCap[i] = amount;
      if (utilization !== null) {
        utilization[i] = u;
      }
      value = amount * u;
    }
    tvl[i] = value;
    if (reached !== null) {
      if (index === 0) {
        rising![i] = targetValue! >= value ? 1 : 0;
      }
      if (reached[i] === 0 && (rising![i] === 1 ? value >= targetValue! : value <= targetValue!)) {
        reached[i] = 1;
      }
      reachedCount += reached[i]!;
    }
  }
  return reachedCount;
}
