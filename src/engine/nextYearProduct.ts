import type { D } from './decimal.js';
import type { Fixed } from '../core/fixed.js';
import { fixedTimes } from './fixedTimes.js';
import type { Factors } from './makeFactors.js';

/**
 * The whole-year product after one more year at `rate`: product × (1 + rate), rounded to the
 * engine's 60 digits. The rule by which every path moves from one year end to the next.
 */
export function nextYearProduct(product: Fixed, rate: D, factors: Factors): Fixed {
  return fixedTimes(product, factors.yearFixed(rate));
}
