import { assert } from './assert.js';
import { compound } from './compound.js';
import { P, type D } from './decimal.js';
import { GROWTH_BELOW_MINUS_ONE_MESSAGE, NEGATIVE_SOLVE_AMOUNT_MESSAGE, NEGATIVE_SPAN_MESSAGE } from './messages.js';

/**
 * Why no utilization answers:
 * - `zero-market-cap`: no share of nothing makes a TVL;
 * - `wiped-out`: at -100% a year the market cap is gone by the horizon.
 */
export type UtilizationNoAnswer = 'zero-market-cap' | 'wiped-out';

export type SolveUtilizationResult =
  | { readonly value: D; readonly marketCapAtHorizon: D; readonly reason: null }
  | { readonly value: null; readonly marketCapAtHorizon: D; readonly reason: UtilizationNoAnswer };

export interface SolveUtilizationInput {
  /** The market cap now. */
  readonly marketCap: D;
  /** The TVL wanted at the horizon. */
  readonly tvl: D;
  /** Growth of the market cap per year, a fraction of at least -1; 0 when it stays put. */
  readonly growth: D;
  /** Years to the horizon, 0 for now; may be fractional. */
  readonly years: D;
}

/**
 * The share of the market cap that must be locked for a TVL: tvl = market cap x (1 + growth)^years
 * x utilization. The answer may exceed 1, a TVL larger than the whole market cap: callers say so.
 */
export function solveUtilization({ marketCap, tvl, growth, years }: SolveUtilizationInput): SolveUtilizationResult {
  assert(marketCap.gte(0) && tvl.gte(0), NEGATIVE_SOLVE_AMOUNT_MESSAGE);
  assert(growth.gte(-1), GROWTH_BELOW_MINUS_ONE_MESSAGE);
  assert(years.gte(0), NEGATIVE_SPAN_MESSAGE);
  const marketCapAtHorizon = compound(marketCap, growth, years);
  if (marketCap.isZero()) {
    return { value: null, marketCapAtHorizon, reason: 'zero-market-cap' };
  }
  if (marketCapAtHorizon.isZero()) {
    return { value: null, marketCapAtHorizon, reason: 'wiped-out' };
  }
  return { value: new P(tvl).div(marketCapAtHorizon), marketCapAtHorizon, reason: null };
}
