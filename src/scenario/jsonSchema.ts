import * as z from 'zod/mini';
import { expectationSchema, STATISTICS } from './expectationSchema.js';
import { amount, exactAmount, growthRate, utilizationRate } from './fields.js';
import { caseFields, FIELD_TABLE, MAX_YEARS, phaseSchema } from './fieldTable.js';
import { sweepSchema } from './sweepSchema.js';
import { caseSchema, scenarioSchema } from './schema.js';
import { referencesField } from './referenceSchema.js';
import { issuance, supplyShare } from './marketFields.js';

/**
 * The scenario format as a JSON Schema, generated from the zod schema. Draft-07, the draft
 * that YAML language servers read; it describes what may be written (the input side).
 *
 * zod sees every figure as text (its own parsers read it), so the generated schema says only
 * "a string or a number" for an amount or a rate. The figures' own shapes are added here, as
 * patterns and bounds that follow parseAmount and parseRate: an editor then marks `140%` for a
 * utilization, `26.4` for a growth, `-5B` for a TVL or `years: 500` as the file is typed.
 * What needs the whole file (phases that add up to years:, a period within the horizon, a unit
 * that matches) is for `btcfi validate`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const refinements = REFINEMENTS();
  const generated = z.toJSONSchema(scenarioSchema(), {
    target: 'draft-7',
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      const refine = refinements.get(zodSchema);
      if (refine !== undefined) {
        refine(jsonSchema as JsonSchema);
      }
    },
  });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'btcfi scenario',
    description: 'One BTCFi TVL scenario: a TVL, or a market cap times a utilization, compounding over a horizon. See btcfi --help.',
    ...rest,
    definitions: DEFINITIONS,
  };
}

type JsonSchema = Record<string, unknown>;

// The pieces of the patterns, as parseAmount and parseRate read a figure (after trimming it).
const DIGITS = String.raw`(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)`;
const GROUPED = String.raw`[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?`;
const AMOUNT = String.raw`\$?\s*(?:${GROUPED}|${DIGITS})(?:[eE][+-]?[0-9]{1,6})?\s*(?:[KkMmBbTt]\s*)?(?:USD|usd|BTC|btc)?`;
/** A number with an exponent: its size is not checked here (btcfi does). */
const EXPONENT = String.raw`${DIGITS}[eE][+-]?[0-9]{1,6}`;
/** A bare fraction: at most 1 (a bare number above 1 is refused: 26.4 is written 26.4%). */
const FRACTION = String.raw`(?:0*\.[0-9]+|0+(?:\.[0-9]+)?|0*1(?:\.0+)?|${EXPONENT})`;
/** A percentage from 0% to 100%. */
const PERCENT_TO_100 = String.raw`(?:0*(?:100(?:\.0+)?|[0-9]{1,2}(?:\.[0-9]+)?|\.[0-9]+)|${EXPONENT})\s*%`;
const ANY_RATE = String.raw`[+-]?\s*(?:${DIGITS}(?:[eE][+-]?[0-9]{1,6})?\s*%|${FRACTION})`;
const NON_NEGATIVE_RATE = String.raw`\+?\s*(?:${DIGITS}(?:[eE][+-]?[0-9]{1,6})?\s*%|${FRACTION})`;
/** A growth: any rise, a fall of at most 100%. */
const GROWTH = String.raw`(?:${NON_NEGATIVE_RATE}|-\s*${PERCENT_TO_100}|-\s*${FRACTION})`;
const UTILIZATION = String.raw`\+?\s*(?:${PERCENT_TO_100}|${FRACTION})`;
/** As outputs label a period: 2031, 2026-Q3, 2026-07, +5, +1-Q3. */
const PERIOD = String.raw`(?:\+(?:0|[1-9][0-9]{0,2})|[1-9][0-9]{0,3})(?:-(?:Q[1-4]|0[1-9]|1[0-2]))?`;

/** A figure as text or as a YAML number: one exact value. */
interface Figure {
  readonly pattern: string;
  readonly number: JsonSchema;
}

const amountFigure: Figure = { pattern: AMOUNT, number: { minimum: 0, maximum: 1e36 } };
const growthFigure: Figure = { pattern: GROWTH, number: { minimum: -1, maximum: 1 } };
const utilizationFigure: Figure = { pattern: UTILIZATION, number: { minimum: 0, maximum: 1 } };
const anyRateFigure: Figure = { pattern: ANY_RATE, number: { minimum: -1, maximum: 1 } };
const nonNegativeRateFigure: Figure = { pattern: NON_NEGATIVE_RATE, number: { minimum: 0, maximum: 1 } };

