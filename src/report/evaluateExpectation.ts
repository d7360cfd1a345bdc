import { D, PRINTED_DIGITS } from '../engine/decimal.js';
import type { ExpectTarget } from '../scenario/expectationSchema.js';

export interface Evaluation {
  readonly passed: boolean;
  readonly difference: D | null;
}

/**
 * Compares a computed figure with what the file expects: exactly, within a relative or
 * absolute tolerance, or between bounds. Tolerances and bounds compare the engine's value; exact
 * compares the figure as printed (the value correctly rounded to 40 significant digits).
 */
export function evaluateExpectation(target: ExpectTarget, got: D): Evaluation {
  if (target.kind === 'bounds') {
    const { atLeast, atMost } = target;
    if (atLeast !== null && got.lt(atLeast.value)) {
      return { passed: false, difference: relative(got, atLeast.value) };
    }
    if (atMost !== null && got.gt(atMost.value)) {
      return { passed: false, difference: relative(got, atMost.value) };
    }
    return { passed: true, difference: null };
  }
  const expected = target.figure.value;
  const { tolerance } = target;
  // Exact: the figure as printed (the value correctly rounded to 40 digits) is the one expected.
  const compared = tolerance.kind === 'exact' ? got.toSignificantDigits(PRINTED_DIGITS, D.ROUND_HALF_EVEN) : got;
  const gap = compared.minus(expected).abs();
  const passed =
    tolerance.kind === 'exact'
      ? gap.isZero()
      : tolerance.kind === 'relative'
        ? gap.lte(tolerance.rate.value.times(expected.abs()))
        : gap.lte(tolerance.amount.value);
  return { passed, difference: relative(compared, expected) };
}

function relative(got: D, expected: D): D | null {
  return expected.isZero() ? null : got.minus(expected).div(expected.abs());
}
