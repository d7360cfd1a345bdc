import { assert } from './assert.js';
import { P, type D } from './decimal.js';
import type { Fixed } from '../core/fixed.js';
import { FIXED_ONE, fixedOf } from './fixedOf.js';
import { fixedTimes } from './fixedTimes.js';
import { SUBPERIOD_MESSAGE } from './messages.js';
import { rampUtilization } from './rampUtilization.js';
import { partYearFactors } from './partYearFactors.js';
import { yearFactor } from './yearFactor.js';

/** Ramps whose utilizations are kept (each up to 2,401 values). */
const KEPT_RAMPS = 8;

/** Rates whose year products are kept (each one a year of the longest path at that rate). */
const KEPT_PRODUCT_RATES = 64;

/** The growth factors of a run, each computed once per distinct rate and step, then looked up. */
export interface Factors {
  /** 1 + rate. */
  readonly year: (rate: D) => D;
  /** (1 + rate)^(subperiod / perYear), for a subperiod from 1 to perYear - 1. */
  readonly partYear: (rate: D, subperiod: number, perYear: number) => D;
  /** year(rate), as the step's BigInt arithmetic takes it. */
  readonly yearFixed: (rate: D) => Fixed;
  /** partYear(rate, j, perYear) for every j (entry 0 is 1), as the step's BigInt arithmetic takes them. */
  readonly partYearFixed: (rate: D, perYear: number) => readonly Fixed[];
  /** rampUtilization(from, to, periods), kept for the last few ramps asked for: the cases of a scenario share theirs. */
  readonly ramp: (from: D, to: D, periods: number) => (index: number) => Fixed;
  /** The change over one period of a year of `perYear` at `rate`: (1 + rate)^(1 / perYear) - 1. */
  readonly periodChange: (rate: D, perYear: number) => D;
  /** periodChange(rate, perYear), as the step's BigInt arithmetic takes it: the same object for the same rate and step. */
  readonly periodChangeFixed: (rate: D, perYear: number) => Fixed;
  /**
   * The whole-year product after k years at `rate`, for k of 0 or more: 1, then each one the one
   * before it by nextYearProduct. Shared by the paths of a run at the same rate (kept for the last
   * KEPT_PRODUCT_RATES rates asked for), made as far as a path asks.
   */
  readonly yearProducts: (rate: D) => (years: number) => Fixed;
}

/**
 * A fresh memo of growth factors. A monthly path of 200 years asks for 2,400 part-year factors
 * of a handful of rates; a fractional power costs far more than a lookup.
 */
export function makeFactors(): Factors {
  const years = new Map<string, D>();
  const parts = new Map<string, readonly D[]>();
  const changes = new Map<string, D>();
  const year = (rate: D): D => {
    const key = rate.toString();
    let factor = years.get(key);
    if (factor === undefined) {
      factor = yearFactor(rate);
      years.set(key, factor);
    }
    return factor;
  };
  const partYear = (rate: D, subperiod: number, perYear: number): D => {
    assert(Number.isInteger(subperiod) && subperiod >= 1 && subperiod < perYear, SUBPERIOD_MESSAGE);
    const key = `${perYear}|${rate.toString()}`;
    let row = parts.get(key);
    if (row === undefined) {
      row = partYearFactors(rate, perYear);
      parts.set(key, row);
    }
    return row[subperiod]!;
  };
  const periodChange = (rate: D, perYear: number): D => {
    if (perYear === 1) {
      return year(rate).minus(1);
    }
    const key = `${perYear}|${rate.toString()}`;
    let change = changes.get(key);
    if (change === undefined) {
      change = partYear(rate, 1, perYear).minus(1);
      changes.set(key, change);
    }
    return change;
  };
  const yearFixed = memoFixed(year, (rate) => rate.toString());
  const fixedRows = new Map<string, readonly Fixed[]>();
  const partYearFixed = (rate: D, perYear: number): readonly Fixed[] => {
    const key = `${perYear}|${rate.toString()}`;
    let row = fixedRows.get(key);
    if (row === undefined) {
      row = Array.from({ length: perYear }, (_, j) => fixedOf(j === 0 ? new P(1) : partYear(rate, j, perYear)));
      fixedRows.set(key, row);
    }
    return row;
  };
  const changesFixed = new Map<number, (rate: D) => Fixed>();
  const periodChangeFixed = (rate: D, perYear: number): Fixed => {
    let memo = changesFixed.get(perYear);
    if (memo === undefined) {
      memo = memoFixed((r) => periodChange(r, perYear), (r) => r.toString());
      changesFixed.set(perYear, memo);
    }
    return memo(rate);
  };
  const ramps = new Map<string, (index: number) => Fixed>();
  const ramp = (from: D, to: D, periods: number): ((index: number) => Fixed) => {
    const key = `${periods}|${from.toString()}|${to.toString()}`;
    let values = ramps.get(key);
    if (values === undefined) {
      if (ramps.size >= KEPT_RAMPS) {
        ramps.delete(ramps.keys().next().value!);
      }
      values = rampUtilization(from, to, periods);
      ramps.set(key, values);
    }
    return values;
  };
  return { year, partYear, yearFixed, partYearFixed, ramp, periodChange, periodChangeFixed, yearProducts: keptYearProducts(yearFixed) };
}

/**
 * Factors.yearProducts: each product the one before it × yearFixed(rate), nextYearProduct's rule
 * (which takes the Factors this builds), kept for the last KEPT_PRODUCT_RATES rates asked for.
 */
function keptYearProducts(yearFixed: (rate: D) => Fixed): (rate: D) => (years: number) => Fixed {
  const products = new Map<string, Fixed[]>();
  return (rate) => {
    const key = rate.toString();
    let row = products.get(key);
    if (row === undefined) {
      if (products.size >= KEPT_PRODUCT_RATES) {
        products.delete(products.keys().next().value!);
      }
      row = [FIXED_ONE];
    } else {
      // The last asked for is the last to go.
      products.delete(key);
    }
    products.set(key, row);
    const known = row;
    const factor = yearFixed(rate);
    return (years) => {
      while (known.length <= years) {
        known.push(fixedTimes(known.at(-1)!, factor));
      }
      return known[years]!;
    };
  };
}

/** A factor as a Fixed, converted once per distinct key. */
function memoFixed(factor: (rate: D) => D, key: (rate: D) => string): (rate: D) => Fixed {
  const known = new Map<string, Fixed>();
  // The last rate asked for, by identity: a path asks for the same rate object year after year.
  let lastRate: D | null = null;
  let lastValue: Fixed | null = null;
  return (rate) => {
    if (rate === lastRate) {
      return lastValue!;
    }
    const k = key(rate);
    let value = known.get(k);
    if (value === undefined) {
      value = fixedOf(factor(rate));
      known.set(k, value);
    }
    lastRate = rate;
    lastValue = value;
    return value;
  };
}
