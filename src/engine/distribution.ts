import { D } from './decimal.js';

/**
 * An uncertain figure. `5% to 10%` is a lognormal whose 5th and 95th percentiles are the two
 * bounds (Squiggle's convention); for a growth rate the lognormal is of the factor 1 + g, so
 * `-20% to 30%` works. The other forms are written out: {normal: {mean, sd}},
 * {lognormal: {p5, p95}}, {uniform: [low, high]}, {triangular: [low, mode, high]}.
 */
export type Distribution =
  | { readonly kind: 'lognormal'; readonly p5: D; readonly p95: D }
  | { readonly kind: 'normal'; readonly mean: D; readonly sd: D }
  | { readonly kind: 'uniform'; readonly low: D; readonly high: D }
  | { readonly kind: 'triangular'; readonly low: D; readonly mode: D; readonly high: D };

/** Whether a lognormal applies to the figure itself or, for growth, to the factor 1 + g. */
export type LognormalOf = 'value' | 'growthFactor';

/** The smallest and largest figure a distribution is written with, for range checks. */
export function distributionBounds(distribution: Distribution): { readonly low: D; readonly high: D } {
  switch (distribution.kind) {
    case 'lognormal':
      return { low: distribution.p5, high: distribution.p95 };
    case 'normal':
      return { low: distribution.mean, high: distribution.mean };
    case 'uniform':
    case 'triangular':
      return { low: distribution.low, high: distribution.high };
  }
}

/**
 * The median: the figure a deterministic run uses for an uncertain input, exact where it can be
 * (a lognormal's is the geometric mean of its 5th and 95th percentiles).
 */
export function distributionMedian(distribution: Distribution, of: LognormalOf): D {
  switch (distribution.kind) {
    case 'lognormal': {
      const shift = of === 'growthFactor' ? new D(1) : new D(0);
      return distribution.p5.plus(shift).times(distribution.p95.plus(shift)).sqrt().minus(shift);
    }
    case 'normal':
      return distribution.mean;
    case 'uniform':
      return distribution.low.plus(distribution.high).div(2);
    case 'triangular': {
      const { low, mode, high } = distribution;
      const middle = low.plus(high).div(2);
      return mode.gte(middle)
        ? low.plus(high.minus(low).times(mode.minus(low)).div(2).sqrt())
        : high.minus(high.minus(low).times(high.minus(mode)).div(2).sqrt());
    }
  }
}

/** A distribution that can take one value only (`5% to 5%`, sd 0): it is that value, exactly. */
export function degenerateValue(distribution: Distribution): D | null {
  switch (distribution.kind) {
    case 'lognormal':
      return distribution.p5.eq(distribution.p95) ? distribution.p5 : null;
    case 'normal':
      return distribution.sd.isZero() ? distribution.mean : null;
    case 'uniform':
    case 'triangular':
      return distribution.low.eq(distribution.high) ? distribution.low : null;
  }
}