const whole = (pattern: string): string => String.raw`^\s*${pattern}\s*$`;

function exact(figure: Figure): JsonSchema {
  return { anyOf: [{ type: 'number', ...figure.number }, { type: 'string', pattern: whole(figure.pattern) }] };
}

/** A schema of DEFINITIONS, by name; its description stays beside it (draft-07 ignores siblings of $ref). */
function ref(name: keyof typeof DEFINITIONS): JsonSchema {
  return { allOf: [{ $ref: `#/definitions/${name}` }] };
}

/** An exact figure, a 90% range (`5% to 10%`), or one distribution of figures. */
function uncertain(figure: Figure, name: keyof typeof EXACT, spreadName: keyof typeof EXACT): JsonSchema {
  const value = ref(name);
  const pair = (a: JsonSchema, b: JsonSchema, first: string, second: string): JsonSchema => ({
    type: 'object',
    properties: { [first]: a, [second]: b },
    required: [first, second],
    additionalProperties: false,
  });
  const tuple = (count: number): JsonSchema => ({ type: 'array', items: Array.from({ length: count }, () => value), additionalItems: false, minItems: count });
  return {
    anyOf: [
      { type: 'number', ...figure.number },
      { type: 'string', pattern: whole(String.raw`${figure.pattern}(?:\s+[Tt][Oo]\s+${figure.pattern})?`) },
      {
        type: 'object',
        description: 'One distribution: {normal: {mean, sd}}, {lognormal: {p5, p95}}, {uniform: [low, high]} or {triangular: [low, mode, high]}',
        properties: {
          normal: pair(value, ref(spreadName), 'mean', 'sd'),
          lognormal: pair(value, value, 'p5', 'p95'),
          uniform: tuple(2),
          triangular: tuple(3),
        },
        additionalProperties: false,
        minProperties: 1,
        maxProperties: 1,
      },
    ],
  };
}

/** An expected figure, or bounds {at_least, at_most}. */
function bounded(name: keyof typeof EXACT): JsonSchema {
  const value = ref(name);
  return {
    anyOf: [value, { type: 'object', properties: { at_least: value, at_most: value }, additionalProperties: false, minProperties: 1 }],
  };
}

/** Keeps the description zod wrote, and replaces what the schema says of the value. */
function replaceWith(replacement: JsonSchema): (schema: JsonSchema) => void {
  return (schema) => {
    for (const key of Object.keys(schema)) {
      if (key !== 'description') {
        delete schema[key];
      }
    }
    Object.assign(schema, structuredClone(replacement));
  };
}

/** A whole number as a YAML number or as text; `pattern` spells min..max out (the tests check both ends). */
function wholeNumber(min: number, max: number, pattern: string): JsonSchema {
  return { anyOf: [{ type: 'integer', minimum: min, maximum: max }, { type: 'string', pattern: whole(pattern) }] };
}

/** A scenario, or a case, compounds a TVL or a market cap, not both; and states a growth or an end, not both. */
function tvlOrMarketCap(schema: JsonSchema): void {
  schema['not'] = { anyOf: [{ required: ['tvl', 'market_cap'] }, { required: ['growth', 'end'] }] };
}

function expectation(schema: JsonSchema): void {
  const properties = schema['properties'] as Record<string, JsonSchema>;
  const set = (key: string, replacement: JsonSchema): void => replaceWith(replacement)(properties[key]!);
  set('period', { anyOf: [{ type: 'integer', minimum: 0, maximum: 9999 }, { type: 'string', pattern: whole(PERIOD) }] });
  set('tvl', bounded('amount'));
  set('market_cap', bounded('amount'));
  set('utilization', bounded('rate'));
  set('within', ref('nonNegativeRate'));
  set('abs', ref('amount'));
  for (const relation of ['above', 'below', 'equals']) {
    set(relation, { type: 'string', pattern: REFERENCE_NAME });
  }
  for (const key of STATISTICS) {
    // A share of paths is a rate; a percentile or mean, an amount of TVL.
    set(key, bounded(key === 'p_target' ? 'rate' : 'amount'));
  }
  const figures = ['tvl', 'market_cap', 'utilization', ...STATISTICS];
  schema['allOf'] = [
    // Exactly one figure, or one reference, an expectation.
    { oneOf: [...figures, 'above', 'below', 'equals'].map((key) => ({ required: [key] })) },
    // A period, except for above or below a reference at every period.
    { anyOf: [{ required: ['period'] }, { required: ['above'] }, { required: ['below'] }] },
    // above and below are strict: no tolerance.
    { if: { anyOf: [{ required: ['above'] }, { required: ['below'] }] }, then: { properties: { within: false, abs: false } } },
    // A relative or an absolute tolerance, not both.
    { not: { required: ['within', 'abs'] } },
    // Bounds are a range already: no tolerance.
    {
      if: { anyOf: figures.map((key) => ({ properties: { [key]: { type: 'object' } }, required: [key] })) },
      then: { properties: { within: false, abs: false } },
    },
  ];
}

