import { amountInYear } from './amountInYear.js';
import { atYearEnd } from './atYearEnd.js';
import type { Fixed } from '../core/fixed.js';
import { FIXED_ONE, fixedOf } from './fixedOf.js';
import type { Factors } from './makeFactors.js';
import { nextYearProduct } from './nextYearProduct.js';
import type { Track } from './types.js';

/**
 * A figure along a path by the path's step (the path's own amount, or a price beside it): a year
 * end is start × (1 + g1)…(1 + g_k), a period inside year k that year end × (1 + g)^(j / periods
 * per year). With `end`, the last year end is that figure itself (a growth solved to reach it).
 * Asked for the periods in order, as walkPath walks them; each year's product is made once, and
 * while the path keeps to its first rate, taken from the products every path at that rate shares.
 */
export function trackStep(track: Track, perYear: number, factors: Factors, end: Fixed | null = null): (year: number, subperiod: number) => Fixed {
  const start = fixedOf(track.start);
  const rates = track.growthByYear;
  const first = rates.length === 0 ? null : rates[0]!;
  let shared = first === null ? null : factors.yearProducts(first);
  let product = FIXED_ONE;
  let yearEnd = atYearEnd(start, product);
  let reached = 0;
  let partYear: readonly Fixed[] | null = null;
  return (year, subperiod) => {
    while (reached < year) {
      const rate = rates[reached]!;
      if (shared !== null && (rate === first || rate.eq(first!))) {
        product = shared(reached + 1);
      } else {
        // A rate of its own from here on: the path's own products.
        shared = null;
        product = nextYearProduct(product, rate, factors);
      }
      reached += 1;
      yearEnd = end !== null && reached === track.growthByYear.length ? end : atYearEnd(start, product);
      partYear = null;
    }
    if (subperiod === 0) {
      return yearEnd;
    }
    partYear ??= factors.partYearFixed(track.growthByYear[year]!, perYear);
    return amountInYear(yearEnd, partYear[subperiod]!);
  };
}
