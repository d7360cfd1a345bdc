import { D, PRINTED_DIGITS } from '../engine/decimal.js';
import type { ExpectTarget, Tolerance } from '../scenario/expectationSchema.js';

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
  if (target.kind === 'reference') {
    return evaluateAgainstReference(target, got);
  }
  return evaluateAgainst(target.figure.value, target.tolerance, got);
}

/**
 * A TVL against a reference's level (found by the check): strictly above it, strictly below it,
 * or equal to it as a value is (the printed figure, or within the tolerance).
 */
export function evaluateAgainstReference(target: Extract<ExpectTarget, { kind: 'reference' }>, got: D): Evaluation {
  const level = target.level;
  if (level === null) {
    throw new Error(`the reference ${target.reference} was not looked up before evaluation`);
  }
  switch (target.relation) {
    case 'above':
      return { passed: got.gt(level), difference: relative(got, level) };
    case 'below':
      return { passed: got.lt(level), difference: relative(got, level) };
    case 'equals':
      return evaluateAgainst(level, target.tolerance, got);
  }
}

function evaluateAgainst(expected: D, tolerance: Tolerance, got: D): Evaluation {
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