const REFERENCE_NAME = '^[a-z0-9][a-z0-9-]*$';

/** A reference: an amount, or {value, period, source, note}; `include` is a file path or a list of them. */
function references(forFile: boolean): (schema: JsonSchema) => void {
  const period = { anyOf: [{ type: 'integer', minimum: 1000, maximum: 9999 }, { type: 'string', pattern: '^[0-9]{4}(?:-(?:Q[1-4]|0[1-9]|1[0-2]))?$' }] };
  const level = {
    anyOf: [
      ref('amount'),
      { type: 'object', properties: { value: ref('amount'), period, source: { type: 'string' }, note: { type: 'string' } }, required: ['value'], additionalProperties: false },
    ],
  };
  const include = { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] };
  return replaceWith({
    type: 'object',
    ...(forFile ? {} : { properties: { include: { description: 'Files of references to include, relative to this file: references/article.yaml', ...include } } }),
    propertyNames: { pattern: REFERENCE_NAME },
    additionalProperties: level,
  });
}

/** One exact figure of each kind, written once and referred to wherever it is used. */
const EXACT = {
  amount: exact(amountFigure),
  rate: exact(anyRateFigure),
  nonNegativeRate: exact(nonNegativeRateFigure),
  growthRate: exact(growthFigure),
  utilizationRate: exact(utilizationFigure),
};

const DEFINITIONS: Readonly<Record<string, JsonSchema>> = {
  ...EXACT,
  uncertainAmount: uncertain(amountFigure, 'amount', 'amount'),
  uncertainGrowthRate: uncertain(growthFigure, 'growthRate', 'nonNegativeRate'),
  uncertainUtilizationRate: uncertain(utilizationFigure, 'utilizationRate', 'nonNegativeRate'),
};

/** What is added to the generated schema of each zod schema, by the zod schema (built when the JSON Schema is). */
const REFINEMENTS = (): Map<unknown, (schema: JsonSchema) => void> =>
  new Map<unknown, (schema: JsonSchema) => void>([
    [amount(), replaceWith(ref('uncertainAmount'))],
    [exactAmount(), replaceWith(ref('amount'))],
    [growthRate(), replaceWith(ref('uncertainGrowthRate'))],
    [utilizationRate(), replaceWith(ref('uncertainUtilizationRate'))],
    // New bitcoin a year: an amount (164,250 BTC) or a rate of the supply (0.83%); the TVL's share of the supply: above 0% to 100%.
    [issuance(), replaceWith({ anyOf: [ref('amount'), ref('nonNegativeRate')] })],
    [supplyShare(), replaceWith(ref('utilizationRate'))],
    [caseFields().years, replaceWith(wholeNumber(0, MAX_YEARS, '0*(?:200|1[0-9]{2}|[1-9]?[0-9])'))],
    [caseFields().start, replaceWith(wholeNumber(1, 9999, '0*[1-9][0-9]{0,3}'))],
    // The values of a sweep are read as the fields are.
    [FIELD_TABLE.years.schema(), replaceWith(wholeNumber(0, MAX_YEARS, '0*(?:200|1[0-9]{2}|[1-9]?[0-9])'))],
    [FIELD_TABLE.start.schema(), replaceWith(wholeNumber(1, 9999, '0*[1-9][0-9]{0,3}'))],
    [sweepSchema(), (schema) => Object.assign(schema, { minProperties: 1, maxProperties: 1 })],
    [phaseSchema().shape.years, replaceWith(wholeNumber(1, MAX_YEARS, '0*(?:200|1[0-9]{2}|[1-9][0-9]?)'))],
    [scenarioSchema(), tvlOrMarketCap],
    [caseSchema(), tvlOrMarketCap],
    [expectationSchema(), expectation],
    [referencesField(), references(false)],
  ]);
