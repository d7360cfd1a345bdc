import { P, type D } from './decimal.js';
import type { Distribution, LognormalOf } from './distribution.js';

/**
 * A distribution times a positive factor: of a figure, x becomes x × factor (a price's range
 * times a supply is the market cap's range); of a growth, 1 + x becomes (1 + x) × factor (a
 * price's growth with the supply's issuance is the market cap's growth). Both maps increase, so
 * every percentile (and the median) maps the same way, and a sampled path is the one it was, scaled.
 */
export function scaleDistribution(distribution: Distribution, factor: D, of: LognormalOf): Distribution {
  const map = (x: D): D => (of === 'value' ? new P(x).times(factor) : new P(x).plus(1).times(factor).minus(1));
  switch (distribution.kind) {
    case 'lognormal':
      return { kind: 'lognormal', p5: map(distribution.p5), p95: map(distribution.p95) };
    case 'normal':
      return { kind: 'normal', mean: map(distribution.mean), sd: new P(distribution.sd).times(factor) };
    case 'uniform':
      return { kind: 'uniform', low: map(distribution.low), high: map(distribution.high) };
    case 'triangular':
      return { kind: 'triangular', low: map(distribution.low), mode: map(distribution.mode), high: map(distribution.high) };
  }
}
