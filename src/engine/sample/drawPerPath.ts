import type { Distribution, LognormalOf } from '../distribution.js';
import { makeSampler, type Sampler } from './makeSampler.js';
import type { RandomSource } from './randomSource.js';
import type { UncertainInputs } from './uncertainInputs.js';

/** The draws made for every path before its first year, and where each path's growth draws start. */
export interface PathDraws {
  /** The figures drawn once per path (a TVL or market cap, utilization), one value per path each. */
  readonly values: ReadonlyMap<Distribution, Float64Array>;
  /** The growths drawn once per path (resample: path), in the order each path draws them. */
  readonly laterGrowths: readonly Distribution[];
  /** Each path's generator state at its next growth draw, as many integers a path as the state has. */
  readonly growthStates: Int32Array;
}

/**
 * Draws, sample by sample, every distribution drawn once per path, in order of first use: the
 * base and utilization now, then each growth of a phase (in path mode), year by year.
 *
 * A path's growth draws come after its other draws in the stream, but up to 200 phases of
 * `samples` values would not fit in memory. So each path keeps the generator's state at its next
 * growth draw (16 bytes) and the stream skips past them; a phase's growths are drawn from those
 * states when its first year comes (makeGrowthOfYear): the same numbers, with memory for one
 * phase at a time.
 */
export function drawPerPath(uncertain: UncertainInputs, n: number, rng: RandomSource): PathDraws {
  const draw = rng.draw;
  const width = rng.state().length;
  const perPath = new Map<Distribution, { sampler: Sampler; values: Float64Array; clamp: (x: number) => number }>();
  const addPerPath = (distribution: Distribution | null, of: LognormalOf, clamp: (x: number) => number): void => {
    if (distribution !== null && !perPath.has(distribution)) {
      perPath.set(distribution, { sampler: makeSampler(distribution, of), values: new Float64Array(n), clamp });
    }
  };
  addPerPath(uncertain.base, 'value', atLeastZero);
  addPerPath(uncertain.utilizationFrom, 'value', withinZeroOne);
  addPerPath(uncertain.utilizationTo, 'value', withinZeroOne);
  const laterGrowths = uncertain.resample === 'path' ? [...new Set(uncertain.growthByYear.filter((d): d is Distribution => d !== null))] : [];
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
  const values = new Map<Distribution, Float64Array>();
  for (const [distribution, { values: drawnValues }] of perPath) {
    values.set(distribution, drawnValues);
  }
  return { values, laterGrowths, growthStates };
}

function atLeastZero(x: number): number {
  return x < 0 ? 0 : x;
}

function withinZeroOne(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
