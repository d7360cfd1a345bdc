import { P, type D } from './decimal.js';
import type { UtilizationRamp } from './types.js';

/**
 * The utilization of a ramp at period `index` of `periods`: linear from the first period to the
 * last, (from × periods + (to - from) × index) / periods, with one rounding (the division) at
 * the engine's precision. The ends are the ramp's own figures; every period lies between them.
 */
export function utilizationAtPeriod(ramp: UtilizationRamp, index: number, periods: number): D {
  const { from, to } = ramp;
  if (periods === 0 || from.eq(to) || index === 0) {
    return new P(from);
  }
  if (index === periods) {
    return new P(to);
  }
  return new P(from).times(periods).plus(new P(to).minus(from).times(index)).div(periods);
}
