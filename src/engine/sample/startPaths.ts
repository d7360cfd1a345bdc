import type { D } from '../decimal.js';
import type { TvlInput } from '../types.js';
import type { PathDraws } from './drawPerPath.js';
import type { UncertainInputs } from './uncertainInputs.js';

/**
 * The figures of every path at the period being computed, one value per path in each array, and
 * what they are computed from. Arrays that a case does not need are null.
 */
export interface PathFigures {
  /** The amount (TVL or market cap) at the last year end. */
  readonly level: Float64Array;
  readonly tvl: Float64Array;
  readonly marketCap: Float64Array | null;
  readonly utilization: Float64Array | null;
  /** Utilization at the start and end of the ramp, per path where drawn; null where exact (or a TVL case). */
  readonly from: Float64Array | null;
  readonly to: Float64Array | null;
  readonly fromPoint: number;
  readonly toPoint: number;
  readonly targetValue: number | null;
  /** 1 where the path has reached the target; null without a target. */
  readonly reached: Uint8Array | null;
  /** 1 where the path starts at or below the target (it must rise to reach it); null without a target. */
  readonly rising: Uint8Array | null;
}

/** The figures of every path before the first period: each level at its drawn (or exact) start. */
export function startPaths(input: TvlInput, uncertain: UncertainInputs, draws: PathDraws, target: D | null, n: number): PathFigures {
  const { base } = input;
  const market = base.kind === 'marketCap';
  const drawn = (distribution: UncertainInputs['base']): Float64Array | null => (distribution === null ? null : draws.values.get(distribution)!);
  const baseValues = drawn(uncertain.base);
  const basePoint = (base.kind === 'tvl' ? base.tvl : base.marketCap).toNumber();
  const from = market ? drawn(uncertain.utilizationFrom) : null;
  const to = market ? drawn(uncertain.utilizationTo) : null;
  const targetValue = target === null ? null : target.toNumber();
  const level = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    level[i] = baseValues === null ? basePoint : baseValues[i]!;
  }
  return {
    level,
    tvl: new Float64Array(n),
    marketCap: market ? new Float64Array(n) : null,
    utilization: market && (from !== null || to !== null) ? new Float64Array(n) : null,
    from,
    to,
    fromPoint: market ? base.utilization.from.toNumber() : 1,
    toPoint: market ? base.utilization.to.toNumber() : 1,
    targetValue,
    reached: targetValue === null ? null : new Uint8Array(n),
    rising: targetValue === null ? null : new Uint8Array(n),
  };
}
