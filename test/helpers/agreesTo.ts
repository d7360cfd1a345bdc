import { D } from '../../src/engine/decimal.js';

/** Whether `got` agrees with `reference` to `digits` significant digits: |got - reference| <= |reference| x 10^-digits. */
export function agreesTo(got: D, reference: D, digits = 30): boolean {
  if (reference.isZero()) {
    return got.abs().lte(new D(10).pow(-digits));
  }
  return got.minus(reference).abs().lte(reference.abs().times(new D(10).pow(-digits)));
}

/** `got` and `reference` side by side, for a failing assertion's message. */
export function compare(got: D, reference: D): string {
  return `got ${got.toFixed()}, reference ${reference.toFixed()}`;
}
