import type { TvlInput } from '../types.js';
import type { Distribution, LognormalOf } from '../distribution.js';
import { makeSampler } from './makeSampler.js';

/** The largest uniform draw the generator gives: uniformFloat64 is a multiple of 2^-53 below 1. */
const LARGEST_DRAW = 1 - 2 ** -53;

/**
 * Sampled figures at or below 10^this stay finite through every step of a simulation: the
 * mean adds up to 10,000,000 of them, which leaves 10^307, below float64's 1.8 × 10^308.
 */
export const MAX_SAMPLED_LOG10 = 300;

/** What may vary in a case, as simulateCase reads it. */
export interface SampledInputs {
  readonly base: Distribution | null;
  readonly growthByYear: readonly (Distribution | null)[];
}

/**
 * log10 of the largest figure any sampled path of the case can reach, over any number of
 * samples and any seed: the largest start a draw can give, grown every year by the largest
 * factor a draw can give (or by nothing, when that factor is below 1). Every sampler is its
 * distribution's quantile function, increasing in the draw, so its largest value is at the
 * largest draw. Utilization is at most 1, so the TVL is at most the market cap. -Infinity for a
 * start of zero; Infinity when a draw itself passes float64's range.
 */
export function maxSampledLog10(input: TvlInput, uncertain: SampledInputs): number {
  const { base } = input;
  const largest = (distribution: Distribution, of: LognormalOf, floor: number): number => Math.max(floor, makeSampler(distribution, of)(LARGEST_DRAW));
  const start = uncertain.base === null ? (base.kind === 'tvl' ? base.tvl : base.marketCap).toNumber() : largest(uncertain.base, 'value', 0);
  let log10 = Math.log10(start);
  // A path mostly holds one rate object year after year: its log is taken once per run of it.
  let lastRate: TvlInput['growthByYear'][number] | null = null;
  let lastLog10 = 0;
  input.growthByYear.forEach((rate, year) => {
    const distribution = uncertain.growthByYear[year] ?? null;
    if (distribution === null) {
      if (rate !== lastRate) {
        lastRate = rate;
        lastLog10 = Math.log10(Math.max(1, 1 + rate.toNumber()));
      }
      log10 += lastLog10;
      return;
    }
    log10 += Math.log10(Math.max(1, 1 + largest(distribution, 'growthFactor', -1)));
  });
  return Number.isNaN(log10) ? Infinity : log10;
}
