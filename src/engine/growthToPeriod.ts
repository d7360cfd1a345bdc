import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import { decimalOf } from './decimalOf.js';
import { fixedOf } from './fixedOf.js';
import { makeFactors, type Factors } from './makeFactors.js';
import { GROWTH_TO_PERIOD_MESSAGE, PERIOD_INDEX_MESSAGE } from './messages.js';
import { nextYearProduct } from './nextYearProduct.js';
import { PERIODS_PER_YEAR, type Step } from './types.js';

/**
 * How an amount grows from the first period to one period: the product of the whole years'
 * factors, then the part-year factor. compoundToPeriod applies it to a start; walkPath takes the
 * same products one year at a time, so both reach the same decimals.
 */
export interface GrowthToPeriod {
  readonly index: number;
  /** Whole years since the first period. */
  readonly year: number;
  /** Period within that year. */
  readonly subperiod: number;
  /** (1 + g1)(1 + g2)…(1 + g_year), multiplied in that order from 1 at the engine's precision; 1 with no whole year. */
  readonly product: D;
  /** (1 + g)^(subperiod / periods per year) inside the year, or null at a year end. */
  readonly partYear: D | null;
}

const ONE = fixedOf(new P(1));

/** The factors from the first period to period `index` of a path with these yearly rates and this step. */
export function growthToPeriod(growthByYear: readonly D[], step: Step, index: number, factors: Factors = makeFactors()): GrowthToPeriod {
  const perYear = PERIODS_PER_YEAR[step];
  assert(Number.isInteger(index) && index >= 0, PERIOD_INDEX_MESSAGE);
  const year = Math.floor(index / perYear);
  const subperiod = index % perYear;
  assert(year + (subperiod > 0 ? 1 : 0) <= growthByYear.length, GROWTH_TO_PERIOD_MESSAGE);
  let product = ONE;
  for (let k = 0; k < year; k += 1) {
    product = nextYearProduct(product, growthByYear[k]!, factors);
  }
  const partYear = subperiod === 0 ? null : factors.partYear(growthByYear[year]!, subperiod, perYear);
  return { index, year, subperiod, product: decimalOf(product), partYear };
}
