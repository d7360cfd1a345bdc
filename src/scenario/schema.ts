import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { expectationSchema } from './expectationSchema.js';
import type { Locator } from './locate.js';
import { described } from './fields.js';
import { CASE_KEYS, caseFields, scenarioLevelFields } from './fieldTable.js';
import { once } from '../core/once.js';
import { sweepSchema } from './sweepSchema.js';

export { MAX_YEARS } from './fieldTable.js';

// The scenario format: one scenario per file. Its fields are rows of fieldTable.ts; their types are in fields.ts.

// zod/mini rather than zod: the same parser without the chained-method API, whose set-up at
// load was the largest part of btcfi's start-up. Its messages in English, as zod's default.
// zod's JIT stays on: it compiles an object's parser at its first parse, not at load, so a run
// of one file costs the same either way (measured), and a run of a thousand files parses them
// faster.
z.config({ ...en(), jitless: false });

export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const CASE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._%-]*$/;
/** The most periods a path may have: 200 years of months. */
export const MAX_PERIODS = 2400;
/** The most cases a scenario may have. */
export const MAX_CASES = 100;
export const CASE_NAME_MESSAGE = 'a case name uses letters, digits, and . _ % -, starting with a letter or digit';

/** The fields a case may override; the same fields an inline flag may set. */
export const caseSchema = once(() => z.strictObject(caseFields()));

export const scenarioSchema = once(() => {
  const text = z.string({ error: 'must be text' });
  return z.strictObject({
    name: described(
      z
        .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
        .check(z.regex(NAME_PATTERN, { error: 'must use only lowercase letters, digits and hyphens, starting with a letter or digit' })),
      'Scenario name: lowercase letters, digits and hyphens; unique among the files loaded',
    ),
    title: described(z.optional(text), 'A title for tables'),
    source: described(z.optional(text), 'Where the claim comes from'),
    notes: described(z.optional(text), 'Anything a reader should know'),
    ...scenarioLevelFields(),
    ...caseFields(),
    cases: described(
      z.optional(
        z.record(z.string().check(z.regex(CASE_PATTERN, { error: CASE_NAME_MESSAGE })), caseSchema(), {
          error: 'must map case names to their overrides, like {rounded: {growth: 26.4%}}',
        }),
      ),
      'Named variants, each overriding fields of the scenario: {rounded: {growth: 26.4%}}',
    ),
    sweep: described(
      z.optional(sweepSchema()),
      'One field and a list of its values, a case each, named by the value as written: {utilization: [5%, 10%, 11.9%]}',
    ),
    expect: described(
      z.optional(z.array(expectationSchema(), { error: 'must be a list of expectations, like - {period: 2031, tvl: 770.6B, within: 0.5%}' })),
      'Figures the scenario must reproduce, checked by btcfi check',
    ),
  });
});

export type ScenarioFile = z.output<ReturnType<typeof scenarioSchema>>;

/** A scenario that passed the schema, with where each of its fields was written. */
export interface ParsedScenario {
  readonly file: string;
  readonly data: ScenarioFile;
  readonly locate: Locator;
}
export type CaseFields = z.output<ReturnType<typeof caseSchema>>;
export type GrowthField = NonNullable<CaseFields['growth']>;
export type Resample = NonNullable<CaseFields['resample']>;
export type UtilizationField = NonNullable<CaseFields['utilization']>;
export const MODEL_KEYS: readonly (keyof CaseFields)[] = CASE_KEYS;
/** The keys a scenario file may have. */
export const scenarioKeys = once((): readonly string[] => Object.keys(scenarioSchema().shape));
