import { makeFactors } from './makeFactors.js';
import type { TvlInput, TvlPath } from './types.js';
import { walkPath } from './walkPath.js';

/** The whole path of walkPath, as an array: for short paths and tests (a report streams walkPath instead). */
export function projectTvl(input: TvlInput): TvlPath {
  return Array.from(walkPath(input, makeFactors()));
}
