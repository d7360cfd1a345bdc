import type { D } from '../engine/decimal.js';
import type { GrowthNoAnswer } from '../engine/solveGrowth.js';
import type { StartNoAnswer } from '../engine/solveStart.js';
import type { UtilizationNoAnswer } from '../engine/solveUtilization.js';
import type { YearsNoAnswer } from '../engine/solveYears.js';
import type { Unit } from '../core/unit.js';
import type { History } from '../scenario/parseHistory.js';
import type { Given } from '../scenario/parseSolveFlags.js';

export type { Given, History };
export type { HistoryPoint } from '../scenario/parseHistory.js';

/** What `btcfi solve` can solve for. */
export type Unknown = 'growth' | 'years' | 'end' | 'start' | 'utilization';

/** Why a solve has no answer: the engine's reason codes, worded by the renderers. */
export type NoAnswerReason = GrowthNoAnswer | YearsNoAnswer | StartNoAnswer | UtilizationNoAnswer;

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

export type SolveReport = GrowthReport | HistoryGrowthReport | YearsReport | EndReport | StartReport | UtilizationReport;
