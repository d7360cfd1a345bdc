import type { Distribution } from '../distribution.js';

/** How an uncertain growth is drawn: once per path, or anew each year. */
export type Resample = 'path' | 'yearly';

/**
 * What varies in a case, beside the exact medians in its TvlInput. The same Distribution
 * object at two places (one growth for every year of a phase, one utilization as both ends of
 * a constant) is drawn once per path, unless `resample` is yearly.
 */
export interface UncertainInputs {
  readonly base: Distribution | null;
  readonly utilizationFrom: Distribution | null;
  readonly utilizationTo: Distribution | null;
  readonly growthByYear: readonly (Distribution | null)[];
  readonly resample: Resample;
}
