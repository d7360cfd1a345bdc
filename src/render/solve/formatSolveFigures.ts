import { D } from '../../engine/decimal.js';
import type { Unit } from '../../core/unit.js';
import { plainFigure } from '../formatNumber.js';
import { group } from '../formatEnUs.js';

// Exact figures for the text of `btcfi solve`: every digit, in the scenario syntax, so an answer
// can be pasted back into a flag. Readable (rounded) figures come from formatNumber.ts.

const SCALES = [
  ['T', new D('1e12')],
  ['B', new D('1e9')],
  ['M', new D('1e6')],
] as const;

/** Every digit of an amount, scaled by T, B or M as an amount is written: `$769.526806517121024B`, `91,332 BTC`. */
export function formatExactAmount(value: D, unit: Unit): string {
  const scale = SCALES.find(([, size]) => value.abs().gte(size));
  const digits = scale === undefined ? grouped(value) : `${grouped(value.div(scale[1]))}${scale[0]}`;
  return unit === 'USD' ? `$${digits}` : `${digits} BTC`;
}

/** Every digit of a rate, as a percentage: `26.43523621155829706821108483252730842771%`. */
export function formatExactRate(value: D): string {
  return `${plainFigure(value.times(100))}%`;
}

/** The factor of a growth rate in an equation: `(1 + 26.4%)`, `(1 - 74%)`. */
export function formatGrowthFactor(rate: D): string {
  return rate.isNegative() && !rate.isZero() ? `(1 - ${formatExactRate(rate.negated())})` : `(1 + ${formatExactRate(rate)})`;
}

function grouped(value: D): string {
  // group() with no minimum: every whole part grouped by threes, in one pass.
  return group(plainFigure(value), 0);
}
