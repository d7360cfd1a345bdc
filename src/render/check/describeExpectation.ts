import type { ExpectationResult, ExpectField, ExpectTarget } from '../../report/checkTypes.js';
import { D } from '../../engine/decimal.js';
import type { Unit } from '../../core/unit.js';
import { formatAmount, formatRate, plainFigure } from '../formatNumber.js';
import { visible } from '../../core/visibleText.js';

/** Significant digits of a computed figure in check reports: enough to see why a tight check failed. */
const GOT_DIGITS = 10;

/** What the file expects, in its own words (their visible form): `770.6B within 0.5%`, `1B ± 1M`, `at least 700B`. */
export function describeTarget(target: ExpectTarget, unit: Unit = 'USD', locale = 'en-US'): string {
  return visible(describeTargetText(target, unit, locale));
}

function describeTargetText(target: ExpectTarget, unit: Unit, locale: string): string {
  if (target.kind === 'reference') {
    // `below eth-defi ($238B)`, `equals eth-defi ($238B) within 0.5%`.
    const level = target.level === null ? '' : ` (${formatAmount(target.level, unit, locale)})`;
    const tolerance = target.tolerance.kind === 'relative' ? ` within ${target.tolerance.rate.text}` : target.tolerance.kind === 'absolute' ? ` ± ${target.tolerance.amount.text}` : '';
    return `${target.relation === 'equals' ? 'equal to' : target.relation} ${target.reference}${level}${tolerance}`;
  }
  if (target.kind === 'bounds') {
    const { atLeast, atMost } = target;
    if (atLeast !== null && atMost !== null) {
      return `between ${atLeast.text} and ${atMost.text}`;
    }
    return atLeast !== null ? `at least ${atLeast.text}` : `at most ${atMost!.text}`;
  }
  const { figure, tolerance } = target;
  switch (tolerance.kind) {
    case 'exact':
      return figure.text;
    case 'relative':
      return `${figure.text} within ${tolerance.rate.text}`;
    case 'absolute':
      return `${figure.text} ± ${tolerance.amount.text}`;
  }
}

export function describeGot(field: ExpectField, got: D, unit: Unit, locale: string): string {
  return field === 'utilization' ? formatRate(got, locale, false, GOT_DIGITS) : formatAmount(got, unit, locale, GOT_DIGITS);
}

/** A relative difference in percent, 4 significant digits; `≈0%` when it is not zero but rounds to it. */
export function describeDifference(difference: D | null, locale: string): string {
  if (difference === null) {
    return '';
  }
  if (!difference.isZero() && difference.abs().lt('0.000001')) {
    return ' (≈0%)';
  }
  return ` (${formatRate(difference, locale, true)})`;
}

/** `defi-2031 · rounded · 2031 · tvl`: which figure of which scenario, case and period (`every period` for a reference's above or below without one). */
export function describeSubject(scenario: string, result: ExpectationResult): string {
  return [scenario, result.case, result.expectation.period ?? 'every period', result.expectation.statistic ?? result.expectation.field].filter((part) => part !== null).map(visible).join(' · ');
}

/**
 * For a failed expectation whose figures look equal at the digits a report shows: both figures
 * at 40 significant digits, the significant digit where they part, and the relative difference
 * in scientific form (`1.0e-40`), so that a check that failed on its last digits says why.
 * Empty otherwise.
 */
export function describeNearMiss(result: ExpectationResult): string {
  if (result.passed) {
    return '';
  }
  const { target } = result.expectation;
  const belowLeast = target.kind === 'bounds' && target.atLeast !== null && result.got.lt(target.atLeast.value);
  const expected = target.kind === 'value' ? target.figure.value : target.kind === 'reference' ? target.level ?? undefined : belowLeast ? target.atLeast!.value : target.atMost?.value;
  if (expected === undefined || !lookEqual(result.got, expected)) {
    return '';
  }
  const want = plainFigure(expected);
  const got = plainFigure(result.got);
  const from = firstDifferentDigit(want, got);
  const relative = result.difference === null || result.difference.isZero() ? '' : `, relative difference ${scientific(result.difference)}`;
  const label = target.kind === 'value' ? 'expected' : target.kind === 'reference' ? target.relation : belowLeast ? 'at least' : 'at most';
  return ` — to 40 digits: ${label} ${want}, got ${got}${from === null ? '' : ` (parting at significant digit ${from})`}${relative}`;
}

function lookEqual(got: D, expected: D): boolean {
  return got.toSignificantDigits(GOT_DIGITS, D.ROUND_HALF_EVEN).eq(expected.toSignificantDigits(GOT_DIGITS, D.ROUND_HALF_EVEN));
}

/** The position (1 = the first) of the first significant digit where two plain figures differ, or null when their digits agree. */
function firstDifferentDigit(a: string, b: string): number | null {
  const digits = (text: string): string => text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  const [x, y] = [digits(a), digits(b)];
  // Both are aligned at their leading digit only when they have the same magnitude; otherwise they part at the first.
  if (a.replace(/^-/, '').split('.')[0]!.replace(/^0+/, '').length !== b.replace(/^-/, '').split('.')[0]!.replace(/^0+/, '').length) {
    return 1;
  }
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    if ((x[i] ?? '0') !== (y[i] ?? '0')) {
      return i + 1;
    }
  }
  return null;
}

/** A relative difference in scientific form, two significant digits: `-2.6e-40`, `1.0e-12`. */
export function scientific(value: D): string {
  return value.toExponential(1, D.ROUND_HALF_EVEN);
}

/** The figure a result got, as describeGot writes it; a share of paths (p_target) as a rate. */
export function describeResultGot(result: ExpectationResult, unit: Unit, locale: string): string {
  return describeGot(result.expectation.statistic === 'p_target' ? 'utilization' : result.expectation.field, result.got, unit, locale);
}

/**
 * Which figure was evaluated, for a case with ranges: ` [exact path at the medians of the ranges]`
 * for tvl, market_cap or utilization (what project prints without sampling), or
 * ` [sampled p50 of 10,000 paths, seed 1]`. Empty for an exact case.
 */
export function describeBasis(result: ExpectationResult): string {
  const basis = result.basis;
  if (basis === undefined || basis.kind === 'exact') {
    return '';
  }
  if (basis.kind === 'median-path') {
    return ' [exact path at the medians of the ranges]';
  }
  const samples = basis.samples.toLocaleString('en-US');
  const what = basis.statistic === 'p_target' ? 'share of paths at the target' : basis.statistic;
  return ` [sampled ${what}, ${samples} paths, seed ${basis.seed}]`;
}
