import { amountInYear } from './amountInYear.js';
import { atYearEnd } from './atYearEnd.js';
import type { D } from './decimal.js';
import { decimalOf } from './decimalOf.js';
import { fixedOf } from './fixedOf.js';
import type { GrowthToPeriod } from './growthToPeriod.js';

/** start grown to the period of `growth`: (start × whole-year product) × part-year factor, as walkPath computes it. */
export function compoundToPeriod(start: D, growth: GrowthToPeriod): D {
  const yearEnd = atYearEnd(fixedOf(start), fixedOf(growth.product));
  return decimalOf(amountInYear(yearEnd, growth.partYear === null ? null : fixedOf(growth.partYear)));
}
