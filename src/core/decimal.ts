import { Decimal } from 'decimal.js';

/**
 * The Decimal constructor of figures as btcfi reads and prints them: 40 significant digits,
 * banker's rounding. A clone, so no global Decimal setting is ever changed.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

export type D = Decimal;

/** Significant digits of every printed figure: the exact value, rounded half to even once, at the output. */
export const PRINTED_DIGITS = 40;

/**
 * The engine's working precision: 60 significant digits, 20 guard digits beyond the 40 printed,
 * so that the roundings of a path (up to 2,400 periods) stay far below the last printed digit.
 * Arithmetic rounds to the precision of its left operand's constructor: the engine turns its
 * inputs into P before it computes.
 */
export const P = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
