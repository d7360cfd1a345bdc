import { P, type D } from './decimal.js';
import type { Fixed } from '../core/fixed.js';
import { fixedDivide } from './fixedDivide.js';
import { fixedOf } from './fixedOf.js';
import { fixedPlus } from './fixedPlus.js';
import { fixedTimes } from './fixedTimes.js';

/**
 * The utilization of a ramp from `from` to `to` over `periods` periods at each index, in the
 * step's arithmetic, computed as asked for (in order) and kept: (from × periods + (to - from) ×
 * index) / periods, the numerator exact and carried from index to index, the ends the ramp's own
 * figures. Cases that share a ramp share its values.
 */
export function rampUtilization(from: D, to: D, periods: number): (index: number) => Fixed {
  const values: Fixed[] = [fixedOf(from)];
  const step = fixedOf(new P(to).minus(from));
  const last = fixedOf(to);
  let numerator = fixedTimes(fixedOf(from), fixedOf(new P(periods)));
  return (index) => {
    while (values.length <= index) {
      const next = values.length;
      numerator = fixedPlus(numerator, step);
      values.push(next === periods ? last : fixedDivide(numerator, periods));
    }
    return values[index]!;
  };
}
