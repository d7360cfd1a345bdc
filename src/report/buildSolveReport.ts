import { compound } from '../engine/compound.js';
import { fitLogLinear } from '../engine/fitLogLinear.js';
import { solveGrowth } from '../engine/solveGrowth.js';
import { solveStart } from '../engine/solveStart.js';
import { solveUtilization } from '../engine/solveUtilization.js';
import { solveYears } from '../engine/solveYears.js';
import { D, P } from '../engine/decimal.js';
import { marketCapOfPrice, marketCapOfTvl, solvePrice, solveSupply, solveTvl } from '../engine/solveMarket.js';
import type { Unit } from '../core/unit.js';
import type { MarketInputs, MarketSolveReport, MarketUnknown } from './solveTypes.js';
import type { EndReport, Given, GrowthReport, History, HistoryGrowthReport, StartReport, UtilizationReport, YearsReport } from './solveTypes.js';

// Runs the engine on the parsed flags (or history) and keeps the inputs beside the answer,
// for the renderers. Pure: decimals in, a report out.

export function buildGrowthReport(unit: Unit, from: Given, to: Given, years: Given): GrowthReport {
  return { solve: 'growth', unit, from, to, years, ...solveGrowth({ from: from.value, to: to.value, years: years.value }) };
}

export function buildHistoryGrowthReport(history: History): HistoryGrowthReport {
  const first = history.points[0]!;
  const last = history.points.at(-1)!;
  const endpoint = solveGrowth({ from: first.value, to: last.value, years: history.spanYears });
  if (endpoint.value === null) {
    // parseHistory returns positive values at distinct times, so this cannot happen.
    throw new Error(`a parsed history has no endpoint CAGR (${endpoint.reason})`);
  }
  return { solve: 'growth-history', unit: history.unit, history, value: endpoint.value, reason: null, logLinear: fitLogLinear(history.points).growth };
}

export function buildYearsReport(unit: Unit, from: Given, to: Given, growth: Given, start: number | null): YearsReport {
  return { solve: 'years', unit, from, to, growth, start, ...solveYears({ from: from.value, to: to.value, growth: growth.value }) };
}

export function buildEndReport(unit: Unit, from: Given, growth: Given, years: Given): EndReport {
  return { solve: 'end', unit, from, growth, years, value: compound(from.value, growth.value, years.value), reason: null };
}

export function buildStartReport(unit: Unit, to: Given, growth: Given, years: Given): StartReport {
  return { solve: 'start', unit, to, growth, years, ...solveStart({ to: to.value, growth: growth.value, years: years.value }) };
}

export function buildUtilizationReport(unit: Unit, marketCap: Given, tvl: Given, growth: Given | null, years: Given | null): UtilizationReport {
  const result = solveUtilization({ marketCap: marketCap.value, tvl: tvl.value, growth: growth?.value ?? new D(0), years: years?.value ?? new D(0) });
  return { solve: 'utilization', unit, marketCap, tvl, growth, years, ...result };
}

/**
 * Solves market cap = price × supply and TVL = market cap × utilization for a TVL, a market cap,
 * a price or a supply, along the route the given figures make (the CLI checks they make one).
 */
export function buildMarketReport(solve: MarketUnknown, inputs: MarketInputs, amountUnit: Unit): MarketSolveReport {
  const { marketCap, tvl, utilization, price, supply, growth, years } = inputs;
  const head = { solve, inputs, amountUnit, unit: solve === 'price' ? ('USD' as const) : solve === 'supply' ? ('BTC' as const) : amountUnit };
  const zero = new D(0);
  // A market cap on the way: price × supply, or tvl / utilization.
  const found = price !== null && supply !== null && marketCap === null && tvl === null ? ({ value: marketCapOfPrice(price.value, supply.value), reason: null } as const) : null;
  switch (solve) {
    case 'tvl':
      if (marketCap !== null) {
        return { ...head, route: 'market-cap', marketCap: null, value: solveTvl(marketCap.value, utilization!.value, growth?.value ?? zero, years?.value ?? zero), reason: null };
      }
      if (found !== null) {
        return { ...head, route: 'price-supply', marketCap: found.value, value: new P(found.value).times(utilization!.value), reason: null };
      }
      return { ...head, unit: 'BTC', amountUnit: 'BTC', route: 'supply', marketCap: null, value: new P(supply!.value).times(utilization!.value), reason: null };
    case 'market-cap':
      return found !== null ? { ...head, route: 'price-supply', marketCap: null, ...found } : { ...head, route: 'tvl-utilization', marketCap: null, ...marketCapOfTvl(tvl!.value, utilization!.value) };
    case 'price': {
      if (marketCap !== null) {
        return { ...head, route: 'market-cap', marketCap: null, ...solvePrice(marketCap.value, supply!.value) };
      }
      const whole = marketCapOfTvl(tvl!.value, utilization!.value);
      return { ...head, route: 'tvl-utilization', marketCap: whole.value, ...(whole.value === null ? whole : solvePrice(whole.value, supply!.value)) };
    }
    case 'supply': {
      if (marketCap !== null) {
        return { ...head, route: 'market-cap', marketCap: null, ...solveSupply(marketCap.value, price!.value) };
      }
      const whole = marketCapOfTvl(tvl!.value, utilization!.value);
      // In bitcoin, the whole a TVL is a share of is the supply itself.
      const answer = whole.value === null || amountUnit === 'BTC' ? whole : solveSupply(whole.value, price!.value);
      return { ...head, route: 'tvl-utilization', marketCap: amountUnit === 'BTC' ? null : whole.value, ...answer };
    }
  }
}
