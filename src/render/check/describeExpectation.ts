import type { ExpectationResult, ExpectField, ExpectTarget } from '../../report/checkTypes.js';
import type { D } from '../../engine/decimal.js';
import type { Unit } from '../../core/unit.js';
import { formatAmount, formatRate } from '../formatNumber.js';
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
  return [scenario, result.case, result.expectation.period ?? 'every period', result.expectation.field].filter((part) => part !== null).map(visible).join(' · ');
}
