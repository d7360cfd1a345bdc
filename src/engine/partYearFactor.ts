import type { D } from './decimal.js';
import { partYearFactors } from './partYearFactors.js';

/**
 * The factor of `subperiod` periods of `perYear` inside a year at `rate` a year:
 * (1 + rate)^(subperiod / perYear). Computed with the year's other part-year factors (see
 * partYearFactors), which makeFactors keeps once per rate and step.
 */
export function partYearFactor(rate: D, subperiod: number, perYear: number): D {
  return partYearFactors(rate, perYear)[subperiod]!;
}
