import * as z from 'zod/mini';
import { addIssue, numeral } from './fields.js';
import { parseAmount, type Amount } from './parseAmount.js';
import { parseRate } from './parseRate.js';
import { shown } from '../core/visibleText.js';
import type { D } from '../engine/decimal.js';
import { once } from '../core/once.js';

// The types of the price and supply fields (their rows are in fieldTable.ts): how much a bitcoin
// is worth in dollars, and how many bitcoin there are.

/** New bitcoin a year: a rate of the supply (0.83%), or an amount (164,250 BTC), read as the rate it is of the starting supply. */
export type Issuance =
  | { readonly kind: 'rate'; readonly value: D; readonly text: string }
  | { readonly kind: 'amount'; readonly value: D; readonly text: string; readonly marker: Amount['marker'] };

export const issuance = once(() => z.pipe(numeral(), z.transform((input, ctx): Issuance => {
  const text = String(input).trim();
  if (text.endsWith('%')) {
    const rate = parseRate(text);
    if (!rate.ok) {
      addIssue(ctx, { message: rate.error.message, params: { hint: rate.error.hint } });
      return z.NEVER;
    }
    if (rate.value.value.isNegative()) {
      addIssue(ctx, { message: `cannot be negative (got ${shown(text)})`, params: { hint: 'issuance adds bitcoin: 0.83% a year, or 164,250 BTC a year' } });
      return z.NEVER;
    }
    return { kind: 'rate', value: rate.value.value, text: rate.value.text };
  }
  const amount = parseAmount(text);
  if (!amount.ok) {
    addIssue(ctx, { message: amount.error.message, params: { hint: 'write new bitcoin a year as an amount (164,250 BTC) or as a rate of the supply (0.83%)' } });
    return z.NEVER;
  }
  return { kind: 'amount', value: amount.value.value, text: amount.value.text, marker: amount.value.marker };
})));

/** The TVL's share of the supply (0.46%): the supply it implies is the TVL over the share. */
export const supplyShare = once(() => z.pipe(numeral(), z.transform((input, ctx): { readonly value: D; readonly text: string } => {
  const rate = parseRate(String(input));
  if (!rate.ok) {
    addIssue(ctx, { message: rate.error.message, params: { hint: rate.error.hint } });
    return z.NEVER;
  }
  const { value, text } = rate.value;
  if (!value.gt(0) || value.gt(1)) {
    addIssue(ctx, { message: `must be above 0% and at most 100% (got ${shown(text)})`, params: { hint: 'the share of the supply that the TVL is: 0.46%' } });
    return z.NEVER;
  }
  return { value, text };
})));
