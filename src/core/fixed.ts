import { P } from '../engine/decimal.js';
import { powerOfTen } from './powerOfTen.js';

/**
 * A decimal m × 10^e held as a BigInt coefficient: the engine's arithmetic in the per-period step,
 * several times faster than decimal.js at 60 digits. Every operation (fixedTimes, fixedPlus,
 * fixedDivide) is the exact result rounded once, half to even, to FIXED_DIGITS significant digits:
 * the same rule, and so the same digits, as decimal.js's P (a property test holds the two to each other).
 */
export interface Fixed {
  /** The coefficient, with its sign. */
  readonly m: bigint;
  readonly e: number;
  /** Digits of |m| (0 for zero). */
  readonly digits: number;
}

/** P's precision. */
export const FIXED_DIGITS = P.precision;

export const FIXED_ZERO: Fixed = { m: 0n, e: 0, digits: 0 };

/** 10^FIXED_DIGITS: a rounded coefficient that reaches it has one digit too many. */
const ONE_PAST = powerOfTen(FIXED_DIGITS);

const HALVES: bigint[] = [];

/** 10^k / 2 for k of 1 or more, kept once computed: a division the less in every rounding. */
function halfPowerOfTen(k: number): bigint {
  return (HALVES[k] ??= powerOfTen(k) / 2n);
}

/** m × 10^e with `digits` digits, rounded to FIXED_DIGITS, half to even; `sticky` says something nonzero was cut off below m. */
export function roundFixed(m: bigint, e: number, digits: number, sticky = false): Fixed {
  if (m === 0n) {
    return FIXED_ZERO;
  }
  if (digits <= FIXED_DIGITS) {
    return { m, e, digits };
  }
  const negative = m < 0n;
  const magnitude = negative ? -m : m;
  const drop = digits - FIXED_DIGITS;
  // One division by half the divisor gives the quotient (t / 2) and which half the remainder is
  // in (t odd: at least half); exactly half only when t × half is the whole magnitude.
  const half = halfPowerOfTen(drop);
  const t = magnitude / half;
  let q = t >> 1n;
  if ((t & 1n) === 1n && (sticky || (q & 1n) === 1n || magnitude !== t * half)) {
    q += 1n;
  }
  let exponent = e + drop;
  if (q === ONE_PAST) {
    q = powerOfTen(FIXED_DIGITS - 1);
    exponent += 1;
  }
  return { m: negative ? -q : q, e: exponent, digits: FIXED_DIGITS };
}
