import { assert } from './assert.js';
import { D } from './decimal.js';
import { LN_ONE_PLUS_DOMAIN_MESSAGE, LN_RATIO_POSITIVE_MESSAGE, NEGATIVE_SOLVE_AMOUNT_MESSAGE, NEGATIVE_SPAN_MESSAGE } from './messages.js';

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
    return { value: new D(-1), reason: null };
  }
  if (years.eq(1)) {
    // One year is the plain change, with a single rounding.
    return { value: to.minus(from).div(from), reason: null };
  }
  const growth = expMinusOne(lnRatio(to, from).div(years));
  return { value: shortRoot(from, to, years, growth) ?? growth, reason: null };
}

const PRECISION = D.precision;

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
  // A factor of d significant digits has an nth power of at most d x n digits, exact within 40.
  const digits = new D(PRECISION).div(years).floor();
  if (digits.lt(1)) {
    return null;
  }
  const factor = new D(1).plus(growth).toSignificantDigits(digits.toNumber());
  if (factor.isZero() || new D(factor.sd()).times(years).gt(PRECISION)) {
    return null;
  }
  return from.times(factor.pow(years)).eq(to) ? factor.minus(1) : null;
}

/** Below this size, ln(1 + x) and e^x - 1 are summed as series: forming 1 + x would throw digits of x away. */
const SERIES_BELOW = new D('0.1');

/** ln(to / from) for positive amounts, to full precision even when to and from are close. */
export function lnRatio(to: D, from: D): D {
  assert(to.gt(0) && from.gt(0), LN_RATIO_POSITIVE_MESSAGE);
  const change = to.minus(from).div(from);
  return change.abs().lt(SERIES_BELOW) ? lnOnePlus(change) : to.div(from).ln();
}

/** ln(1 + x) for x above -1, to full precision near x = 0 (a log1p). */
export function lnOnePlus(x: D): D {
  assert(x.gt(-1), LN_ONE_PLUS_DOMAIN_MESSAGE);
  if (x.abs().gte(SERIES_BELOW)) {
    return new D(1).plus(x).ln();
  }
  // ln(1 + x) = 2 atanh(z) = 2 (z + z^3/3 + z^5/5 + ...) with z = x / (2 + x). Here |z| < 0.053,
  // so each term is at least 350 times smaller than the one before; stop when one no longer counts.
  const z = x.div(new D(2).plus(x));
  const zSquared = z.times(z);
  let power = z;
  let sum = z;
  for (let k = 3; ; k += 2) {
    power = power.times(zSquared);
    const next = sum.plus(power.div(k));
    if (next.eq(sum)) {
      return sum.times(2);
    }
    sum = next;
  }
}

/** e^x - 1, to full precision near x = 0 (an expm1). */
export function expMinusOne(x: D): D {
  if (x.abs().gte(SERIES_BELOW)) {
    return x.exp().minus(1);
  }
  // x + x^2/2! + x^3/3! + ...; with |x| < 0.1 each term is at least 20 times smaller than the one before.
  let term = new D(x);
  let sum = new D(x);
  for (let k = 2; ; k += 1) {
    term = term.times(x).div(k);
    const next = sum.plus(term);
    if (next.eq(sum)) {
      return sum;
    }
    sum = next;
  }
}
