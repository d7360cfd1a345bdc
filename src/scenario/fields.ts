import { z } from 'zod';
import { D } from '../engine/decimal.js';
import { parseAmount, type Amount } from './parseAmount.js';
import { parseRate, type Rate } from './parseRate.js';

// The field types of the scenario format. Numbers reach these schemas as their source text
// (see toData.ts), so every figure is parsed straight into a Decimal, never through a JS number.

export const numeral = z.union([z.string(), z.number()]);

export function percent(value: D): string {
  return `${value.times(100).toFixed()}%`;
}

export const amount = numeral.transform((input, ctx): Amount => {
  const parsed = parseAmount(String(input));
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { hint: parsed.error.hint } });
    return z.NEVER;
  }
  return parsed.value;
});

export const rate = numeral.transform((input, ctx): Rate => {
  const parsed = parseRate(String(input));
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { hint: parsed.error.hint } });
    return z.NEVER;
  }
  return parsed.value;
});

export const growthRate = rate.refine((r) => r.value.gte(-1), {
  error: (issue) => `must be at least -100% (got ${percent((issue.input as Rate).value)})`,
  params: { hint: 'a fall can take away at most everything: -100%' },
});

export const utilizationRate = rate.refine((r) => r.value.gte(0) && r.value.lte(1), {
  error: (issue) => `must be between 0% and 100% (got ${percent((issue.input as Rate).value)})`,
  params: { hint: 'utilization is the share of the market cap that is locked: 5% is written 5%' },
});

export function wholeNumber(min: number, max: number, what: string) {
  return z.union([z.int(), z.string()]).transform((input, ctx): number => {
    const text = String(input).trim();
    if (!/^[0-9]+$/.test(text) || Number(text) < min || Number(text) > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number of ${what} from ${min} to ${max} (got ${text})` });
      return z.NEVER;
    }
    return Number(text);
  });
}

