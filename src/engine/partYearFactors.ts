import { P, type D } from './decimal.js';
import { WIDE } from './rationalPower.js';
import { shortExactPower } from './shortExactPower.js';
import { yearFactor } from './yearFactor.js';

/**
 * The part-year factors of a year at `rate` with `perYear` periods: entry j (1 to perYear - 1) is
 * (1 + rate)^(j / perYear) to P's precision, a short decimal exactly where the power is one. One
 * root, (1 + rate)^(1 / perYear), is taken 20 digits beyond P's, and its powers multiplied at that
 * width: one logarithm and one exponential a rate instead of one of each per entry. Entry 0 is 1.
 */
export function partYearFactors(rate: D, perYear: number): readonly D[] {
  const base = yearFactor(rate);
  const factors: D[] = [new P(1)];
  if (base.isZero()) {
    for (let j = 1; j < perYear; j += 1) {
      factors.push(new P(0));
    }
    return factors;
  }
  const root = new WIDE(base).ln().div(perYear).exp();
  let power = new WIDE(1);
  for (let j = 1; j < perYear; j += 1) {
    power = power.times(root);
    factors.push(shortExactPower(base, j, perYear, power) ?? new P(power).toSignificantDigits(P.precision));
  }
  return factors;
}
