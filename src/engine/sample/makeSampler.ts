import type { Distribution, LognormalOf } from '../distribution.js';
import { normalQuantile, Z95 } from './normalQuantile.js';

/** Draws one figure from a uniform draw u in [0, 1). */
export type Sampler = (u: number) => number;

/**
 * A sampler for a distribution, in float64: the decimals of the scenario are converted here, at
 * the border, because sampling error is orders of magnitude above float rounding. Every sampler
 * is the distribution's quantile function, so one uniform draw makes one figure.
 */
export function makeSampler(distribution: Distribution, of: LognormalOf): Sampler {
  switch (distribution.kind) {
    case 'lognormal': {
      const shift = of === 'growthFactor' ? 1 : 0;
      const low = Math.log(distribution.p5.toNumber() + shift);
      const high = Math.log(distribution.p95.toNumber() + shift);
      const mu = (low + high) / 2;
      const sigma = (high - low) / (2 * Z95);
      return (u) => Math.exp(mu + sigma * normalQuantile(open(u))) - shift;
    }
    case 'normal': {
      const mean = distribution.mean.toNumber();
      const sd = distribution.sd.toNumber();
      return (u) => mean + sd * normalQuantile(open(u));
    }
    case 'uniform': {
      const low = distribution.low.toNumber();
      const width = distribution.high.toNumber() - low;
      return (u) => low + width * u;
    }
    case 'triangular': {
      const low = distribution.low.toNumber();
      const mode = distribution.mode.toNumber();
      const high = distribution.high.toNumber();
      const split = (mode - low) / (high - low);
      return (u) => (u < split ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode)));
    }
  }
}

/** Keeps a uniform draw off 0, where a normal quantile is infinite. */
function open(u: number): number {
  return u === 0 ? Number.MIN_VALUE : u;
}
