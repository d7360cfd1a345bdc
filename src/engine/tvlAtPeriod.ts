import { assert } from './assert.js';
import { assertTvlInput } from './assertTvlInput.js';
import { compoundToPeriod } from './compoundToPeriod.js';
import { P } from './decimal.js';
import { growthToPeriod } from './growthToPeriod.js';
import { makeFactors, type Factors } from './makeFactors.js';
import { PERIOD_INDEX_MESSAGE } from './messages.js';
import { PERIODS_PER_YEAR, type TvlInput, type TvlPoint } from './types.js';
import { utilizationAtPeriod } from './utilizationAtPeriod.js';

/** One period of a TVL path: the point walkPath gives at that index, without its change. */
export type TvlAtPeriod = Omit<TvlPoint, 'change'>;

/**
 * The TVL (and market cap and utilization) of `input` at period `index`, without walking the
 * path: the same decimals as walkPath's point at that index.
 */
export function tvlAtPeriod(input: TvlInput, index: number, factors: Factors = makeFactors()): TvlAtPeriod {
  assertTvlInput(input);
  const periods = input.years * PERIODS_PER_YEAR[input.step];
  assert(Number.isInteger(index) && index >= 0 && index <= periods, PERIOD_INDEX_MESSAGE);
  const growth = growthToPeriod(input.growthByYear, input.step, index, factors);
  const { base } = input;
  const point = { index, year: growth.year, subperiod: growth.subperiod };
  // A stated end is the last period's amount itself, as walkPath makes it.
  const end = index === periods && periods > 0 && input.end !== undefined && input.end !== null ? new P(input.end) : null;
  if (base.kind === 'tvl') {
    return { ...point, marketCap: null, utilization: null, tvl: end ?? compoundToPeriod(base.tvl, growth) };
  }
  const marketCap = end ?? compoundToPeriod(base.marketCap, growth);
  const utilization = utilizationAtPeriod(base.utilization, index, periods);
  return { ...point, marketCap, utilization, tvl: marketCap.times(utilization) };
}
