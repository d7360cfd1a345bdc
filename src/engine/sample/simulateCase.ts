import type { D } from '../decimal.js';
import { pathSchedule } from '../pathSchedule.js';
import { PERIODS_PER_YEAR, type TvlInput } from '../types.js';
import { drawPerPath } from './drawPerPath.js';
import { figuresAtPeriod } from './figuresAtPeriod.js';
import { histogram, type Histogram } from './histogram.js';
import { makeGrowthOfYear } from './makeGrowthOfYear.js';
import { quantiles, type Quantiles } from './quantiles.js';
import type { RandomSource } from './randomSource.js';
import { startPaths, type PathFigures } from './startPaths.js';
import type { UncertainInputs } from './uncertainInputs.js';

export type { RandomSource } from './randomSource.js';

export interface SimulationOptions {
  readonly samples: number;
  readonly random: RandomSource;
  /** Called after each period with the share of the work done, 0 to 1. */
  readonly onProgress?: (done: number) => void;
}

/** One period of a simulated case: percentiles of each figure, and the chance the target is reached by then. */
export interface SimulatedRow {
  readonly tvl: Quantiles;
  readonly marketCap: Quantiles | null;
  readonly utilization: Quantiles | null;
  /** Share of the paths that reached the target at or before this period; null without a target. */
  readonly targetProbability: number | null;
}

/** About this many bins in the histogram of the last period's TVL. */
export const HISTOGRAM_BINS = 20;

export type SimulationResult =
  | {
      readonly ok: true;
      readonly rows: readonly SimulatedRow[];
      /** How the paths' TVL is spread at the last period. */
      readonly finalHistogram: Histogram;
    }
  | { readonly ok: false; readonly overflow: true };

/**
 * Samples the paths of an uncertain case, with a seeded xoroshiro128+ generator, in float64.
 *
 * Draws come in a fixed order, so the same seed gives the same paths on every machine: first,
 * sample by sample, every distribution drawn once per path (a TVL or market cap, utilization,
 * the growth of each phase: drawPerPath); then, year by year, each growth resampled yearly
 * (makeGrowthOfYear). The work runs period by period, keeping one figure per path, so memory
 * stays a few arrays of `samples`; the last period's TVL is also given as a histogram. Figures that leave float64's range (past 1e308) make the
 * result an overflow.
 */
export function simulateCase(input: TvlInput, uncertain: UncertainInputs, target: D | null, options: SimulationOptions): SimulationResult {
  const n = options.samples;
  const draws = drawPerPath(uncertain, n, options.random);
  const growthOfYear = makeGrowthOfYear(input, uncertain, draws, n, options.random);
  const paths = startPaths(input, uncertain, draws, target, n);
  const marketCapVaries = uncertain.base !== null || uncertain.growthByYear.some((distribution) => distribution !== null);
  const periods = input.years * PERIODS_PER_YEAR[input.step];
  let growth: Float64Array | number = 0;
  const rows: SimulatedRow[] = [];
  let finalHistogram: Histogram | null = null;
  // The same schedule as the exact path (pathSchedule), in float64.
  for (const period of pathSchedule(input.years, input.step)) {
    if (period.closesYear !== null) {
      closeYear(paths.level, growth);
    }
    if (period.opensYear !== null) {
      growth = growthOfYear(period.opensYear);
    }
    const reachedCount = figuresAtPeriod(paths, period, growth);
    // A utilization that is one draw per path (the same at both ends) has the same percentiles every period.
    const sameUtilization = period.index > 0 && uncertain.utilizationFrom === uncertain.utilizationTo ? rows[0]!.utilization : null;
    const row = summarizePeriod(paths, reachedCount, marketCapVaries, sameUtilization);
    if (row === null) {
      return { ok: false, overflow: true };
    }
    rows.push(row);
    if (period.index === periods) {
      finalHistogram = histogram(paths.tvl, HISTOGRAM_BINS);
    }
    options.onProgress?.((period.index + 1) / (periods + 1));
  }
  return { ok: true, rows, finalHistogram: finalHistogram! };
}

/** Takes every path's level from one year end to the next: times 1 + the growth of the year closed. */
function closeYear(level: Float64Array, growth: Float64Array | number): void {
  for (let i = 0; i < level.length; i += 1) {
    level[i] = level[i]! * (1 + (typeof growth === 'number' ? growth : growth[i]!));
  }
}

/**
 * The percentiles of a period's figures over the paths, and the share that reached the target;
 * null when a figure left float64's range. `sameUtilization`, when given, stands for the
 * utilization's percentiles (a utilization that does not move along the path).
 */
function summarizePeriod(paths: PathFigures, reachedCount: number, marketCapVaries: boolean, sameUtilization: Quantiles | null): SimulatedRow | null {
  const { tvl, marketCap, utilization, reached } = paths;
  // A market cap with nothing uncertain in it is the same on every path: its percentiles are that value.
  const row: SimulatedRow = {
    tvl: quantiles(tvl),
    marketCap: marketCap === null ? null : marketCapVaries ? quantiles(marketCap) : constantQuantiles(marketCap[0]!),
    utilization: utilization === null ? null : (sameUtilization ?? quantiles(utilization)),
    targetProbability: reached === null ? null : reachedCount / tvl.length,
  };
  return [row.tvl, row.marketCap].every((q) => q === null || (Number.isFinite(q.mean) && Number.isFinite(q.p95))) ? row : null;
}

function constantQuantiles(value: number): Quantiles {
  return { mean: value, p5: value, p25: value, p50: value, p75: value, p95: value };
}
