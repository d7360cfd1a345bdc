import { D } from '../engine/decimal.js';
import { percentText } from './percentText.js';
import { parseAmount, type TextProblem } from './parseAmount.js';
import { growthProblem, parseRate } from './parseRate.js';
import { MAX_YEARS } from './fieldTable.js';
import { err, ok, type Result } from '../core/result.js';
import { suggest } from '../core/suggest.js';
import { FIELD_KIND, GRID_EXAMPLE, GRID_FIELDS, MAX_AXIS_VALUES, type Axis, type GridField, type MarkedAmount } from './axis.js';
import { quoted, shown } from '../core/visibleText.js';

/** One value as read: its decimal, and its unit marker if it is an amount that names one. */
interface Read {
  readonly value: D;
  readonly marked: MarkedAmount | null;
}

const EXAMPLE = GRID_EXAMPLE;

/**
 * Reads FIELD=RANGE: a range `start..end:step` (the end included when a whole number of steps
 * away; the step may be left out for years, where it is 1) or a list `5%,7.5%,10%`. Values are
 * read like the scenario's own fields, so `2T`, `$1.5B`, `5%` and `0.05` all work, and each is
 * checked against the field's limits. In a list the comma separates values, so amounts in a
 * list are written without thousands separators.
 */
export function parseAxis(text: string): Result<Axis, TextProblem> {
  const equals = text.indexOf('=');
  if (equals === -1) {
    return err({ message: `${quoted(text)} names no field`, hint: `write FIELD=RANGE, like ${EXAMPLE.utilization}; the fields are ${GRID_FIELDS.join(', ')}` });
  }
  const name = text.slice(0, equals).trim().toLowerCase().replaceAll('-', '_');
  if (!(GRID_FIELDS as readonly string[]).includes(name)) {
    const near = suggest(name, GRID_FIELDS);
    return err({ message: `unknown field ${quoted(text.slice(0, equals).trim())}`, hint: near !== null ? `did you mean ${quoted(near)}?` : `the fields are ${GRID_FIELDS.join(', ')}` });
  }
  const field = name as GridField;
  const range = text.slice(equals + 1).trim();
  if (range === '') {
    return err({ message: `${field} has no values`, hint: `write a range or a list, like ${EXAMPLE[field]}` });
  }
  return range.includes('..') ? parseRange(field, range) : parseList(field, range);
}

function parseRange(field: GridField, range: string): Result<Axis, TextProblem> {
  const dots = range.indexOf('..');
  const startText = range.slice(0, dots).trim();
  const rest = range.slice(dots + 2);
  const colon = rest.indexOf(':');
  const endText = (colon === -1 ? rest : rest.slice(0, colon)).trim();
  const stepText = colon === -1 ? null : rest.slice(colon + 1).trim();
  if (startText === '' || endText === '' || stepText === '') {
    return err({ message: `${quoted(range)} is not a range`, hint: `write start..end:step, like ${EXAMPLE[field]}` });
  }
  if (stepText === null && field !== 'years') {
    return err({ message: `the range ${range} has no step`, hint: `add one after a colon: ${range}:${startText}` });
  }
  const start = readValue(field, startText);
  if (!start.ok) {
    return start;
  }
  const end = readValue(field, endText);
  if (!end.ok) {
    return end;
  }
  const step = stepText === null ? ok<Read>({ value: new D(1), marked: null }) : readStep(field, stepText);
  if (!step.ok) {
    return step;
  }
  const [from, to, by] = [start.value.value, end.value.value, step.value.value];
  if (by.lte(0)) {
    return err({ message: `the step of ${shown(range)} must be positive (got ${shown(stepText ?? '1')})`, hint: `a range runs upwards, like ${EXAMPLE[field]}` });
  }
  if (to.lt(from)) {
    return err({ message: `the range ${range} ends below its start`, hint: `write the smaller value first: ${endText}..${startText}${stepText === null ? '' : `:${stepText}`}` });
  }
  // Decimal all the way: 0%..30%:10% is exactly 0, 0.1, 0.2 and 0.3.
  const count = to.minus(from).div(by).floor().plus(1);
  if (count.gt(MAX_AXIS_VALUES)) {
    return err({ message: `${range} gives ${count.toFixed()} values; an axis takes at most ${MAX_AXIS_VALUES}`, hint: 'use a larger step or a shorter range' });
  }
  const values: D[] = [];
  for (let k = 0; count.gt(k); k += 1) {
    const value = from.plus(by.times(k));
    if (value.gt(to)) {
      break;
    }
    values.push(value);
  }
  const last = values.at(-1)!;
  const marked = [start.value.marked, end.value.marked, step.value.marked].filter((m): m is MarkedAmount => m !== null);
  return ok({ field, values, marked, stopsShort: last.eq(to) ? null : { last, end: to } });
}

