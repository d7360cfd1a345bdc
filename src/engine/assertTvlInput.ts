import { assert } from './assert.js';
import {
  GROWTH_BELOW_MINUS_ONE_MESSAGE,
  GROWTH_LENGTH_MESSAGE,
  NEGATIVE_AMOUNT_MESSAGE,
  NEGATIVE_HORIZON_MESSAGE,
  UTILIZATION_RANGE_MESSAGE,
} from './messages.js';
import type { TvlInput } from './types.js';
import { P } from './decimal.js';

const MINUS_ONE = new P(-1);

/** The invariants projectTvl checks, for the functions that compute one period of the same path. */
export function assertTvlInput(input: TvlInput): void {
  const { years, base, growthByYear } = input;
  assert(Number.isInteger(years) && years >= 0, NEGATIVE_HORIZON_MESSAGE);
  assert(growthByYear.length === years, GROWTH_LENGTH_MESSAGE);
  // A rate repeats (the same object) for every year of a phase: each is compared once.
  let checked: unknown = null;
  assert(growthByYear.every((rate) => rate === checked || (checked = rate).gte(MINUS_ONE)), GROWTH_BELOW_MINUS_ONE_MESSAGE);
  assert((base.kind === 'tvl' ? base.tvl : base.marketCap).gte(0), NEGATIVE_AMOUNT_MESSAGE);
  if (base.kind === 'marketCap') {
    const { from, to } = base.utilization;
    assert([from, to].every((u) => u.gte(0) && u.lte(1)), UTILIZATION_RANGE_MESSAGE);
  }
}
