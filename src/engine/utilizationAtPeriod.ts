import { D } from './decimal.js';
import type { UtilizationRamp } from './types.js';

/**
 * The utilization of a ramp at period `index` of `periods`: linear from the first period to the
 * last. The ends are the ramp's own figures, and every period lies between them: at 40 digits,
 * from + (to - from) x index / periods can round past an end (to 0% less 1e-40, a negative TVL).
 */
export function utilizationAtPeriod(ramp: UtilizationRamp, index: number, periods: number): D {
  const { from, to } = ramp;
  if (periods === 0 || from.eq(to) || index === 0) {
    return from;
  }
  if (index === periods) {
    return to;
  }
  const value = from.plus(to.minus(from).times(index).div(periods));
  return D.max(D.min(from, to), D.min(D.max(from, to), value));
}
