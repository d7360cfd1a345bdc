import { assert } from '../assert.js';
import type { D } from '../decimal.js';
import { PHASE_DRAW_ORDER_MESSAGE } from '../messages.js';
import { PERIODS_PER_YEAR, type TvlInput } from '../types.js';
import type { Distribution, LognormalOf } from '../distribution.js';
import type { UncertainInputs } from './uncertainInputs.js';
import { pathSchedule } from '../pathSchedule.js';
import { makeSampler, type Sampler } from './makeSampler.js';
import { quantiles, type Quantiles } from './quantiles.js';

/**
 * A seeded generator of uniform draws in [0, 1), passed in so that the engine holds no source of
 * randomness of its own. Its state can be saved and a generator started again from it.
 */
export interface RandomSource {
  readonly draw: () => number;
  /** The state, as a few 32-bit integers, always as many. */
  readonly state: () => readonly number[];
  /** A generator that continues from a saved state. */
  readonly fromState: (state: readonly number[]) => RandomSource;
}

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

export type SimulationResult = { readonly ok: true; readonly rows: readonly SimulatedRow[] } | { readonly ok: false; readonly overflow: true };

/**
 * Samples the paths of an uncertain case, with a seeded xoroshiro128+ generator, in float64.
 *
 * Draws come in a fixed order, so the same seed gives the same paths on every machine: first,
 * sample by sample, every distribution drawn once per path (a TVL or market cap, utilization,
 * the growth of each phase); then, year by year, each growth resampled yearly. The work runs
 * period by period, keeping one figure per path, so memory stays a few arrays of `samples`.
 * Figures that leave float64's range (past 1e308) make the result an overflow.
 */
