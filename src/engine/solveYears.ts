import { assert } from './assert.js';
import { compound } from './compound.js';
import { P, type D } from './decimal.js';
import { GROWTH_BELOW_MINUS_ONE_MESSAGE, NEGATIVE_SOLVE_AMOUNT_MESSAGE } from './messages.js';
import { lnOnePlus } from './lnOnePlus.js';
import { lnRatio } from './lnRatio.js';

/**
 * Why no span of years answers:
 * - `zero-start`: zero stays zero at any rate;
 * - `zero-target`: a fall above -100% shrinks an amount towards zero but never gets there;
 * - `wiped-out`: at -100% everything is gone at once, so no time reaches a target between zero and the start
 *   (and there is no first moment of being at zero);
 * - `flat`: at 0% the amount never changes;
 * - `moves-away`: the path heads the other way (a higher target with a falling amount, or a lower one with a rising amount).
 */
export type YearsNoAnswer = 'zero-start' | 'zero-target' | 'wiped-out' | 'flat' | 'moves-away';

export type SolveYearsResult =
  | { readonly value: D; readonly wholeYears: D; readonly reason: null }
  | { readonly value: null; readonly wholeYears: null; readonly reason: YearsNoAnswer };

export interface SolveYearsInput {
  readonly from: D;
  readonly to: D;
  /** A fraction, at least -1. */
  readonly growth: D;
}

/**
 * The years it takes `from` to reach `to` at `growth` a year, as a spreadsheet's PDURATION:
 * years = ln(to / from) / ln(1 + growth) when that is 0 or more; a fall to a lower target
 * counts. `wholeYears` is the first whole number of years at which the path has reached the
 * target (at or above a higher one, at or below a lower one).
 */
export function solveYears({ from, to, growth }: SolveYearsInput): SolveYearsResult {
  assert(from.gte(0) && to.gte(0), NEGATIVE_SOLVE_AMOUNT_MESSAGE);
  assert(growth.gte(-1), GROWTH_BELOW_MINUS_ONE_MESSAGE);
  if (to.eq(from)) {
    return { value: new P(0), wholeYears: new P(0), reason: null };
  }
  const noAnswer = (reason: YearsNoAnswer): SolveYearsResult => ({ value: null, wholeYears: null, reason });
  if (from.isZero()) {
    return noAnswer('zero-start');
  }
  if (growth.eq(-1)) {
    return noAnswer('wiped-out');
  }
  if (growth.isZero()) {
    return noAnswer('flat');
  }
  if (to.isZero()) {
    return noAnswer(growth.lt(0) ? 'zero-target' : 'moves-away');
  }
  const years = lnRatio(to, from).div(lnOnePlus(growth));
  if (years.lt(0)) {
    return noAnswer('moves-away');
  }
  const wholeYears = firstWholeYear(from, to, growth, years);
  // A target that a whole year hits exactly is reached in exactly that many years (238.5B at 26.4% is 769.526806517121024B after 5).
  const exact = valueAfter(from, growth, wholeYears).eq(to);
  return { value: exact ? wholeYears : years, wholeYears, reason: null };
}

/** Up to this many years, whole-year values are compounded year by year, as `btcfi project` does. */
const STEPWISE_UP_TO = 1000;

/** from x (1 + growth)^k for a whole k: as compound() (and so the projected path) computes it, or through pow beyond 1000 years. */
function valueAfter(from: D, growth: D, k: D): D {
  return k.lte(STEPWISE_UP_TO) ? compound(from, growth, k) : new P(from).times(new P(1).plus(growth).pow(k));
}

/**
 * The smallest whole k with from x (1 + growth)^k at or past `to`. The ceiling of `years`, checked
 * against the whole-year values (exact wherever they fit 40 digits, and the same as a projected
 * path's), so that a span that came out a hair above or below a whole number lands on the right year.
 */
function firstWholeYear(from: D, to: D, growth: D, years: D): D {
  const rising = to.gt(from);
  const reached = (k: D): boolean => {
    const value = valueAfter(from, growth, k);
    return rising ? value.gte(to) : value.lte(to);
  };
  const whole = years.ceil();
  if (whole.gt(0) && reached(whole.minus(1))) {
    return whole.minus(1);
  }
  return reached(whole) ? whole : whole.plus(1);
}
