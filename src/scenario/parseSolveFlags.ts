import { D } from '../engine/decimal.js';
import { checkSignificantDigits, parseAmount } from './parseAmount.js';
import type { Unit } from '../core/unit.js';
import { growthProblem, parseRate } from './parseRate.js';
import { err, ok, type Result } from '../core/result.js';
import { quoted, shown } from '../core/visibleText.js';

// The flags of `btcfi solve`, read with the scenario syntax (238.5B, $2T, 91,332 BTC, 26.4%).
// Pure: a bad value comes back as a FlagProblem for the CLI to show.

/** A figure given on the command line: its value (a rate as a fraction) and the text as typed. */
export interface Given {
  readonly value: D;
  readonly text: string;
}

/** A bad flag value: which flag, what is wrong, and how to write it. */
export interface FlagProblem {
  readonly flag: string;
  readonly message: string;
  readonly hint: string | null;
}

/** An amount that has been read, and whether its text named a unit ($, USD, BTC). */
export interface GivenAmount extends Given {
  readonly flag: string;
  readonly marker: Unit | null;
}

export const MAX_SOLVE_YEARS = new D(1000);
/** Growth is solved over at least this many years: over a shorter span the answer has too many digits to print. */
export const MIN_GROWTH_YEARS = new D('0.01');
const MAX_START = 9999;

export function parseAmountFlag(flag: string, text: string): Result<GivenAmount, FlagProblem> {
  const parsed = parseAmount(text);
  if (!parsed.ok) {
    return err({ flag, ...parsed.error });
  }
  return ok({ flag, value: parsed.value.value, text: parsed.value.text, marker: parsed.value.marker });
}

/** A growth rate: a percentage or a fraction, at least -100%. */
export function parseGrowthFlag(flag: string, text: string): Result<Given, FlagProblem> {
  const parsed = parseRate(text);
  if (!parsed.ok) {
    return err({ flag, ...parsed.error });
  }
  const { value } = parsed.value;
  const floor = growthProblem(value, parsed.value.text);
  if (floor !== null) {
    return err({ flag, ...floor });
  }
  return ok({ value, text: parsed.value.text });
}

/** A span in years: 0 to 1000, fractions allowed (2.5). */
export function parseYearsFlag(flag: string, text: string): Result<Given, FlagProblem> {
  const trimmed = text.trim();
  if (!/^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/.test(trimmed)) {
    return err({ flag, message: `${quoted(trimmed)} is not a number of years`, hint: 'write a number of years from 0 to 1000, like 5 or 2.5' });
  }
  const tooPrecise = checkSignificantDigits(trimmed.replace(/\.$/, ''), trimmed);
  if (tooPrecise !== null) {
    return err({ flag, ...tooPrecise });
  }
  const value = new D(trimmed);
  if (value.gt(MAX_SOLVE_YEARS)) {
    return err({ flag, message: `must be from 0 to 1000 years (got ${shown(trimmed)})`, hint: null });
  }
  return ok({ value, text: trimmed });
}

/** A first calendar year, 1 to 9999. */
export function parseStartFlag(flag: string, text: string): Result<number, FlagProblem> {
  const trimmed = text.trim();
  if (!/^[0-9]{1,4}$/.test(trimmed) || Number(trimmed) < 1) {
    return err({ flag, message: `must be a calendar year from 1 to ${MAX_START} (got ${shown(trimmed)})`, hint: 'the year of the start, like 2026' });
  }
  return ok(Number(trimmed));
}

/**
 * The unit of a solve's amounts: the one their texts name, USD when none does. A $ (or USD) on
 * one amount and BTC on another is a problem, named at the second.
 */
export function agreeUnit(amounts: readonly GivenAmount[]): Result<Unit, FlagProblem> {
  const marked = amounts.filter((amount) => amount.marker !== null);
  const first = marked[0];
  if (first === undefined) {
    return ok('USD');
  }
  const other = marked.find((amount) => amount.marker !== first.marker);
  if (other !== undefined) {
    return err({
      flag: other.flag,
      message: `${quoted(other.text)} is in ${unitName(other.marker!)} but ${first.flag} ${quoted(first.text)} is in ${unitName(first.marker!)}`,
      hint: 'the amounts of one solve share a unit: all in dollars ($2T) or all in bitcoin (91,332 BTC); a bare number takes the unit of the others',
    });
  }
  return ok(first.marker!);
}

function unitName(unit: Unit): string {
  return unit === 'USD' ? 'dollars' : 'bitcoin';
}

/** A share of a whole (a utilization, a share of supply): 0% to 100%. */
export function parseUtilizationFlag(flag: string, text: string): Result<Given, FlagProblem> {
  const parsed = parseRate(text);
  if (!parsed.ok) {
    return err({ flag, ...parsed.error });
  }
  const { value } = parsed.value;
  if (value.lt(0) || value.gt(1)) {
    return err({ flag, message: `must be between 0% and 100% (got ${shown(parsed.value.text)})`, hint: 'a utilization is the share of the market cap (or of the supply) that is locked: 5% is written 5%' });
  }
  return ok({ value, text: parsed.value.text });
}

/** A price: dollars a bitcoin (100K, $100,000); a BTC marker is refused. */
export function parsePriceFlag(flag: string, text: string): Result<GivenAmount, FlagProblem> {
  const parsed = parseAmountFlag(flag, text);
  if (parsed.ok && parsed.value.marker === 'BTC') {
    return err({ flag, message: `${quoted(parsed.value.text)} is in BTC, but a price is dollars a bitcoin`, hint: 'write the price in dollars: 100K or $100,000' });
  }
  return parsed;
}

/** A supply: bitcoin in circulation (19.85M, 19.85M BTC); a dollar marker is refused. */
export function parseSupplyFlag(flag: string, text: string): Result<GivenAmount, FlagProblem> {
  const parsed = parseAmountFlag(flag, text);
  if (parsed.ok && parsed.value.marker === 'USD') {
    return err({ flag, message: `${quoted(parsed.value.text)} is in dollars, but a supply is counted in bitcoin`, hint: 'write the supply in bitcoin: 19.85M BTC' });
  }
  return parsed;
}
