import * as z from 'zod/mini';
import type { D } from '../engine/decimal.js';
import { addIssue, described, numeral } from './fields.js';
import { parseAmount, type TextProblem } from './parseAmount.js';
import type { Unit } from '../core/unit.js';
import { parseRate } from './parseRate.js';
import type { Result } from '../core/result.js';
import { quoted } from '../core/visibleText.js';
import { REFERENCE_NAME_PATTERN } from './referenceSchema.js';
import { once } from '../core/once.js';

// An expectation: a figure the scenario must reproduce, checked by `btcfi check`.
//   - {case: rounded, period: 2031, tvl: 770.6B, within: 0.5%}
//   - {period: 2030, tvl: 1B, abs: 1M}
//   - {period: 2031, tvl: {at_least: 700B}}
//   - {case: 10%, below: eth-defi}                  # a reference: TVL below it at every period
//   - {case: 11.9%, period: 2026, equals: eth-defi}  # or above, below or equal to it at one period

export const EXPECT_FIELDS = ['tvl', 'market_cap', 'utilization'] as const;
export type ExpectField = (typeof EXPECT_FIELDS)[number];

/** A figure as written, read with the parser of its field (amount or rate). */
export interface Figure {
  readonly value: D;
  readonly text: string;
  readonly marker: Unit | null;
}

export type Tolerance =
  | { readonly kind: 'exact' }
  | { readonly kind: 'relative'; readonly rate: Figure }
  | { readonly kind: 'absolute'; readonly amount: Figure };

/** How a TVL must stand against a reference: strictly above or below its level, or equal to it (within a tolerance). */
export const REFERENCE_RELATIONS = ['above', 'below', 'equals'] as const;
export type ReferenceRelation = (typeof REFERENCE_RELATIONS)[number];

export type ExpectTarget =
  | { readonly kind: 'value'; readonly figure: Figure; readonly tolerance: Tolerance }
  | { readonly kind: 'bounds'; readonly atLeast: Figure | null; readonly atMost: Figure | null }
  | {
      readonly kind: 'reference';
      readonly relation: ReferenceRelation;
      /** The reference's name, as written. */
      readonly reference: string;
      /** Its level, once the check has found it among the scenario's references; null as read from the file. */
      readonly level: D | null;
      readonly tolerance: Tolerance;
    };

/**
 * A figure of the sampled paths of a case with ranges, as `project` reports it: a percentile or
 * the mean of the TVL, or p_target, the share of the paths that reached the target by the period.
 */
export const STATISTICS = ['p5', 'p25', 'p50', 'p75', 'p95', 'mean', 'p_target'] as const;
export type Statistic = (typeof STATISTICS)[number];

export interface Expectation {
  /** A figure of the sampled paths rather than of the exact path; null or absent: the exact path. */
  readonly statistic?: Statistic | null;
  /** null: the scenario has no cases, or the expectation applies to every case. */
  readonly case: string | null;
  /** As the output labels it: `2031`, `2026-Q3`, `2026-07`, `+5`; null for every period (a reference's above or below only). */
  readonly period: string | null;
  readonly field: ExpectField;
  readonly target: ExpectTarget;
}

const expected = once(() =>
  z.union([numeral(), z.strictObject({ at_least: z.optional(numeral()), at_most: z.optional(numeral()) })], {
    error: 'must be a figure like 770.6B or 5%, or bounds like {at_least: 700B}',
  }),
);
type Expected = ReturnType<typeof expected>;

function readFigure(field: ExpectField, text: string): Result<Figure, TextProblem> {
  if (field === 'utilization') {
    const rate = parseRate(text);
    return rate.ok ? { ok: true, value: { value: rate.value.value, text: rate.value.text, marker: null } } : rate;
  }
  return parseAmount(text);
}

