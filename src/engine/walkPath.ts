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
 * The change of a period is its growth factor less 1 (exact for a yearly step), or with a
 * utilization ramp tvl / previous tvl - 1; it is computed only when read (a table shows it, CSV and
 * JSON do not). A ramp's utilization is (from × periods + (to - from) × index) / periods, its
 * numerator exact and kept from period to period.
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
  const rampStep = ramp ? new P(base.utilization.to).minus(base.utilization.from) : null;
  let numerator = ramp ? new P(base.utilization.from).times(periods) : null;

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
      if (ramp) {
        if (index > 0) {
          numerator = numerator!.plus(rampStep!);
        }
        utilization = index === 0 || index === periods ? utilizationAtPeriod(base.utilization, index, periods) : numerator!.div(periods);
      } else {
        utilization = constantUtilization!;
      }
      tvl = amount.times(utilization);
    }
    const rate = index === 0 ? null : growthByYear[Math.floor((index - 1) / perYear)]!;
    yield new PathPoint(index, year, subperiod, marketCap, utilization, tvl, previousTvl, ramp ? null : rate, perYear, factors);
    previousTvl = tvl;
  }
}

/** A point of a path whose change is computed when it is read. */
class PathPoint implements TvlPoint {
  constructor(
    readonly index: number,
    readonly year: number,
    readonly subperiod: number,
    readonly marketCap: D | null,
    readonly utilization: D | null,
    readonly tvl: D,
    private readonly previousTvl: D | null,
    /** The growth of the period, or null when the change is tvl / previous tvl - 1 (a utilization ramp). */
    private readonly rate: D | null,
    private readonly perYear: number,
    private readonly factors: Factors,
  ) {}

  get change(): D | null {
    if (this.previousTvl === null || this.previousTvl.isZero()) {
      return null;
    }
    return this.rate === null ? this.tvl.div(this.previousTvl).minus(1) : this.factors.periodChange(this.rate, this.perYear);
  }
}
