import { assertTvlInput } from './assertTvlInput.js';
import { atYearEnd } from './atYearEnd.js';
import { P, type D } from './decimal.js';
import { nextYearProduct } from './nextYearProduct.js';
import type { Factors } from './makeFactors.js';
import { PERIODS_PER_YEAR, type TvlInput, type TvlPoint } from './types.js';
import { utilizationAtPeriod } from './utilizationAtPeriod.js';

/**
 * The path of a TVL (or of a market cap and the TVL locked in it), one point per period, the
 * first included, computed as it is read: the one per-period step of btcfi.
 *
 * A year end is start × (1 + g1)…(1 + g_k); a period inside year k is that year end times
 * (1 + g)^(j / periods per year), so quarterly and monthly paths meet the yearly one at every year
 * end. Everything is computed at the engine's precision (60 digits) and rounded only when printed.
 * The change of a period is its growth factor less 1 (exact for a yearly step), times the move of
 * a utilization ramp where there is one.
 */
export function* walkPath(input: TvlInput, factors: Factors): Generator<TvlPoint, void, undefined> {
  assertTvlInput(input);
  const { years, step, base, growthByYear } = input;
  const perYear = PERIODS_PER_YEAR[step];
  const periods = years * perYear;
  const start = base.kind === 'tvl' ? base.tvl : base.marketCap;
  const market = base.kind === 'marketCap';
  const ramp = market && !base.utilization.from.eq(base.utilization.to) && periods > 0;
  const constantUtilization = market ? new P(base.utilization.from) : null;

  let product: D = new P(1);
  let yearEnd = atYearEnd(start, product);
  let previousTvl: D | null = null;
  for (let index = 0; index <= periods; index += 1) {
    const year = Math.floor(index / perYear);
    const subperiod = index % perYear;
    if (subperiod === 0 && year > 0) {
      product = nextYearProduct(product, growthByYear[year - 1]!, factors);
      yearEnd = atYearEnd(start, product);
    }
    const amount = subperiod === 0 ? yearEnd : yearEnd.times(factors.partYear(growthByYear[year]!, subperiod, perYear));
    let marketCap: D | null = null;
    let utilization: D | null = null;
    let tvl = amount;
    if (market) {
      marketCap = amount;
      utilization = ramp ? utilizationAtPeriod(base.utilization, index, periods) : constantUtilization!;
      tvl = amount.times(utilization);
    }
    let change: D | null = null;
    if (previousTvl !== null && !previousTvl.isZero()) {
      change = ramp ? tvl.div(previousTvl).minus(1) : factors.periodChange(growthByYear[Math.floor((index - 1) / perYear)]!, perYear);
    }
    yield { index, year, subperiod, marketCap, utilization, tvl, change };
    previousTvl = tvl;
  }
}
