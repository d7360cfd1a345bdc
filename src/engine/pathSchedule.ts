import { PERIODS_PER_YEAR, type Step } from './types.js';

/** What happens at one period of a path: the compounding rule, apart from the arithmetic. */
export interface PeriodStep {
  /** 0 for the first period, then 1, 2, ... */
  readonly index: number;
  /** Whole years since the first period. */
  readonly year: number;
  /** Period within that year. */
  readonly subperiod: number;
  /** At a year end after the first: the year whose growth takes the previous year end to this one (year - 1); otherwise null. */
  readonly closesYear: number | null;
  /** At a year end before the horizon: the year whose growth applies until the next year end (year); otherwise null. */
  readonly opensYear: number | null;
  /** Inside a year: the exponent of its growth factor, subperiod / periods per year, as its two whole numbers; null at a year end. */
  readonly partYear: readonly [number, number] | null;
  /** How far along a utilization ramp the period is: index / periods (0 for a path of one period). */
  readonly rampShare: readonly [number, number];
}

/**
 * The periods of a path of `years` years at `step`, in order, and what each does: a year end
 * multiplies the year end before it by 1 + the growth of the year just closed; a period inside a
 * year multiplies the last year end by (1 + g)^(subperiod / periods per year); a utilization ramp
 * moves by index / periods. walkPath computes this in decimals, sampling in float64.
 */
export function* pathSchedule(years: number, step: Step): Generator<PeriodStep, void, undefined> {
  const perYear = PERIODS_PER_YEAR[step];
  const periods = years * perYear;
  for (let index = 0; index <= periods; index += 1) {
    const year = Math.floor(index / perYear);
    const subperiod = index % perYear;
    yield {
      index,
      year,
      subperiod,
      closesYear: subperiod === 0 && year > 0 ? year - 1 : null,
      opensYear: subperiod === 0 && year < years ? year : null,
      partYear: subperiod === 0 ? null : [subperiod, perYear],
      rampShare: [periods === 0 ? 0 : index, periods === 0 ? 1 : periods],
    };
  }
}
