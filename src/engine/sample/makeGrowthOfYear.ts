import { assert } from '../assert.js';
import type { Distribution } from '../distribution.js';
import { PHASE_DRAW_ORDER_MESSAGE } from '../messages.js';
import type { TvlInput } from '../types.js';
import type { PathDraws } from './drawPerPath.js';
import { makeSampler, type Sampler } from './makeSampler.js';
import type { RandomSource } from './randomSource.js';
import type { UncertainInputs } from './uncertainInputs.js';

/** The growth of year k for every path: one number when it is exact, else one per path. */
export type GrowthOfYear = (k: number) => Float64Array | number;

/**
 * The growth of each year, asked for year by year in order: the exact growth, the growth of a
 * phase drawn once per path (drawn from the saved states of drawPerPath at the phase's first
 * year), or a growth drawn anew each year (resample: yearly) from the generator's stream. A yearly
 * draw reuses one array, so a year's growths are valid until the next year is asked for.
 */
export function makeGrowthOfYear(input: TvlInput, uncertain: UncertainInputs, draws: PathDraws, n: number, rng: RandomSource): GrowthOfYear {
  const draw = rng.draw;
  const pathGrowth = uncertain.resample === 'path' ? makePathGrowth(uncertain, draws, n, rng) : null;
  const yearlySamplers = new Map<Distribution, Sampler>();
  for (const distribution of uncertain.growthByYear) {
    if (distribution !== null && uncertain.resample === 'yearly' && !yearlySamplers.has(distribution)) {
      yearlySamplers.set(distribution, makeSampler(distribution, 'growthFactor'));
    }
  }
  const yearly = new Float64Array(uncertain.resample === 'yearly' ? n : 0);
  return (k) => {
    const distribution = uncertain.growthByYear[k] ?? null;
    if (distribution === null) {
      return input.growthByYear[k]!.toNumber();
    }
    if (pathGrowth !== null) {
      return pathGrowth(distribution, k);
    }
    const sampler = yearlySamplers.get(distribution)!;
    for (let i = 0; i < n; i += 1) {
      yearly[i] = atLeastMinusOne(sampler(draw()));
    }
    return yearly;
  };
}

/** The values of a growth drawn once per path, drawing them (and forgetting finished phases) at first use. */
function makePathGrowth(uncertain: UncertainInputs, draws: PathDraws, n: number, rng: RandomSource): (distribution: Distribution, year: number) => Float64Array {
  const { laterGrowths, growthStates } = draws;
  const width = rng.state().length;
  const lastYearOf = new Map<Distribution, number>();
  uncertain.growthByYear.forEach((distribution, year) => distribution !== null && lastYearOf.set(distribution, year));
  const growthValues = new Map<Distribution, Float64Array>();
  let growthsDrawn = 0;
  return (distribution, year) => {
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
}

function atLeastMinusOne(x: number): number {
  return x < -1 ? -1 : x;
}
