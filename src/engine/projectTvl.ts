import { assertTvlInput } from './assertTvlInput.js';
import { D } from './decimal.js';
import { PERIODS_PER_YEAR, type TvlInput, type TvlPath, type TvlPoint } from './types.js';
import { utilizationAtPeriod } from './utilizationAtPeriod.js';

/**
 * The path of a TVL (or of a market cap and the TVL locked in it) over the horizon,
 * one point per period, the first period included.
 *
 * Year ends are whole-year products and so exact wherever they fit 40 digits. A period
 * inside year k grows from the end of year k-1 by (1 + g)^(j / periods per year), so
 * quarterly and monthly paths meet the yearly one at every year end.
 */
export function projectTvl(input: TvlInput): TvlPath {
  assertTvlInput(input);
  const { years, step, base, growthByYear } = input;
  const perYear = PERIODS_PER_YEAR[step];
  const periods = years * perYear;
  const start = base.kind === 'tvl' ? base.tvl : base.marketCap;

  const points: TvlPoint[] = [];
  let yearStart = new D(start);
  let previousTvl: D | null = null;
  for (let index = 0; index <= periods; index += 1) {
    const year = Math.floor(index / perYear);
    const subperiod = index % perYear;
    if (subperiod === 0 && year > 0) {
      yearStart = yearStart.times(new D(1).plus(growthByYear[year - 1]!));
    }
    const amount =
      subperiod === 0
        ? yearStart
        : yearStart.times(new D(1).plus(growthByYear[year]!).pow(new D(subperiod).div(perYear)));

    let marketCap: D | null = null;
    let utilization: D | null = null;
    let tvl = amount;
    if (base.kind === 'marketCap') {
      marketCap = amount;
      utilization = utilizationAtPeriod(base.utilization, index, periods);
      tvl = amount.times(utilization);
    }
    const change = previousTvl === null || previousTvl.isZero() ? null : tvl.div(previousTvl).minus(1);
    points.push({ index, year, subperiod, marketCap, utilization, tvl, change });
    previousTvl = tvl;
  }
  return points;
}
