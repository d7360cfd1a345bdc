import type { D } from '../engine/decimal.js';
import type { GrowthNoAnswer } from '../engine/solveGrowth.js';
import type { StartNoAnswer } from '../engine/solveStart.js';
import type { UtilizationNoAnswer } from '../engine/solveUtilization.js';
import type { YearsNoAnswer } from '../engine/solveYears.js';
import type { MarketNoAnswer } from '../engine/solveMarket.js';
import type { Unit } from '../core/unit.js';
import type { History } from '../scenario/parseHistory.js';
import type { Given } from '../scenario/parseSolveFlags.js';

export type { Given, History };
export type { HistoryPoint } from '../scenario/parseHistory.js';

/** What `btcfi solve` can solve for. */
export type Unknown = 'growth' | 'years' | 'end' | 'start' | 'utilization' | MarketUnknown;

/** The unknowns of market cap = price × supply and TVL = market cap × utilization. */
export type MarketUnknown = 'tvl' | 'market-cap' | 'price' | 'supply';

/** Why a solve has no answer: the engine's reason codes, worded by the renderers. */
export type NoAnswerReason = GrowthNoAnswer | YearsNoAnswer | StartNoAnswer | UtilizationNoAnswer | MarketNoAnswer;

/** An answer, or none and why. */
export type Answer<R extends NoAnswerReason> = { readonly value: D; readonly reason: null } | { readonly value: null; readonly reason: R };

/** growth: to = from x (1 + growth)^years. */
export type GrowthReport = {
  readonly solve: 'growth';
  readonly unit: Unit;
  readonly from: Given;
  readonly to: Given;
  readonly years: Given;
} & Answer<GrowthNoAnswer>;

/** years: to = from x (1 + growth)^years; the first whole year that reaches `to`. */
export type YearsReport = {
  readonly solve: 'years';
  readonly unit: Unit;
  readonly from: Given;
  readonly to: Given;
  readonly growth: Given;
  /** The calendar year of the start (--start), or null. */
  readonly start: number | null;
  /** The first whole number of years at which the target is reached, or null with no answer. */
  readonly wholeYears: D | null;
} & Answer<YearsNoAnswer>;

/** end = from x (1 + growth)^years: always an answer. */
export interface EndReport {
  readonly solve: 'end';
  readonly unit: Unit;
  readonly from: Given;
  readonly growth: Given;
  readonly years: Given;
  readonly value: D;
  readonly reason: null;
}

/** start: to = start x (1 + growth)^years. */
export type StartReport = {
  readonly solve: 'start';
  readonly unit: Unit;
  readonly to: Given;
  readonly growth: Given;
  readonly years: Given;
} & Answer<StartNoAnswer>;

/** utilization: tvl = market cap x (1 + growth)^years x utilization. */
export type UtilizationReport = {
  readonly solve: 'utilization';
  readonly unit: Unit;
  readonly marketCap: Given;
  readonly tvl: Given;
  /** Growth of the market cap and years to the horizon, or null for a utilization now. */
  readonly growth: Given | null;
  readonly years: Given | null;
  readonly marketCapAtHorizon: D;
} & Answer<UtilizationNoAnswer>;

/** growth from a history: the endpoint CAGR (the value) and the least-squares log-linear CAGR. */
export interface HistoryGrowthReport {
  readonly solve: 'growth-history';
  readonly unit: Unit;
  readonly history: History;
  /** The endpoint CAGR: first to last point over the span. */
  readonly value: D;
  readonly reason: null;
  /** e^b - 1 for the least-squares line ln(value) = a + b x years. */
  readonly logLinear: D;
}

/** The figures a market solve was given; null where not. Amounts of market cap and TVL share one unit; a price is in dollars, a supply in bitcoin. */
export interface MarketInputs {
  readonly marketCap: Given | null;
  readonly tvl: Given | null;
  readonly utilization: Given | null;
  readonly price: Given | null;
  readonly supply: Given | null;
  readonly growth: Given | null;
  readonly years: Given | null;
}

/**
 * How a market solve reached its unknown:
 * - `market-cap`: from a market cap (tvl = market cap × (1 + growth)^years × utilization; price = market cap / supply; supply = market cap / price);
 * - `price-supply`: from a price and a supply (market cap = price × supply, and the TVL a share of it);
 * - `supply`: in bitcoin, tvl = supply × utilization;
 * - `tvl-utilization`: from a TVL and the share it is (market cap = tvl / utilization, then on to a price or a supply).
 */
export type MarketRoute = 'market-cap' | 'price-supply' | 'supply' | 'tvl-utilization';

/** tvl, market-cap, price or supply. */
export type MarketSolveReport = {
  readonly solve: MarketUnknown;
  /** The unit of the answer: a price is in dollars, a supply in bitcoin. */
  readonly unit: Unit;
  /** The unit of the market cap and TVL given or found. */
  readonly amountUnit: Unit;
  readonly route: MarketRoute;
  readonly inputs: MarketInputs;
  /** The market cap found on the way (price × supply, or tvl / utilization), in amountUnit; null where it was given or not needed. */
  readonly marketCap: D | null;
} & Answer<MarketNoAnswer>;

export type SolveReport = GrowthReport | HistoryGrowthReport | YearsReport | EndReport | StartReport | UtilizationReport | MarketSolveReport;
