import type { D } from './decimal.js';
import type { UtilizationRamp } from './types.js';

/** The utilization of a ramp at period `index` of `periods`: linear from the first period to the last, as projectTvl computes it. */
export function utilizationAtPeriod(ramp: UtilizationRamp, index: number, periods: number): D {
  const { from, to } = ramp;
  if (periods === 0 || from.eq(to)) {
    return from;
  }
  return from.plus(to.minus(from).times(index).div(periods));
}
