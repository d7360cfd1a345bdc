import { assert } from './assert.js';
import { D } from './decimal.js';
import {
  GROWTH_BELOW_MINUS_ONE_MESSAGE,
  GROWTH_LENGTH_MESSAGE,
  NEGATIVE_AMOUNT_MESSAGE,
  NEGATIVE_HORIZON_MESSAGE,
  UTILIZATION_RANGE_MESSAGE,
} from './messages.js';
import { PERIODS_PER_YEAR, type TvlInput, type TvlPath, type TvlPoint } from './types.js';

/**
 * The path of a TVL (or of a market cap and the TVL locked in it) over the horizon,
 * one point per period, the first period included.
 *
 * Year ends are whole-year products and so exact wherever they fit 40 digits. A period
 * inside year k grows from the end of year k-1 by (1 + g)^(j / periods per year), so
 * quarterly and monthly paths meet the yearly one at every year end.
 */
export function projectTvl(input: TvlInput): TvlPath {
  const { years, step, base, growthByYear } = input;
  assert(Number.isInteger(years) && years >= 0, NEGATIVE_HORIZON_MESSAGE);
  assert(growthByYear.length === years, GROWTH_LENGTH_MESSAGE);
  assert(growthByYear.every((rate) => rate.gte(-1)), GROWTH_BELOW_MINUS_ONE_MESSAGE);

  const perYear = PERIODS_PER_YEAR[step];
  const periods = years * perYear;
  const start = base.kind === 'tvl' ? base.tvl : base.marketCap;
  assert(start.gte(0), NEGATIVE_AMOUNT_MESSAGE);
  if (base.kind === 'marketCap') {
    const { from, to } = base.utilization;
    assert([from, to].every((u) => u.gte(0) && u.lte(1)), UTILIZATION_RANGE_MESSAGE);
  }

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
      utilization = utilizationAt(base.utilization.from, base.utilization.to, index, periods);
      tvl = amount.times(utilization);
    }
    const change = previousTvl === null || previousTvl.isZero() ? null : tvl.div(previousTvl).minus(1);
    points.push({ index, year, subperiod, marketCap, utilization, tvl, change });
    previousTvl = tvl;
  }
  return points;
}

function utilizationAt(from: D, to: D, index: number, periods: number): D {
  if (periods === 0 || from.eq(to)) {
    return from;
  }
  return from.plus(to.minus(from).times(index).div(periods));
}
