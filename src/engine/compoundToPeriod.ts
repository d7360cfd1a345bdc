import { atYearEnd } from './atYearEnd.js';
import type { D } from './decimal.js';
import type { GrowthToPeriod } from './growthToPeriod.js';

/** start grown to the period of `growth`: (start × whole-year product) × part-year factor, as walkPath computes it. */
export function compoundToPeriod(start: D, growth: GrowthToPeriod): D {
  const yearEnd = atYearEnd(start, growth.product);
  return growth.partYear === null ? yearEnd : yearEnd.times(growth.partYear);
}
