import { Decimal } from 'decimal.js';

/**
 * The one Decimal constructor of btcfi: 40 significant digits, banker's rounding.
 * A clone, so no global Decimal setting is ever changed.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

export type D = Decimal;