export function simulateCase(input: TvlInput, uncertain: UncertainInputs, target: D | null, options: SimulationOptions): SimulationResult {
  const n = options.samples;
  const rng = options.random;
  const draw = rng.draw;
  const width = rng.state().length;

  // Every distribution drawn once per path, each with its sampler, in order of first use: the
  // base and utilization first, then each growth of a phase (in path mode), year by year.
  const perPath = new Map<Distribution, { sampler: Sampler; values: Float64Array; clamp: (x: number) => number }>();
  const addPerPath = (distribution: Distribution | null, of: LognormalOf, clamp: (x: number) => number): void => {
    if (distribution !== null && !perPath.has(distribution)) {
      perPath.set(distribution, { sampler: makeSampler(distribution, of), values: new Float64Array(n), clamp });
    }
  };
  addPerPath(uncertain.base, 'value', atLeastZero);
  addPerPath(uncertain.utilizationFrom, 'value', withinZeroOne);
  addPerPath(uncertain.utilizationTo, 'value', withinZeroOne);
  // A path's growth draws come after its other draws in the stream, but up to 200 phases of
  // `samples` values would not fit in memory. So each path keeps the generator's state at its
  // next growth draw (16 bytes), and a phase's growths are drawn from those states when its first
  // year comes: the same numbers, with memory for one phase at a time.
  const laterGrowths = uncertain.resample === 'path' ? [...new Set(uncertain.growthByYear.filter((d): d is Distribution => d !== null))] : [];
  const lastYearOf = new Map<Distribution, number>();
  uncertain.growthByYear.forEach((distribution, year) => distribution !== null && lastYearOf.set(distribution, year));
  const growthStates = new Int32Array(laterGrowths.length > 0 ? width * n : 0);
  const drawn = [...perPath.values()];
  for (let i = 0; i < n; i += 1) {
    for (const { sampler, values, clamp } of drawn) {
      values[i] = clamp(sampler(draw()));
    }
    if (laterGrowths.length > 0) {
      const state = rng.state();
      for (let w = 0; w < width; w += 1) {
        growthStates[width * i + w] = state[w]!;
      }
      for (let k = 0; k < laterGrowths.length; k += 1) {
        draw();
      }
    }
  }
  const growthValues = new Map<Distribution, Float64Array>();
  let growthsDrawn = 0;
  /** The values of a growth drawn once per path, drawing them (and forgetting finished phases) at first use. */
  const pathGrowth = (distribution: Distribution, year: number): Float64Array => {
    let values = growthValues.get(distribution);
    if (values === undefined) {
      for (const [earlier] of growthValues) {
        if (lastYearOf.get(earlier)! < year) {
          growthValues.delete(earlier);
        }
      }
      // First uses come in the order the states were left in: each path's next growth draw is this one.
      assert(laterGrowths[growthsDrawn] === distribution, PHASE_DRAW_ORDER_MESSAGE);
      growthsDrawn += 1;
      const sampler = makeSampler(distribution, 'growthFactor');
      values = new Float64Array(n);
      const state = new Array<number>(width).fill(0);
      for (let i = 0; i < n; i += 1) {
        const at = width * i;
        for (let w = 0; w < width; w += 1) {
          state[w] = growthStates[at + w]!;
        }
        const path = rng.fromState(state);
        values[i] = atLeastMinusOne(sampler(path.draw()));
        const next = path.state();
        for (let w = 0; w < width; w += 1) {
          growthStates[at + w] = next[w]!;
        }
      }
      growthValues.set(distribution, values);
    }
    return values;
  };
  const yearlySamplers = new Map<Distribution, Sampler>();
  for (const distribution of uncertain.growthByYear) {
    if (distribution !== null && uncertain.resample === 'yearly' && !yearlySamplers.has(distribution)) {
      yearlySamplers.set(distribution, makeSampler(distribution, 'growthFactor'));
    }
  }

  const { years, base } = input;
  const perYear = PERIODS_PER_YEAR[input.step];
  const periods = years * perYear;
  const market = base.kind === 'marketCap';
  const baseValues = uncertain.base === null ? null : perPath.get(uncertain.base)!.values;
  const basePoint = (base.kind === 'tvl' ? base.tvl : base.marketCap).toNumber();
  const from = market ? (uncertain.utilizationFrom === null ? null : perPath.get(uncertain.utilizationFrom)!.values) : null;
  const to = market ? (uncertain.utilizationTo === null ? null : perPath.get(uncertain.utilizationTo)!.values) : null;
  const fromPoint = market ? base.utilization.from.toNumber() : 1;
  const toPoint = market ? base.utilization.to.toNumber() : 1;
  const targetValue = target === null ? null : target.toNumber();

  const level = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    level[i] = baseValues === null ? basePoint : baseValues[i]!;
  }
  const tvl = new Float64Array(n);
  const marketCap = market ? new Float64Array(n) : null;
  const utilization = market && (from !== null || to !== null) ? new Float64Array(n) : null;
  const reached = targetValue === null ? null : new Uint8Array(n);
  const rising = targetValue === null ? null : new Uint8Array(n);
  let growth: Float64Array | number = 0;
  const marketCapVaries = uncertain.base !== null || uncertain.growthByYear.some((distribution) => distribution !== null);
  const yearly = new Float64Array(uncertain.resample === 'yearly' ? n : 0);

  const rows: SimulatedRow[] = [];
  // The same schedule as the exact path (pathSchedule), in float64.
  for (const { index, subperiod, closesYear, opensYear, partYear, rampShare } of pathSchedule(years, input.step)) {
    if (closesYear !== null) {
      for (let i = 0; i < n; i += 1) {
        level[i] = level[i]! * (1 + (typeof growth === 'number' ? growth : growth[i]!));
      }
    }
    if (opensYear !== null) {
      growth = growthOfYear(opensYear);
    }
    const fraction = partYear === null ? 0 : partYear[0] / partYear[1];
    const along = rampShare[0] / rampShare[1];
    let reachedCount = 0;
    for (let i = 0; i < n; i += 1) {
      let amount = level[i]!;
      if (subperiod > 0) {
        amount *= Math.pow(1 + (typeof growth === 'number' ? growth : growth[i]!), fraction);
      }
      let value = amount;
      if (market) {
        const u0 = from === null ? fromPoint : from[i]!;
        const u1 = to === null ? toPoint : to[i]!;
        const u = u0 + (u1 - u0) * along;
        marketCap![i] = amount;
        if (utilization !== null) {
          utilization[i] = u;
        }
        value = amount * u;
      }
      tvl[i] = value;
      if (reached !== null) {
        if (index === 0) {
          rising![i] = targetValue! >= value ? 1 : 0;
        }
        if (reached[i] === 0 && (rising![i] === 1 ? value >= targetValue! : value <= targetValue!)) {
          reached[i] = 1;
        }
        reachedCount += reached[i]!;
      }
    }
    // A utilization that is one draw per path (the same at both ends) has the same percentiles every period.
    const utilizationQuantiles =
      utilization === null ? null : index > 0 && uncertain.utilizationFrom === uncertain.utilizationTo ? rows[0]!.utilization : quantiles(utilization);
    // A market cap with nothing uncertain in it is the same on every path: its percentiles are that value.
    const marketCapQuantiles = marketCap === null ? null : marketCapVaries ? quantiles(marketCap) : constantQuantiles(marketCap[0]!);
    const row: SimulatedRow = {
      tvl: quantiles(tvl),
      marketCap: marketCapQuantiles,
      utilization: utilizationQuantiles,
      targetProbability: reached === null ? null : reachedCount / n,
    };
    if (![row.tvl, row.marketCap].every((q) => q === null || (Number.isFinite(q.mean) && Number.isFinite(q.p95)))) {
      return { ok: false, overflow: true };
    }
    rows.push(row);
    options.onProgress?.((index + 1) / (periods + 1));
  }
  return { ok: true, rows };

  /** The growth of year k for every path: one number when it is exact, else one per path. */
  function growthOfYear(k: number): Float64Array | number {
    const distribution = uncertain.growthByYear[k] ?? null;
    if (distribution === null) {
      return input.growthByYear[k]!.toNumber();
    }
    if (uncertain.resample === 'path') {
      return pathGrowth(distribution, k);
    }
    const sampler = yearlySamplers.get(distribution)!;
    for (let i = 0; i < n; i += 1) {
      yearly[i] = atLeastMinusOne(sampler(draw()));
    }
    return yearly;
  }
}

function constantQuantiles(value: number): Quantiles {
  return { mean: value, p5: value, p25: value, p50: value, p75: value, p95: value };
}

function atLeastZero(x: number): number {
  return x < 0 ? 0 : x;
}

function withinZeroOne(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

function atLeastMinusOne(x: number): number {
  return x < -1 ? -1 : x;
}
