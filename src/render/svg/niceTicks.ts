import { D } from '../../engine/decimal.js';

/**
 * An axis of figures: the range it spans and its ticks, every one a round figure (1, 2 or 5
 * times a power of ten, or a multiple of such a step). Ticks are exact decimals: labels print
 * them, and only positions on the page become JS numbers.
 */
export interface ValueAxis {
  readonly low: D;
  readonly high: D;
  readonly ticks: readonly D[];
  readonly log: boolean;
}

const NICE = [1, 2, 5, 10] as const;

/** The smallest step of 1, 2 or 5 times a power of ten that is at least `raw` (> 0). */
export function niceStep(raw: D): D {
  const power = new D(10).pow(raw.e);
  const mantissa = raw.div(power);
  const nice = NICE.find((m) => mantissa.lte(m)) ?? 10;
  return power.times(nice);
}

/**
 * A linear axis over `low` to `high` with about `count` ticks (never more than count + 1): the
 * ends rounded out to whole steps. `withZero` stretches it to include zero (a TVL drawn from
 * nothing); an empty range becomes one step around its value.
 */
export function linearAxis(low: D, high: D, count: number, withZero: boolean): ValueAxis {
  let from = withZero ? D.min(low, 0) : low;
  let to = withZero ? D.max(high, 0) : high;
  if (from.eq(to)) {
    const pad = from.isZero() ? new D(1) : new D(10).pow(from.abs().e);
    [from, to] = withZero && !from.isNegative() ? [new D(0), D.max(to, pad)] : [from.minus(pad), to.plus(pad)];
  }
  const step = niceStep(to.minus(from).div(count));
  const first = from.div(step).floor().times(step);
  const last = to.div(step).ceil().times(step);
  const ticks: D[] = [];
  for (let tick = first; tick.lte(last); tick = tick.plus(step)) {
    ticks.push(tick);
  }
  return { low: first, high: last, ticks, log: false };
}

/** 1, 2 and 5 times a power of ten, from 10^from to 10^to. */
function oneTwoFive(from: number, to: number): D[] {
  const values: D[] = [];
  for (let e = from; e <= to; e += 1) {
    for (const m of [1, 2, 5]) {
      values.push(new D(m).times(new D(10).pow(e)));
    }
  }
  return values;
}

/**
 * A log axis over positive `low` to `high`: over a few decades its ends are the round figures
 * (1, 2, 5 × 10^k) around the range and every such figure is a tick; over more, the ends are
 * powers of ten and the ticks every power (or every 2nd, 5th, 10th... to keep about `count`).
 */
export function logAxis(low: D, high: D, count: number): ValueAxis {
  const lowExp = low.e;
  const highExp = high.eq(new D(10).pow(high.e)) ? high.e : high.e + 1;
  if (highExp - lowExp <= 3) {
    const candidates = oneTwoFive(lowExp, highExp);
    const from = [...candidates].reverse().find((value) => value.lte(low)) ?? candidates[0]!;
    const to = candidates.find((value) => value.gte(high) && value.gt(from)) ?? candidates.at(-1)!;
    return { low: from, high: to, ticks: candidates.filter((value) => value.gte(from) && value.lte(to)), log: true };
  }
  const every = niceStep(new D(highExp - lowExp).div(count + 1)).toNumber();
  const first = Math.floor(lowExp / every) * every;
  const last = Math.ceil(highExp / every) * every;
  const ticks: D[] = [];
  for (let e = first; e <= last; e += every) {
    ticks.push(new D(10).pow(e));
  }
  return { low: ticks[0]!, high: ticks.at(-1)!, ticks, log: true };
}

/**
 * log10 of a positive decimal as a JS number: its exponent plus the log of its leading 17
 * digits, so figures far beyond a double's range (1e400) still have a place on a log axis.
 */
export function log10Of(value: D): number {
  const [mantissa, exponent] = value.toSignificantDigits(17).toExponential().split('e') as [string, string];
  return Number(exponent) + Math.log10(Number(mantissa));
}

/** Where a value falls on the axis: 0 at its low end, 1 at its high end (beyond them outside 0..1; zero and below at 0 on a log axis). */
export function axisScale(axis: ValueAxis): (value: D) => number {
  if (axis.log) {
    const low = log10Of(axis.low);
    const span = log10Of(axis.high) - low;
    return (value) => (value.lte(0) ? 0 : (log10Of(value) - low) / span);
  }
  const span = axis.high.minus(axis.low);
  return (value) => value.minus(axis.low).div(span).toNumber();
}

/** The significant digits a round figure needs to be printed exactly (150e9: 2). */
export function tickDigits(value: D): number {
  return Math.max(1, value.isZero() ? 1 : value.sd());
}
