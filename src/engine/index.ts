export { D } from './decimal.js';
export { compound } from './compound.js';
export { discount } from './discount.js';
export { projectTvl } from './projectTvl.js';
export { PERIODS_PER_YEAR } from './types.js';
export type { Step, TvlBase, TvlInput, TvlPath, TvlPoint, UtilizationRamp } from './types.js';