const writtenExpectation = once(() =>
  z.strictObject({
    case: described(z.optional(z.union([z.string(), z.number()], { error: 'must be a case name' })), 'The case to check; left out: every case'),
    period: described(z.optional(numeral()), 'The period as output labels it: 2031, 2026-Q3, 2026-07, +5; left out with above or below: every period'),
    tvl: described(z.optional(expected()), 'Expected TVL, or bounds {at_least, at_most}'),
    market_cap: described(z.optional(expected()), 'Expected market cap, or bounds {at_least, at_most}'),
    utilization: described(z.optional(expected()), 'Expected utilization, or bounds {at_least, at_most}'),
    within: described(z.optional(numeral()), 'Relative tolerance: 0.5%'),
    abs: described(z.optional(numeral()), 'Absolute tolerance, in the figure\'s unit: 1M'),
    above: described(z.optional(z.string({ error: 'must be a reference name' })), 'A reference the TVL must be above: at the period, or at every period'),
    below: described(z.optional(z.string({ error: 'must be a reference name' })), 'A reference the TVL must be below: at the period, or at every period'),
    equals: described(z.optional(z.string({ error: 'must be a reference name' })), 'A reference the TVL must equal at the period (within/abs allowed)'),
    ...sampledKeys(),
  }),
);

function sampledKeys(): Record<Statistic, z.ZodMiniOptional<Expected>> {
  const description = (key: Statistic): string =>
    key === 'p_target' ? 'For a case with ranges: the share of sampled paths that reached the target by the period: 0.67 or 67%' : `For a case with ranges: the ${key === 'mean' ? 'mean' : `${key.slice(1)}th percentile`} of the sampled TVLs, as project reports it`;
  return Object.fromEntries(STATISTICS.map((key) => [key, described(z.optional(expected()), description(key))])) as Record<Statistic, z.ZodMiniOptional<Expected>>;
}

/** The keys an expectation may have. */
export const expectationKeys = once((): readonly string[] => Object.keys(writtenExpectation().shape));

export const expectationSchema = once(() => z.pipe(
  writtenExpectation(),
  z.transform((raw, ctx): Expectation => {
    const fail = (path: string[], message: string, hint: string | null = null): typeof z.NEVER => {
      addIssue(ctx, { path, message, params: { hint } });
      return z.NEVER;
    };
    const statistics = STATISTICS.filter((name) => raw[name] !== undefined);
    const fields = [...EXPECT_FIELDS.filter((name) => raw[name] !== undefined), ...statistics];
    const relations = REFERENCE_RELATIONS.filter((name) => raw[name] !== undefined);
    if (fields.length + relations.length !== 1) {
      const named = [...fields, ...relations];
      return fail(
        [],
        named.length === 0 ? 'names no figure' : `names ${named.join(' and ')}; an expectation checks one figure`,
        'give exactly one of tvl, market_cap or utilization (or, for a case with ranges, one of p5, p25, p50, p75, p95, mean or p_target), or one of above, below or equals with a reference name',
      );
    }
    if (relations.length === 1) {
      return readReferenceExpectation(raw, relations[0]!, fail);
    }
    if (raw.period === undefined) {
      // Reported as zod reports a missing key: period is left out only beside above or below.
      ctx.issues.push({ code: 'invalid_type', expected: 'string', input: undefined, path: ['period'], message: 'Invalid input' } as z.core.$ZodRawIssue);
      return z.NEVER;
    }
    const statistic = statistics[0] ?? null;
    // A percentile or mean is of the TVL; p_target is a share, read as a rate.
    const field: ExpectField = statistic === null ? (fields[0] as ExpectField) : 'tvl';
    const key = fields[0]!;
    const written = raw[key]!;
    /** The figure, or null when it does not parse (its issue added): every bad figure is reported. */
    const figure = (path: string[], text: string | number): Figure | null => {
      const read = readFigure(statistic === 'p_target' ? 'utilization' : field, String(text));
      if (read.ok) {
        return read.value;
      }
      fail(path, read.error.message, read.error.hint);
      return null;
    };
    const base = { case: raw.case === undefined ? null : String(raw.case), period: String(raw.period).trim(), field, ...(statistic === null ? {} : { statistic }) };

    if (typeof written === 'object') {
      if (raw.within !== undefined || raw.abs !== undefined) {
        return fail([raw.within !== undefined ? 'within' : 'abs'], 'a tolerance does not apply to bounds', 'bounds are already a range: drop within/abs');
      }
      if (written.at_least === undefined && written.at_most === undefined) {
        return fail([key], 'bounds need at_least, at_most or both');
      }
      const atLeast = written.at_least === undefined ? null : figure([key, 'at_least'], written.at_least);
      const atMost = written.at_most === undefined ? null : figure([key, 'at_most'], written.at_most);
      if ((written.at_least !== undefined && atLeast === null) || (written.at_most !== undefined && atMost === null)) {
        return z.NEVER;
      }
      if (atLeast !== null && atMost !== null && atLeast.value.gt(atMost.value)) {
        return fail([key], `at_least (${atLeast.text}) is above at_most (${atMost.text})`);
      }
      return { ...base, target: { kind: 'bounds', atLeast, atMost } };
    }

    const value = figure([key], written);
    if (value === null) {
      return z.NEVER;
    }
    if (raw.within !== undefined && raw.abs !== undefined) {
      return fail(['abs'], 'within and abs are both set', 'give a relative tolerance (within: 0.5%) or an absolute one (abs: 1M), not both');
    }
    const tolerance = readTolerance(raw, (path, text) => figure(path, text), fail);
    return tolerance === null ? z.NEVER : { ...base, target: { kind: 'value', figure: value, tolerance } };
  }),
));

