import type { D } from './decimal.js';
import { rationalPower } from './rationalPower.js';
import { yearFactor } from './yearFactor.js';

/**
 * The factor of `subperiod` periods of `perYear` inside a year at `rate` a year:
 * (1 + rate)^(subperiod / perYear), the exponent kept as the exact fraction it is.
 */
export function partYearFactor(rate: D, subperiod: number, perYear: number): D {
  return rationalPower(yearFactor(rate), subperiod, perYear);
}
