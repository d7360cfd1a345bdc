import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { expectationSchema } from './expectationSchema.js';
import type { Locator } from './locate.js';
import { amount, described, exactAmount, growthRate, utilizationRate, wholeNumber } from './fields.js';

// The scenario format: one scenario per file. Field types are in fields.ts.

// zod/mini rather than zod: the same parser without the chained-method API, whose set-up at
// load was the largest part of btcfi's start-up. Its messages in English, as zod's default;
// and parse without generating code (zod's JIT): a run validates a few small files, where
// compiling parsers costs more than it saves.
z.config({ ...en(), jitless: true });

export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const CASE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._%-]*$/;
export const MAX_YEARS = 200;
/** The most periods a path may have: 200 years of months. */
export const MAX_PERIODS = 2400;
/** The most cases a scenario may have. */
export const MAX_CASES = 100;
export const CASE_NAME_MESSAGE = 'a case name uses letters, digits, and . _ % -, starting with a letter or digit';
const MAX_START = 9999;

const years = wholeNumber(0, MAX_YEARS, 'years');
const start = wholeNumber(1, MAX_START, 'a year');

export const phaseSchema = z.strictObject({
  years: wholeNumber(1, MAX_YEARS, 'years'),
  rate: growthRate,
});

const growth = z.union([growthRate, z.array(phaseSchema).check(z.minLength(1, { error: 'needs at least one phase' }))], {
  error: 'must be a rate like 26.4%, or a list of phases like [{years: 2, rate: 50%}, {years: 3, rate: 20%}]',
});

const utilization = z.union([utilizationRate, z.strictObject({ from: utilizationRate, to: utilizationRate })], {
  error: 'must be a rate like 5%, or a ramp like {from: 0.46%, to: 5%}',
});

const step = z.enum(['year', 'quarter', 'month'], { error: 'must be year, quarter or month' });
const text = z.string({ error: 'must be text' });

/** The fields a case may override; the same fields an inline flag may set. */
export const modelFields = {
  start: described(z.optional(start), 'First calendar year (2026); without it periods read +0, +1, ...'),
  years: described(z.optional(years), 'Horizon in whole years, 0 to 200 (default 0)'),
  step: described(z.optional(step), 'Period length: year (default), quarter or month'),
  tvl: described(z.optional(amount), 'A TVL that compounds at growth: 238.5B, $2T, "2,000,000", 2e12, 91,332 BTC'),
  market_cap: described(z.optional(amount), 'A market cap that compounds at growth; TVL = market_cap x utilization'),
  utilization: described(z.optional(utilization), 'Share of the market cap locked as TVL: 5%, or a ramp {from: 0.46%, to: 5%}'),
  growth: described(z.optional(growth), 'Growth per year (CAGR): 26.4%, -74%, 0.05, or phases [{years: 2, rate: 50%}, ...]'),
  resample: described(
    z.optional(z.enum(['path', 'yearly'], { error: 'must be path or yearly' })),
    'For an uncertain growth: draw it once per path (path, the default) or anew each year (yearly)',
  ),
  target: described(z.optional(exactAmount), 'A TVL to reach: btcfi project reports when it is reached, and the growth or utilization that would reach it at the horizon'),
};

export const caseSchema = z.strictObject(modelFields);

export const scenarioSchema = z.strictObject({
  name: described(
    z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
      .check(z.regex(NAME_PATTERN, { error: 'must use only lowercase letters, digits and hyphens, starting with a letter or digit' })),
    'Scenario name: lowercase letters, digits and hyphens; unique among the files loaded',
  ),
  title: described(z.optional(text), 'A title for tables'),
  source: described(z.optional(text), 'Where the claim comes from'),
  notes: described(z.optional(text), 'Anything a reader should know'),
  unit: described(z.optional(z.enum(['USD', 'BTC'], { error: 'must be USD or BTC' })), 'Unit of every amount: USD (default) or BTC'),
  ...modelFields,
  cases: described(
    z.optional(
      z.record(z.string().check(z.regex(CASE_PATTERN, { error: CASE_NAME_MESSAGE })), caseSchema, {
        error: 'must map case names to their overrides, like {rounded: {growth: 26.4%}}',
      }),
    ),
    'Named variants, each overriding fields of the scenario: {rounded: {growth: 26.4%}}',
  ),
  expect: described(
    z.optional(z.array(expectationSchema, { error: 'must be a list of expectations, like - {period: 2031, tvl: 770.6B, within: 0.5%}' })),
    'Figures the scenario must reproduce, checked by btcfi check',
  ),
});

export type ScenarioFile = z.output<typeof scenarioSchema>;

/** A scenario that passed the schema, with where each of its fields was written. */
export interface ParsedScenario {
  readonly file: string;
  readonly data: ScenarioFile;
  readonly locate: Locator;
}
export type CaseFields = z.output<typeof caseSchema>;
export type GrowthField = NonNullable<CaseFields['growth']>;
export type Resample = NonNullable<CaseFields['resample']>;
export type UtilizationField = NonNullable<CaseFields['utilization']>;
export const MODEL_KEYS = Object.keys(modelFields) as (keyof CaseFields)[];
export const SCENARIO_KEYS = Object.keys(scenarioSchema.shape);
