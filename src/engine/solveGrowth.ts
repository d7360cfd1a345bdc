import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import { expMinusOne } from './expMinusOne.js';
import { lnRatio } from './lnRatio.js';
import { NEGATIVE_SOLVE_AMOUNT_MESSAGE, NEGATIVE_SPAN_MESSAGE } from './messages.js';

/**
 * Why no growth rate answers:
 * - `zero-start`: from zero, every rate stays at zero, so none reaches another amount (and every one "reaches" zero);
 * - `zero-years`: over no time nothing grows, so every rate or none leaves the amount where it is.
 */
export type GrowthNoAnswer = 'zero-start' | 'zero-years';

export type SolveGrowthResult = { readonly value: D; readonly reason: null } | { readonly value: null; readonly reason: GrowthNoAnswer };

export interface SolveGrowthInput {
  readonly from: D;
  readonly to: D;
  /** 0 or more; may be fractional. */
  readonly years: D;
}

/**
 * The growth per year (a CAGR, as a fraction) that takes `from` to `to` in `years`:
 * to = from x (1 + growth)^years, so growth = (to / from)^(1 / years) - 1.
 *
 * Computed as expm1(ln(to / from) / years), with series near zero, so a rate close to 0%
 * keeps its significant digits instead of losing them to the subtraction of 1.
 */
export function solveGrowth({ from, to, years }: SolveGrowthInput): SolveGrowthResult {
  assert(from.gte(0) && to.gte(0), NEGATIVE_SOLVE_AMOUNT_MESSAGE);
  assert(years.gte(0), NEGATIVE_SPAN_MESSAGE);
  if (from.isZero()) {
    return { value: null, reason: 'zero-start' };
  }
  if (years.isZero()) {
    return { value: null, reason: 'zero-years' };
  }
  if (to.isZero()) {
    // Only a fall of everything ends at zero (and does so within any span).
    return { value: new P(-1), reason: null };
  }
  if (years.eq(1)) {
    // One year is the plain change, with a single rounding.
    return { value: new P(to).minus(from).div(from), reason: null };
  }
  const growth = expMinusOne(lnRatio(to, from).div(years));
  return { value: shortRoot(from, to, years, growth) ?? growth, reason: null };
}

const PRECISION = P.precision;

/**
 * Over a whole number of years n, the growth whose factor 1 + growth is a decimal short enough
 * for its nth power to be exact, when that power turns `from` into `to` exactly: 100 to 121 over
 * 2 years is 10% and not 9.99…%, and 238.5B to 769.526806517121024B over 5 years is 26.4%.
 * Otherwise null, and the computed growth stands.
 */
function shortRoot(from: D, to: D, years: D, growth: D): D | null {
  if (!years.isInteger()) {
    return null;
  }
  // A factor of d significant digits has an nth power of at most d x n digits, exact within the precision.
  const digits = new P(PRECISION).div(years).floor();
  if (digits.lt(1)) {
    return null;
  }
  const factor = new P(1).plus(growth).toSignificantDigits(digits.toNumber());
  if (factor.isZero() || new P(factor.sd()).times(years).gt(PRECISION)) {
    return null;
  }
  return new P(from).times(factor.pow(years)).eq(to) ? factor.minus(1) : null;
}
