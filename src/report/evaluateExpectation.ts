import { D } from '../engine/decimal.js';
import type { ExpectTarget } from '../scenario/expectationSchema.js';

export interface Evaluation {
  readonly passed: boolean;
  readonly difference: D | null;
}

/**
 * Compares a computed figure with what the file expects: exactly, within a relative or
 * absolute tolerance, or between bounds. Pure decimal comparison, no rounding.
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
  const gap = got.minus(expected).abs();
  const { tolerance } = target;
  const passed =
    tolerance.kind === 'exact'
      ? gap.isZero()
      : tolerance.kind === 'relative'
        ? gap.lte(tolerance.rate.value.times(expected.abs()))
        : gap.lte(tolerance.amount.value);
  return { passed, difference: relative(got, expected) };
}

function relative(got: D, expected: D): D | null {
  return expected.isZero() ? null : got.minus(expected).div(expected.abs());
}
