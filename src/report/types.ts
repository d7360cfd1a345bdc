import type { D } from '../engine/decimal.js';
import type { Unit } from '../core/unit.js';
import type { ExactFigures } from '../engine/types.js';

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
  /** For a sampled case, how its paths' TVL is spread at the last period; null (or absent) otherwise. */
  readonly distribution?: FinalDistribution | null;
}

export interface ScenarioReport {
  readonly name: string;
  readonly title: string | null;
  readonly source: string | null;
  readonly unit: Unit;
  readonly cases: readonly CaseReport[];
  /** Fields overridden from the command line, as `growth 10%`. */
  readonly whatIf: readonly string[];
}

/** What `btcfi project` computed: exact decimals, not yet rounded for anyone. */
export interface ProjectReport {
  readonly scenarios: readonly ScenarioReport[];
}
