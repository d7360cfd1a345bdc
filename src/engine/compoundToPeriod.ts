import { D } from './decimal.js';
import type { GrowthToPeriod } from './growthToPeriod.js';

/**
 * start grown to the period of `growth`, the same decimal projectTvl reaches: year by year,
 * rounding to the precision after each year, then the part-year factor.
 *
 * When no partial product would round (start's digits plus the product's fit the precision),
 * one multiplication by the whole-year product gives the same exact value as the year-by-year
 * loop; otherwise the loop runs.
 */
export function compoundToPeriod(start: D, growth: GrowthToPeriod): D {
  let atYearStart = start;
  if (growth.yearly.length > 0) {
    if (growth.product !== null && start.sd() + growth.productDigits <= D.precision) {
      atYearStart = start.times(growth.product);
    } else {
      for (const factor of growth.yearly) {
        atYearStart = atYearStart.times(factor);
      }
    }
  }
  return growth.partYear === null ? atYearStart : atYearStart.times(growth.partYear);
}
