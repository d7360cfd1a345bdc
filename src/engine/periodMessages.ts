// Assertion messages of the point-in-time functions (tvlAtPeriod and its parts). They belong
// in messages.ts with the others; they sit here only because that file was not ours to edit.
export const PERIOD_INDEX_MESSAGE = 'The period index must be a whole number from 0 to the last period of the horizon.';
export const GROWTH_TO_PERIOD_MESSAGE = 'There must be a growth rate for every year up to the period.';
