// Every engine assertion message. Once input has been validated, one of these
// firing means btcfi has a bug, not that the user made a mistake.
export const NEGATIVE_HORIZON_MESSAGE = 'The horizon in years must be a whole number of at least 0.';
export const GROWTH_LENGTH_MESSAGE = 'There must be exactly one growth rate per year of the horizon.';
export const GROWTH_BELOW_MINUS_ONE_MESSAGE = 'A growth rate cannot be below -100%.';
export const NEGATIVE_AMOUNT_MESSAGE = 'An amount cannot be negative.';
export const UTILIZATION_RANGE_MESSAGE = 'A utilization must lie between 0 and 1.';
export const NEGATIVE_SPAN_MESSAGE = 'A span of years cannot be negative.';
export const DISCOUNT_AT_MINUS_ONE_MESSAGE = 'Nothing can be discounted at a growth rate of -100%.';
export const NEGATIVE_SOLVE_AMOUNT_MESSAGE = 'The amounts of a solve cannot be negative.';
export const LN_ONE_PLUS_DOMAIN_MESSAGE = 'ln(1 + x) needs x above -1.';
export const FIT_POINTS_MESSAGE = 'A log-linear fit needs at least two points at different times.';
export const FIT_POSITIVE_MESSAGE = 'A log-linear fit needs every value above zero.';
export const LN_RATIO_POSITIVE_MESSAGE = 'ln(to / from) needs both amounts above zero.';
export const PERIOD_INDEX_MESSAGE = 'The period index must be a whole number from 0 to the last period of the horizon.';
export const GROWTH_TO_PERIOD_MESSAGE = 'There must be a growth rate for every year up to the period.';
export const PHASE_DRAW_ORDER_MESSAGE = 'The growths of phases must be drawn in the order they are first used.';
export const POWER_DOMAIN_MESSAGE = 'A power needs a base of at least 0 and a whole numerator and denominator (at least 1).';
export const SUBPERIOD_MESSAGE = 'A part of a year is 1 to periods per year - 1 periods.';
export const CROSSING_MESSAGE = 'A crossing needs the level between the two figures of a step (reached by the second), and whole, non-negative period numbers.';
