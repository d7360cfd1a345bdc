import type { D } from '../engine/decimal.js';
import type { Unit } from '../core/unit.js';
import type { ExactFigures } from '../engine/types.js';
import type { Fixed } from '../core/fixed.js';
import type { ResolvedReference } from '../scenario/resolveReferences.js';

export interface ReportRow {
  readonly period: string;
  readonly index: number;
  /** For a simulated case, the medians of the paths. */
  readonly marketCap: D | null;
  readonly utilization: D | null;
  readonly tvl: D;
  readonly change: D | null;
  /** For a simulated case: percentiles of the paths at this period. */
  readonly quantiles: RowQuantiles | null;
  /** The same figures as the engine's step holds them, for a fast printer (exact cases). */
  readonly exact?: ExactFigures;
  /** change as the engine's step holds it (the same value), for a fast printer (exact cases). */
  readonly exactChange?: Fixed | null;
  /** USD per BTC and the supply in BTC, where the case states them (for a sampled case, along its median path). */
  readonly price?: D | null;
  readonly supply?: D | null;
  /** The TVL in dollars and in bitcoin, where a price (or the unit) gives them (for a sampled case, the median TVL at the price). */
  readonly tvlUsd?: D | null;
  readonly tvlBtc?: D | null;
}

/** Which of the price and supply figures a case's rows carry. */
export interface CaseMarket {
  /** The TVL in the other unit: in bitcoin for a dollar scenario, in dollars for a bitcoin one. */
  readonly otherUnit: boolean;
  readonly price: boolean;
  readonly supply: boolean;
}

/** Mean and percentiles of a figure over the simulated paths, rounded to 12 significant digits. */
export interface DecimalQuantiles {
  readonly mean: D;
  readonly p5: D;
  readonly p25: D;
  readonly p50: D;
  readonly p75: D;
  readonly p95: D;
}

export interface RowQuantiles {
  readonly tvl: DecimalQuantiles;
  readonly marketCap: DecimalQuantiles | null;
  readonly utilization: DecimalQuantiles | null;
  /** Share of the paths that reached the target by this period; null without a target. */
  readonly targetProbability: D | null;
}

/**
 * How the sampled paths' TVL is spread at the last period: bins of one round width (1, 2 or 5
 * times a power of ten) from the 0.5th to about the 99.5th percentile, and the paths beyond.
 */
export interface FinalDistribution {
  /** The period counted: the last. */
  readonly period: string;
  /** Ascending bin edges, one more than `counts`, each a round figure; two equal edges when every counted path has that one figure. */
  readonly edges: readonly D[];
  /** Paths in each bin: from its lower edge, up to but not including its upper edge (the last bin includes it). */
  readonly counts: readonly number[];
  /** Paths below the first edge and above the last. */
  readonly below: number;
  readonly above: number;
  /** All the paths: the counts, below and above add up to it. */
  readonly samples: number;
}

/** How a case with ranges was sampled. */
export interface SimulationInfo {
  readonly samples: number;
  readonly seed: number;
}

/** A TVL to reach: the first period that reaches it, and what would reach it exactly at the horizon. */
export interface TargetReport {
  readonly value: D;
  /** The first period at or beyond the target, or null when none is within the horizon. */
  readonly reached: string | null;
  /** The constant growth per year that reaches the target at the last period; null over 0 years or from 0. */
  readonly growthNeeded: D | null;
  /** For a market cap scenario: the utilization of the final market cap that makes the target; may exceed 1. */
  readonly utilizationNeeded: D | null;
}

export interface CaseReport {
  /** null for a scenario without cases. */
  readonly name: string | null;
  /** How many rows the case has: one per period. */
  readonly rowCount: number;
  /** A fresh pass over the rows, each computed as it is read: a renderer that streams them keeps memory flat. */
  readonly walk: () => Iterable<ReportRow>;
  /** Every row, computed at first use and then kept: for small reports (check) and tests. */
  readonly rows: readonly ReportRow[];
  readonly target: TargetReport | null;
  /** Set when the case has ranges and was sampled; its rows then hold medians and percentiles. */
  readonly simulation: SimulationInfo | null;
  /** Set when the case states a price or a supply: the figures its rows carry beside the TVL. */
  readonly market?: CaseMarket | null;
  /** For a sampled case, how its paths' TVL is spread at the last period; null (or absent) otherwise. */
  readonly distribution?: FinalDistribution | null;
  /** For a case that states its end (end: 770.6B): the end and the growth per year solved to reach it; otherwise null or absent. */
  readonly solvedEnd?: SolvedEnd | null;
}

/** An end stated instead of a growth, and the growth that reaches it. */
export interface SolvedEnd {
  /** The amount (TVL, or market cap) at the last period, exactly as stated. */
  readonly end: D;
  /** The growth per year that takes the start to the end, at the engine's precision. */
  readonly growth: D;
  /** The last period's label. */
  readonly period: string;
}

/** Where a path stands against a reference: at or above its level, exactly at it, or below it. */
export type ReferenceSide = 'above' | 'at' | 'below';

/** The first time a path passes a reference's level. */
export interface ReferenceCrossing {
  /** The first period on the other side. */
  readonly period: string;
  /** When, in years since the first period, the compounding path meets the level (exact). */
  readonly years: D;
  /** up: from below to at or above it; down: from at or above it to below. */
  readonly direction: 'up' | 'down';
}

/** One case's path against one reference. */
export interface ReferenceStanding {
  /** The case, null for a scenario without cases. */
  readonly case: string | null;
  /** Where the path stands at the first period and at the last. */
  readonly start: ReferenceSide;
  readonly end: ReferenceSide;
  /** The last period. */
  readonly last: string;
  /** The first crossing, or null when the path stays on its side through the horizon. */
  readonly crossing: ReferenceCrossing | null;
  /** When the path ends below: the constant growth per year that reaches the level at the last period (null over 0 years). */
  readonly growthNeeded: D | null;
  /** When a market cap path ends below: the utilization of the final market cap that makes the level; may exceed 1. */
  readonly utilizationNeeded: D | null;
}

/** A named level the paths are compared with (as the scenario resolved it), and each case's standing against it. */
export interface ReferenceReport extends ResolvedReference {
  /** One per case, in the order of the scenario's cases. */
  readonly cases: readonly ReferenceStanding[];
}

export interface ScenarioReport {
  readonly name: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly unit: Unit;
  readonly cases: readonly CaseReport[];
  /** Fields overridden from the command line, as `growth 10%`. */
  readonly whatIf: readonly string[];
  /** The scenario's references, in order, each with every case's standing. */
  readonly references: readonly ReferenceReport[];
}

/** What `btcfi project` computed: exact decimals, not yet rounded for anyone. */
export interface ProjectReport {
  readonly scenarios: readonly ScenarioReport[];
}