function parseList(field: GridField, list: string): Result<Axis, TextProblem> {
  const items = list.split(',').map((item) => item.trim());
  if (items.length > MAX_AXIS_VALUES) {
    return err({ message: `the list gives ${items.length} values; an axis takes at most ${MAX_AXIS_VALUES}`, hint: null });
  }
  const values: D[] = [];
  const marked: MarkedAmount[] = [];
  for (const item of items) {
    if (item === '') {
      return err({
        message: `the list ${list} has an empty value`,
        hint: FIELD_KIND[field] === 'amount' ? 'commas separate values: write amounts without thousands separators (2000000 or 2M)' : 'separate values with single commas',
      });
    }
    if (FIELD_KIND[field] === 'amount' && /^\$?0[0-9]/.test(item)) {
      // 1,000,2,000 would read as 1, 0, 2, 0.
      return err({ message: `${quoted(item)} in the list ${shown(list)} looks like part of an amount with thousands separators`, hint: 'commas separate values in a list: write 1000,2000 or 1K,2K' });
    }
    const read = readValue(field, item);
    if (!read.ok) {
      return read;
    }
    values.push(read.value.value);
    if (read.value.marked !== null) {
      marked.push(read.value.marked);
    }
  }
  return ok({ field, values, marked, stopsShort: null });
}

/** A value of the field, within the field's limits (as the scenario format sets them). */
function readValue(field: GridField, text: string): Result<Read, TextProblem> {
  switch (FIELD_KIND[field]) {
    case 'amount': {
      const amount = parseAmount(text);
      if (!amount.ok) {
        return amount;
      }
      const { value, marker } = amount.value;
      return ok({ value, marked: marker === null ? null : { text: amount.value.text, marker } });
    }
    case 'rate': {
      const rate = parseRate(text);
      if (!rate.ok) {
        return rate;
      }
      const { value } = rate.value;
      if (field === 'utilization' && (value.lt(0) || value.gt(1))) {
        return err({ message: `utilization must be between 0% and 100% (got ${percentText(value)})`, hint: 'utilization is the share of the market cap that is locked: 5% is written 5%' });
      }
      const floor = field === 'growth' ? growthProblem(value, percentText(value)) : null;
      if (floor !== null) {
        return err({ ...floor, message: `growth ${floor.message}` });
      }
      return ok({ value, marked: null });
    }
    case 'years': {
      if (!/^[0-9]+$/.test(text) || Number(text) > MAX_YEARS) {
        return err({ message: `years must be whole numbers from 0 to ${MAX_YEARS} (got ${shown(text)})`, hint: null });
      }
      return ok({ value: new D(text), marked: null });
    }
  }
}

/** A step: read like the values, but any positive size (the field's limits apply to values, not steps). */
function readStep(field: GridField, text: string): Result<Read, TextProblem> {
  switch (FIELD_KIND[field]) {
    case 'amount': {
      if (/^-/.test(text)) {
        return err({ message: `the step must be positive (got ${shown(text)})`, hint: 'a range runs upwards: start..end:step with start below end' });
      }
      return readValue(field, text);
    }
    case 'rate': {
      const rate = parseRate(text);
      return rate.ok ? ok({ value: rate.value.value, marked: null }) : rate;
    }
    case 'years':
      return /^[0-9]+$/.test(text) ? ok({ value: new D(text), marked: null }) : err({ message: `the step of years must be a whole number (got ${shown(text)})`, hint: null });
  }
}
