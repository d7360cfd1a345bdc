import type { D } from '../engine/decimal.js';

/** A fraction as an exact percentage, as flags and messages write it: 0.264 -> `26.4%`. */
export function percentText(value: D): string {
  return `${value.times(100).toFixed()}%`;
}
