import { assert } from './assert.js';
import {
  GROWTH_BELOW_MINUS_ONE_MESSAGE,
  GROWTH_LENGTH_MESSAGE,
  NEGATIVE_AMOUNT_MESSAGE,
  NEGATIVE_HORIZON_MESSAGE,
  UTILIZATION_RANGE_MESSAGE,
} from './messages.js';
import type { TvlInput } from './types.js';

/** The invariants projectTvl checks, for the functions that compute one period of the same path. */
export function assertTvlInput(input: TvlInput): void {
  const { years, base, growthByYear } = input;
  assert(Number.isInteger(years) && years >= 0, NEGATIVE_HORIZON_MESSAGE);
  assert(growthByYear.length === years, GROWTH_LENGTH_MESSAGE);
  assert(growthByYear.every((rate) => rate.gte(-1)), GROWTH_BELOW_MINUS_ONE_MESSAGE);
  assert((base.kind === 'tvl' ? base.tvl : base.marketCap).gte(0), NEGATIVE_AMOUNT_MESSAGE);
  if (base.kind === 'marketCap') {
    const { from, to } = base.utilization;
    assert([from, to].every((u) => u.gte(0) && u.lte(1)), UTILIZATION_RANGE_MESSAGE);
  }
}
