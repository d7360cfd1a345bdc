import type { D } from './decimal.js';
import type { Factors } from './makeFactors.js';

/**
 * The whole-year product after one more year at `rate`: product × (1 + rate), at the engine's
 * precision. The rule by which every path moves from one year end to the next.
 */
export function nextYearProduct(product: D, rate: D, factors: Factors): D {
  return product.times(factors.year(rate));
}
