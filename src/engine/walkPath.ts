import { assertTvlInput } from './assertTvlInput.js';
import { P, type D } from './decimal.js';
import type { Fixed } from '../core/fixed.js';
import { decimalOf } from './decimalOf.js';
import { fixedOf } from './fixedOf.js';
import { fixedChange } from './fixedChange.js';
import { fixedTimes } from './fixedTimes.js';
import type { Factors } from './makeFactors.js';
import { trackStep } from './trackStep.js';
import { PERIODS_PER_YEAR, type ExactFigures, type MarketInput, type TvlInput, type TvlPoint } from './types.js';

/**
 * The path of a TVL (or of a market cap and the TVL locked in it), one point per period, the
 * first included, computed as it is read: the one per-period step of btcfi.
 *
 * A year end is start × (1 + g1)…(1 + g_k); a period inside year k is that year end times
 * (1 + g)^(j / periods per year), so quarterly and monthly paths meet the yearly one at every year
 * end. Everything is computed at the engine's precision (60 digits, in BigInt: see fixed.ts) and
 * rounded only when printed (a ramp's utilization: see rampUtilization.ts). The change of a period is its
 * growth factor less 1 (exact for a yearly step), or with a ramp (tvl - previous tvl) / previous
 * tvl, rounded once (fixedChange.ts); it is
 * computed only when read (tables and CSV show it, JSON does not), as are the points' decimals.
 */
export function* walkPath(input: TvlInput, factors: Factors): Generator<TvlPoint, void, undefined> {
  assertTvlInput(input);
  const { years, step, base, growthByYear } = input;
  const perYear = PERIODS_PER_YEAR[step];
  const periods = years * perYear;
  const isMarket = base.kind === 'marketCap';
  const ramp = isMarket && !base.utilization.from.eq(base.utilization.to) && periods > 0;
  const from = isMarket ? fixedOf(base.utilization.from) : null;
  const utilizationAt = ramp ? factors.ramp(base.utilization.from, base.utilization.to, periods) : null;
  // The amount (TVL, or market cap) by the step; a solved growth meets a stated end only to 60
  // digits, so the last year end is the end itself.
  const end = input.end === undefined || input.end === null ? null : fixedOf(input.end);
  const amountAt = trackStep({ start: base.kind === 'tvl' ? base.tvl : base.marketCap, growthByYear }, perYear, factors, end);
  // The price of a bitcoin, where stated: a figure of its own, by the same step at its own growth.
  const market = input.market ?? null;
  const priceAt = market?.price == null ? null : trackStep(market.price, perYear, factors);

  let previousTvl: Fixed | null = null;
  // The schedule of pathSchedule (a year end closes the year before it and opens its own), walked
  // with counters rather than an object per period.
  let year = 0;
  let subperiod = 0;
  for (let index = 0; index <= periods; index += 1) {
    const amount = amountAt(year, subperiod);
    let utilization: Fixed | null = null;
    let tvl = amount;
    if (isMarket) {
      utilization = utilizationAt === null ? from : utilizationAt(index);
      tvl = fixedTimes(amount, utilization!);
    }
    const rate = index === 0 ? null : growthByYear[Math.floor((index - 1) / perYear)]!;
    const figures = { marketCap: isMarket ? amount : null, utilization, tvl };
    const price = priceAt === null ? null : priceAt(year, subperiod);
    yield new PathPoint(index, year, subperiod, figures, previousTvl, ramp ? null : rate, perYear, factors, market, price);
    previousTvl = tvl;
    subperiod += 1;
    if (subperiod === perYear) {
      subperiod = 0;
      year += 1;
    }
  }
}

/** A point of a path, held in the step's BigInt arithmetic; its decimals and change are made when read. */
class PathPoint implements TvlPoint {
  private decimals: { marketCap: D | null; utilization: D | null; tvl: D } | null = null;

  constructor(
    readonly index: number,
    readonly year: number,
    readonly subperiod: number,
    readonly exact: ExactFigures,
    private readonly previousTvl: Fixed | null,
    /** The growth of the period, or null when the change is tvl / previous tvl - 1 (a utilization ramp). */
    private readonly rate: D | null,
    private readonly perYear: number,
    private readonly factors: Factors,
    private readonly market: MarketInput | null = null,
    private readonly priceFixed: Fixed | null = null,
  ) {}

  private other: { price: D | null; supply: D | null; tvlUsd: D | null; tvlBtc: D | null } | null = null;

  /** The price, the supply and the TVL in both units, made when first read (60 digits, like the rest). */
  private get market_(): { price: D | null; supply: D | null; tvlUsd: D | null; tvlBtc: D | null } {
    this.other ??= marketFigures(this.market, this.priceFixed === null ? null : decimalOf(this.priceFixed), this.marketCap, this.tvl);
    return this.other;
  }

  get price(): D | null {
    return this.market_.price;
  }

  get supply(): D | null {
    return this.market_.supply;
  }

  get tvlUsd(): D | null {
    return this.market_.tvlUsd;
  }

  get tvlBtc(): D | null {
    return this.market_.tvlBtc;
  }

  private get figures(): { marketCap: D | null; utilization: D | null; tvl: D } {
    this.decimals ??= {
      marketCap: this.exact.marketCap === null ? null : decimalOf(this.exact.marketCap),
      utilization: this.exact.utilization === null ? null : decimalOf(this.exact.utilization),
      tvl: decimalOf(this.exact.tvl),
    };
    return this.decimals;
  }

  get marketCap(): D | null {
    return this.figures.marketCap;
  }

  get utilization(): D | null {
    return this.figures.utilization;
  }

  get tvl(): D {
    return this.figures.tvl;
  }

  get change(): D | null {
    if (this.previousTvl === null || this.previousTvl.m === 0n) {
      return null;
    }
    return this.rate === null ? decimalOf(fixedChange(this.exact.tvl, this.previousTvl)) : this.factors.periodChange(this.rate, this.perYear);
  }

  /** The change in the step's BigInt arithmetic, the same value: for a growth rate, one object shared by every period at that rate. */
  get exactChange(): Fixed | null {
    if (this.previousTvl === null || this.previousTvl.m === 0n) {
      return null;
    }
    return this.rate === null ? fixedChange(this.exact.tvl, this.previousTvl) : this.factors.periodChangeFixed(this.rate, this.perYear);
  }
}

/**
 * The figures a price and a supply add to a point: the TVL in dollars (the TVL itself, or in
 * bitcoin times the price) and in bitcoin (the TVL itself, or in dollars over the price); the
 * supply where the market cap is its worth: the market cap over the price (in bitcoin, the market
 * cap itself). Null where a figure needs a price that is not stated.
 */
export function marketFigures(market: MarketInput | null, price: D | null, marketCap: D | null, tvl: D): { price: D | null; supply: D | null; tvlUsd: D | null; tvlBtc: D | null } {
  if (market === null) {
    return { price: null, supply: null, tvlUsd: null, tvlBtc: null };
  }
  const usd = market.unit === 'USD';
  const inBtc = (value: D): D | null => (!usd ? value : price === null || price.isZero() ? null : new P(value).div(price));
  return {
    price,
    supply: market.supplyFromMarketCap && marketCap !== null ? inBtc(marketCap) : null,
    tvlUsd: usd ? tvl : price === null ? null : new P(tvl).times(price),
    tvlBtc: inBtc(tvl),
  };
}
