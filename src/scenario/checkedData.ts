import { D } from '../engine/decimal.js';

// The checked data of a file (what the schema made of it: plain objects, arrays, text, numbers
// and decimals) written as JSON and read back as it was. The build checks the bundled files this
// way once, so that a run on them neither builds nor runs the schema.

/** How a decimal is written: an object with this one key, its exact text. No schema output has such a key. */
const DECIMAL_KEY = '$decimal';

/** Checked data as JSON can carry it: every decimal as {"$decimal": text}. Throws on anything else JSON would not carry back. */
export function encodeChecked(value: unknown): unknown {
  if (value instanceof D) {
    // toString writes -0 as 0.
    return { [DECIMAL_KEY]: value.isZero() && value.isNegative() ? '-0' : value.toString() };
  }
  if (Array.isArray(value)) {
    return value.map(encodeChecked);
  }
  if (value !== null && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) {
      throw new Error(`checked data: cannot carry a ${value.constructor?.name ?? 'null-prototype object'}`);
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeChecked(item)]));
  }
  if (value === undefined || typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') {
    throw new Error(`checked data: cannot carry a value of type ${typeof value}`);
  }
  return value;
}

/** The checked data that encodeChecked wrote, with its decimals. */
export function decodeChecked(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(decodeChecked);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === DECIMAL_KEY) {
      return new D(entries[0]![1] as string);
    }
    return Object.fromEntries(entries.map(([key, item]) => [key, decodeChecked(item)]));
  }
  return value;
}
