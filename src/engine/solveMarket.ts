import { assert } from './assert.js';
import { compound } from './compound.js';
import { P, type D } from './decimal.js';
import { NEGATIVE_SOLVE_AMOUNT_MESSAGE } from './messages.js';

/**
 * Why a quotient of market cap, price, supply, TVL and utilization has no answer: its divisor is
 * zero (no utilization of any market cap makes a TVL; a zero price or supply makes no market cap).
 */
export type MarketNoAnswer = 'zero-utilization' | 'zero-price' | 'zero-supply';

export type MarketSolveResult = { readonly value: D; readonly reason: null } | { readonly value: null; readonly reason: MarketNoAnswer };

function quotient(numerator: D, denominator: D, reason: MarketNoAnswer): MarketSolveResult {
  assert(numerator.gte(0) && denominator.gte(0), NEGATIVE_SOLVE_AMOUNT_MESSAGE);
  return denominator.isZero() ? { value: null, reason } : { value: new P(numerator).div(denominator), reason: null };
}

/** market cap = price × supply: dollars a bitcoin times the bitcoin there are. */
export function marketCapOfPrice(price: D, supply: D): D {
  assert(price.gte(0) && supply.gte(0), NEGATIVE_SOLVE_AMOUNT_MESSAGE);
  return new P(price).times(supply);
}

/** market cap = tvl / utilization: the whole that a TVL is that share of (in bitcoin, the supply). */
export function marketCapOfTvl(tvl: D, utilization: D): MarketSolveResult {
  return quotient(tvl, utilization, 'zero-utilization');
}

/** price = market cap / supply. */
export function solvePrice(marketCap: D, supply: D): MarketSolveResult {
  return quotient(marketCap, supply, 'zero-supply');
}

/** supply = market cap / price (a market cap in dollars; in bitcoin the market cap is the supply). */
export function solveSupply(marketCap: D, price: D): MarketSolveResult {
  return quotient(marketCap, price, 'zero-price');
}

/** tvl = market cap × (1 + growth)^years × utilization, exactly as a path of that market cap computes it. */
export function solveTvl(marketCap: D, utilization: D, growth: D, years: D): D {
  assert(marketCap.gte(0) && utilization.gte(0), NEGATIVE_SOLVE_AMOUNT_MESSAGE);
  return new P(compound(marketCap, growth, years)).times(utilization);
}
