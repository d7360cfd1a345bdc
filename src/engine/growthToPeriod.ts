import { assert } from './assert.js';
import { D } from './decimal.js';
import { GROWTH_BELOW_MINUS_ONE_MESSAGE } from './messages.js';
import { GROWTH_TO_PERIOD_MESSAGE, PERIOD_INDEX_MESSAGE } from './messages.js';
import { PERIODS_PER_YEAR, type Step } from './types.js';

/**
 * How a starting amount grows up to one period, in the factors projectTvl multiplies by, so that
 * compoundToPeriod reaches the same decimal. Compute it once and apply it to many starts.
 */
export interface GrowthToPeriod {
  readonly index: number;
  /** Whole years since the first period. */
  readonly year: number;
  /** Period within that year. */
  readonly subperiod: number;
  /** 1 + g for each whole year before the period, in order. */
  readonly yearly: readonly D[];
  /**
   * Their product, when no partial product (y1, y1·y2, ...) was rounded; null otherwise. Also
   * null with no whole years.
   */
  readonly product: D | null;
  /** The most significant digits of any partial product: a start with at most precision minus this many digits compounds exactly. */
  readonly productDigits: number;
  /** (1 + g)^(subperiod / periods per year) inside the year, or null at a year end. */
  readonly partYear: D | null;
}

/** The factors from the first period to period `index` of a path with these yearly rates and this step. */
export function growthToPeriod(growthByYear: readonly D[], step: Step, index: number): GrowthToPeriod {
  const perYear = PERIODS_PER_YEAR[step];
  assert(Number.isInteger(index) && index >= 0, PERIOD_INDEX_MESSAGE);
  const year = Math.floor(index / perYear);
  const subperiod = index % perYear;
  assert(year + (subperiod > 0 ? 1 : 0) <= growthByYear.length, GROWTH_TO_PERIOD_MESSAGE);

  const yearly: D[] = [];
  let product: D | null = null;
  let productDigits = 0;
  for (let k = 0; k < year; k += 1) {
    const rate = growthByYear[k]!;
    assert(rate.gte(-1), GROWTH_BELOW_MINUS_ONE_MESSAGE);
    const factor = new D(1).plus(rate);
    yearly.push(factor);
    if (k === 0) {
      product = factor;
    } else if (product !== null && product.sd() + factor.sd() <= D.precision) {
      // At most `precision` digits: the product is exact, so no rounding happened.
      product = product.times(factor);
    } else {
      product = null;
    }
    if (product !== null) {
      productDigits = Math.max(productDigits, product.sd());
    }
  }
  const partYear = subperiod === 0 ? null : new D(1).plus(growthByYear[year]!).pow(new D(subperiod).div(perYear));
  return { index, year, subperiod, yearly, product: year === 0 ? null : product, productDigits, partYear };
}
