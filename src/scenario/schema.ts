import { z } from 'zod';
import { D } from '../engine/decimal.js';
import { parseAmount, type Amount } from './parseAmount.js';
import { parseRate, type Rate } from './parseRate.js';

// The scenario format. Numbers reach this schema as their source text (see toData.ts), so
// every figure is parsed straight into a Decimal and never passes through a JS number.

export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const CASE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._%-]*$/;
export const MAX_YEARS = 200;
const MAX_START = 9999;

const numeral = z.union([z.string(), z.number()]);

function percent(value: D): string {
  return `${value.times(100).toFixed()}%`;
}

const amount = numeral.transform((input, ctx): Amount => {
  const parsed = parseAmount(String(input));
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { hint: parsed.error.hint } });
    return z.NEVER;
  }
  return parsed.value;
});

const rate = numeral.transform((input, ctx): Rate => {
  const parsed = parseRate(String(input));
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error.message, params: { hint: parsed.error.hint } });
    return z.NEVER;
  }
  return parsed.value;
});

const growthRate = rate.refine((r) => r.value.gte(-1), {
  error: (issue) => `must be at least -100% (got ${percent((issue.input as Rate).value)})`,
  params: { hint: 'a fall can take away at most everything: -100%' },
});

const utilizationRate = rate.refine((r) => r.value.gte(0) && r.value.lte(1), {
  error: (issue) => `must be between 0% and 100% (got ${percent((issue.input as Rate).value)})`,
  params: { hint: 'utilization is the share of the market cap that is locked: 5% is written 5%' },
});

function wholeNumber(min: number, max: number, what: string) {
  return numeral.transform((input, ctx): number => {
    const text = String(input).trim();
    if (!/^[0-9]+$/.test(text) || Number(text) < min || Number(text) > max) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number of ${what} from ${min} to ${max} (got ${text})` });
      return z.NEVER;
    }
    return Number(text);
  });
}

const years = wholeNumber(0, MAX_YEARS, 'years');
const start = wholeNumber(1, MAX_START, 'a year');

export const phaseSchema = z.strictObject({
  years: wholeNumber(1, MAX_YEARS, 'years'),
  rate: growthRate,
});

const growth = z.union([growthRate, z.array(phaseSchema).min(1, { error: 'needs at least one phase' })], {
  error: 'must be a rate like 26.4%, or a list of phases like [{years: 2, rate: 50%}, {years: 3, rate: 20%}]',
});

const utilization = z.union([utilizationRate, z.strictObject({ from: utilizationRate, to: utilizationRate })], {
  error: 'must be a rate like 5%, or a ramp like {from: 0.46%, to: 5%}',
});

const step = z.enum(['year', 'quarter', 'month'], { error: 'must be year, quarter or month' });
const text = z.string({ error: 'must be text' });

/** The fields a case may override; the same fields an inline flag may set. */
export const modelFields = {
  start: start.optional(),
  years: years.optional(),
  step: step.optional(),
  tvl: amount.optional(),
  market_cap: amount.optional(),
  utilization: utilization.optional(),
  growth: growth.optional(),
};

export const caseSchema = z.strictObject(modelFields);

export const scenarioSchema = z.strictObject({
  name: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .regex(NAME_PATTERN, { error: 'must use only lowercase letters, digits and hyphens, starting with a letter or digit' }),
  title: text.optional(),
  source: text.optional(),
  notes: text.optional(),
  unit: z.enum(['USD', 'BTC'], { error: 'must be USD or BTC' }).optional(),
  ...modelFields,
  cases: z
    .record(
      z.string().regex(CASE_PATTERN, { error: 'a case name uses letters, digits, and . _ % -, starting with a letter or digit' }),
      caseSchema,
      { error: 'must map case names to their overrides, like {rounded: {growth: 26.4%}}' },
    )
    .optional(),
});

export type ScenarioFile = z.output<typeof scenarioSchema>;
export type CaseFields = z.output<typeof caseSchema>;
export type GrowthField = NonNullable<CaseFields['growth']>;
export type UtilizationField = NonNullable<CaseFields['utilization']>;
export const MODEL_KEYS = Object.keys(modelFields) as (keyof CaseFields)[];
export const SCENARIO_KEYS = Object.keys(scenarioSchema.shape);