type Written = z.output<ReturnType<typeof writtenExpectation>>;
type Fail = (path: string[], message: string, hint?: string | null) => typeof z.NEVER;

/** within: or abs: (an amount, read by `amount`), or exact; null when one does not read (its issue added). */
function readTolerance(raw: Written, amount: (path: string[], text: string | number) => Figure | null, fail: Fail): Tolerance | null {
  if (raw.within !== undefined) {
    const rate = parseRate(String(raw.within));
    if (!rate.ok) {
      fail(['within'], rate.error.message, rate.error.hint);
      return null;
    }
    if (rate.value.value.isNegative()) {
      fail(['within'], `must not be negative (got ${rate.value.text})`);
      return null;
    }
    return { kind: 'relative', rate: { value: rate.value.value, text: rate.value.text, marker: null } };
  }
  if (raw.abs !== undefined) {
    const read = amount(['abs'], raw.abs);
    return read === null ? null : { kind: 'absolute', amount: read };
  }
  return { kind: 'exact' };
}

/** `{above: eth-defi}`, `{below: eth-defi, period: 2031}`, `{equals: eth-defi, period: 2026}`: the TVL against a reference, named here and found by the check. */
function readReferenceExpectation(raw: Written, relation: ReferenceRelation, fail: Fail): Expectation {
  const reference = raw[relation]!.trim();
  if (!REFERENCE_NAME_PATTERN.test(reference)) {
    return fail([relation], `${quoted(reference)} is not a reference name`, 'name one of the scenario\'s references, like eth-defi');
  }
  if (relation !== 'equals' && (raw.within !== undefined || raw.abs !== undefined)) {
    return fail([raw.within !== undefined ? 'within' : 'abs'], `a tolerance does not apply to ${relation}`, 'above and below are strict comparisons: drop within/abs');
  }
  if (relation === 'equals' && raw.period === undefined) {
    return fail(['equals'], 'equals needs a period', 'add the period at which the TVL equals the reference, like period: 2026');
  }
  if (raw.abs !== undefined && raw.within !== undefined) {
    return fail(['abs'], 'within and abs are both set', 'give a relative tolerance (within: 0.5%) or an absolute one (abs: 1M), not both');
  }
  const tolerance = readTolerance(raw, (path, text) => {
    const read = parseAmount(String(text));
    return read.ok ? read.value : (fail(path, read.error.message, read.error.hint), null);
  }, fail);
  if (tolerance === null) {
    return z.NEVER;
  }
  return {
    case: raw.case === undefined ? null : String(raw.case),
    period: raw.period === undefined ? null : String(raw.period).trim(),
    field: 'tvl',
    target: { kind: 'reference', relation, reference, level: null, tolerance },
  };
}
