import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import { FIT_POINTS_MESSAGE, FIT_POSITIVE_MESSAGE } from './messages.js';
import { expMinusOne } from './expMinusOne.js';
import { lnRatio } from './lnRatio.js';

export interface FitPoint {
  /** Time in years from any fixed origin. */
  readonly years: D;
  /** A positive amount. */
  readonly value: D;
}

export interface LogLinearFit {
  /** e^slope - 1: the constant growth per year (a fraction) of the fitted line. */
  readonly growth: D;
  /** b of ln(value) = a + b x years: the continuously compounded rate per year. */
  readonly slope: D;
  /** a of ln(value) = a + b x years, at years = 0 of the points' origin. */
  readonly intercept: D;
}

/**
 * The least-squares line through (years, ln value): ln(value) = a + b x years, and the growth
 * per year e^b - 1 it stands for. Unlike the endpoint CAGR, every point counts.
 *
 * The logarithms are taken of value / first value, so points close in value keep their digits.
 */
export function fitLogLinear(points: readonly FitPoint[]): LogLinearFit {
  assert(points.length >= 2, FIT_POINTS_MESSAGE);
  assert(points.every((point) => point.value.gt(0)), FIT_POSITIVE_MESSAGE);
  const base = points[0]!.value;
  const xs = points.map((point) => new P(point.years));
  const ys = points.map((point) => lnRatio(point.value, base));
  const meanX = sum(xs).div(points.length);
  const meanY = sum(ys).div(points.length);
  let sxx = new P(0);
  let sxy = new P(0);
  xs.forEach((x, i) => {
    const dx = x.minus(meanX);
    sxx = sxx.plus(dx.times(dx));
    sxy = sxy.plus(dx.times(ys[i]!.minus(meanY)));
  });
  assert(sxx.gt(0), FIT_POINTS_MESSAGE);
  const slope = sxy.div(sxx);
  const intercept = new P(base).ln().plus(meanY).minus(slope.times(meanX));
  return { growth: expMinusOne(slope), slope, intercept };
}

function sum(values: readonly D[]): D {
  return values.reduce((total, value) => total.plus(value), new P(0));
}
