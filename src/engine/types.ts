import type { D } from './decimal.js';
import type { Fixed } from '../core/fixed.js';

export type Step = 'year' | 'quarter' | 'month';

export const PERIODS_PER_YEAR = { year: 1, quarter: 4, month: 12 } as const satisfies Record<Step, number>;

/** A linear move of utilization from the first period to the last; from === to is a constant. */
export interface UtilizationRamp {
  readonly from: D;
  readonly to: D;
}

/** What compounds: a TVL on its own, or a market cap of which a utilization share is locked. */
export type TvlBase =
  | { readonly kind: 'tvl'; readonly tvl: D }
  | { readonly kind: 'marketCap'; readonly marketCap: D; readonly utilization: UtilizationRamp };

export interface TvlInput {
  /** Whole years of the horizon, 0 or more. */
  readonly years: number;
  readonly step: Step;
  readonly base: TvlBase;
  /** One growth rate (a fraction, 0.05 for 5%) per year of the horizon: growthByYear[k] moves year k to year k+1. */
  readonly growthByYear: readonly D[];
  /**
   * The amount (TVL, or market cap) at the last period, when the growth was solved to reach it:
   * the last period is this figure itself rather than the start times the yearly factors, which
   * meet it only to the engine's precision. Absent or null: the path ends where its factors take it.
   */
  readonly end?: D | null;
  /** The price of a bitcoin and the supply, where the scenario states them; absent or null where it does not. */
  readonly market?: MarketInput | null;
}

/** A figure that compounds by the same step as the path, at its own growth per year. */
export interface Track {
  readonly start: D;
  /** One rate per year of the horizon, as TvlInput's. */
  readonly growthByYear: readonly D[];
}

/** What turns the path's figures into the other unit: the price of a bitcoin, and where the supply comes from. */
export interface MarketInput {
  /** The unit of the path's amounts. */
  readonly unit: 'USD' | 'BTC';
  /** USD per BTC at each period, or null where no price is stated. */
  readonly price: Track | null;
  /** Whether the market cap is the supply's worth (price x supply, or the supply itself in BTC), so that the supply is market cap / price. */
  readonly supplyFromMarketCap: boolean;
}

export interface TvlPoint {
  /** 0 for the first period, then 1, 2, ... */
  readonly index: number;
  /** Whole years since the first period. */
  readonly year: number;
  /** Period within that year: 0 for a yearly step, 0..3 for quarters, 0..11 for months. */
  readonly subperiod: number;
  readonly marketCap: D | null;
  readonly utilization: D | null;
  readonly tvl: D;
  /** tvl / previous tvl - 1; null for the first period or after a zero. */
  readonly change: D | null;
  /** USD per BTC at this period; null (or absent) where no price is stated. */
  readonly price?: D | null;
  /** Bitcoin in circulation at this period; null (or absent) where the scenario does not give it. */
  readonly supply?: D | null;
  /** The TVL in dollars and in bitcoin: one is the TVL itself, the other needs a price; null where it has none. */
  readonly tvlUsd?: D | null;
  readonly tvlBtc?: D | null;
  /** The same figures in the step's own arithmetic, for a fast printer; absent where a point was made otherwise. */
  readonly exact?: ExactFigures;
  /** change in the step's arithmetic (the same value), for a fast printer; absent where exact is absent. */
  readonly exactChange?: Fixed | null;
}

/** A point's figures as the per-period step holds them (BigInt coefficients, 60 digits). */
export interface ExactFigures {
  readonly marketCap: Fixed | null;
  readonly utilization: Fixed | null;
  readonly tvl: Fixed;
}

export type TvlPath = readonly TvlPoint[];
